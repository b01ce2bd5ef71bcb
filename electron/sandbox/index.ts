export { startSandbox, createSandbox, type SandboxOptions, type RunningSandbox } from './server';
export {
  DEMO_SALES_UNIT,
  DEFAULT_CONFIG,
  resolveConfig,
  FaultUpdateSchema,
  type SalesUnit,
  type SandboxConfig,
  type SandboxConfigInput,
  type FaultConfig,
  type FaultSettings,
  type FaultUpdate,
} from './config';
export type { SandboxSnapshot, ImageSummary, PaymentSummary } from './snapshot';
export type { RequestLogEntry } from './request-log';
export type { StoredImage } from './state';
export { INSPECTOR_PREFIX } from './inspector';
export { parseDuration } from './clock';
export type { AccessTokenResponse } from './auth';
