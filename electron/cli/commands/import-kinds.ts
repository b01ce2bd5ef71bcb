/** What `import FORMAT FILE` reads; shared by the command's definition and its work, so neither imports the other. */
export const importKinds = ['curl', 'postman', 'openapi'] as const;
export type ImportKind = (typeof importKinds)[number];
