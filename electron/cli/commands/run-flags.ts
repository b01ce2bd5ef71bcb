import type { PaymentApi } from '../../../shared/quickstart/payment-apis';
import type { ReporterFlags } from '../reporters/index';

/**
 * The flags of `run quickstart` and `run collection`, as commander hands them over. They live
 * apart from both the command definitions (run.ts) and the work (run-actions.ts, run-context.ts),
 * so each of those imports them and none imports another to learn a type.
 */
export const runEnvironments = ['sandbox', 'test', 'production'] as const;
export type RunEnvironment = (typeof runEnvironments)[number];

/** Where a run goes: a keychain profile, or an environment with keys from VIPPS_* variables. */
export interface TargetFlags {
  profile?: string;
  env?: RunEnvironment;
  dataDir?: string;
}

export interface CommonRunFlags extends ReporterFlags, TargetFlags {
  timeout?: string;
  confirmProduction?: boolean;
  /** Check every request against the rules and send none. */
  dryRun?: boolean;
}

export interface QuickStartFlags extends CommonRunFlags {
  payment: PaymentApi;
  image?: string;
}

export interface CollectionFlags extends CommonRunFlags {
  environment?: string;
  envVar: string[];
  /** Folders or requests to run (repeatable, newman's --folder). */
  folder: string[];
  iterations?: string;
  delay?: string;
  timeoutRequest?: string;
  bail?: boolean;
}
