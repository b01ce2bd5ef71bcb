/** What `export FORMAT PATH` writes and its flags; shared by the command's definition and its work, so neither imports the other. */
export const exportKinds = ['postman', 'curl'] as const;
export type ExportKind = (typeof exportKinds)[number];

export interface ExportFlags {
  out?: string;
  force?: boolean;
}
