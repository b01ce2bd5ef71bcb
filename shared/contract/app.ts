import { z } from 'zod';
import { method } from './define';

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  createdAt: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const EnvironmentKindSchema = z.enum(['sandbox', 'test', 'production', 'custom']);
export type EnvironmentKind = z.infer<typeof EnvironmentKindSchema>;

export const ActiveEnvironmentSchema = z.object({
  profileId: z.string(),
  profileName: z.string(),
  kind: EnvironmentKindSchema,
  baseUrl: z.string(),
});
export type ActiveEnvironment = z.infer<typeof ActiveEnvironmentSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export const AppSettingsSchema = z.object({
  theme: ThemeSchema,
  /** Hides the guided quick start's explanations for people who know the flow. */
  compactSteps: z.boolean(),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;

export const appContract = {
  getAppInfo: method({
    summary: 'Name, version and host of the running app, and where it keeps its data.',
    input: z.object({}).strict(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      host: z.enum(['electron', 'browser', 'cli', 'test']),
      dataDir: z.string(),
      platform: z.string(),
      /** The desktop app can show the system's own file dialog; the browser uses a file input. */
      nativeFileDialog: z.boolean(),
    }),
  }),
  pickImageFile: method({
    summary: "Let the user choose an image with the system's file dialog (desktop app only) and read it.",
    input: z.object({}).strict(),
    output: z.object({
      /** null when the user closed the dialog without choosing. */
      picked: z.object({ fileName: z.string(), base64: z.string(), bytes: z.number().int() }).nullable(),
    }),
  }),
  getStatus: method({
    summary: 'What the status bar shows: the active environment and any unread notices.',
    input: z.object({}).strict(),
    output: z.object({
      environment: ActiveEnvironmentSchema,
      notices: z.array(NoticeSchema),
    }),
  }),
  getSettings: method({
    summary: 'The app-wide preferences (theme and layout).',
    input: z.object({}).strict(),
    output: AppSettingsSchema,
  }),
  updateSettings: method({
    summary: 'Change some app-wide preferences; the rest stay as they are.',
    input: AppSettingsSchema.partial().strict(),
    output: AppSettingsSchema,
  }),
  dismissNotice: method({
    summary: 'Mark a notice as read so it is not shown again.',
    input: z.object({ id: z.string().min(1) }).strict(),
    output: z.object({ dismissed: z.boolean() }),
  }),
};
