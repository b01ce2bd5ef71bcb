import { z } from 'zod';

/** One set of test credentials, as the merchant portal hands them out per sales unit. */
export interface SalesUnit {
  name: string;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  /** Merchant serial number. */
  msn: string;
}

/**
 * Fixed, published values so the explorer, scripts and docs can use them without setup. They
 * only ever open this local sandbox. MSN 123456 is the number the quick start's eCom body
 * hard-codes, so that body works here unchanged once its JSON is fixed.
 */
export const DEMO_SALES_UNIT: Readonly<SalesUnit> = Object.freeze({
  name: 'Sandbox demo sales unit',
  clientId: 'b1c7e0a2-5d4f-4e8b-9a36-0c2f7d9e4a51',
  clientSecret: 'sandbox-demo-secret-9kQ2mV7xLr4T',
  subscriptionKey: '5d3a1c0e8b7f4e2a9c6d0b1f2e3a4c5d',
  msn: '123456',
});

export const FaultSettingsSchema = z.object({
  /** Added to every API answer, in milliseconds. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** Share of API calls answered with errorStatus instead of being handled (0–1). */
  errorRate: z.number().min(0).max(1),
  errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503)]),
  /** Makes POST /accesstoken/get fail, to test token-renewal paths. */
  failTokenEndpoint: z.boolean(),
});
export type FaultSettings = z.infer<typeof FaultSettingsSchema>;

export const FaultConfigSchema = FaultSettingsSchema.extend({
  /** Overrides keyed by MSN; a field set here wins over the global one for that sales unit. */
  perSalesUnit: z.record(z.string(), FaultSettingsSchema.partial()),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;

/** Accepted by setFaults and PUT /__sandbox/faults: any subset, merged into the current faults. */
export const FaultUpdateSchema = FaultSettingsSchema.partial().extend({
  perSalesUnit: z.record(z.string(), FaultSettingsSchema.partial()).optional(),
});
export type FaultUpdate = z.infer<typeof FaultUpdateSchema>;

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 500,
  failTokenEndpoint: false,
  perSalesUnit: {},
};

const SalesUnitSchema = z.object({
  name: z.string().min(1).default('Sales unit'),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  subscriptionKey: z.string().min(1),
  msn: z.string().regex(/^[0-9]{4,6}$/),
});

export const SandboxConfigSchema = z.object({
  /** Units besides the demo unit (for example the user's own test keys, to mimic them offline). */
  salesUnits: z.array(SalesUnitSchema),
  includeDemoSalesUnit: z.boolean(),
  /** The test environment issues 1-hour tokens; production 24 hours. */
  tokenLifetimeSeconds: z.number().int().min(1).max(7 * 86_400),
  /** HMAC key for tokens. When absent one is generated (and kept in dataDir if there is one). */
  tokenSecret: z.string().min(16).optional(),
  /** A bad client_id/secret has been seen answered with 400 as well as 401. */
  badClientCredentialsStatus: z.union([z.literal(400), z.literal(401)]),
  /** Reject `Authorization: bearer …` (lower case), as the docs warn the real service may. */
  strictBearerCase: z.boolean(),
  /** A category naming an image that was never uploaded (undocumented upstream). */
  unknownImageIdStatus: z.union([z.literal(400), z.literal(404)]),
  checkImageSize: z.boolean(),
  checkImageHeight: z.boolean(),
  maxImageBytes: z.number().int().min(1),
  minImageHeight: z.number().int().min(0),
  /** The eCom FAQ says malformed JSON may come back as 500; 400 is kinder and the default. */
  ecomMalformedJsonStatus: z.union([z.literal(400), z.literal(500)]),
  /** The test environment wants a charge due at least one day ahead (production: two). */
  chargeMinDaysAhead: z.number().int().min(0).max(30),
  requestLogSize: z.number().int().min(1).max(100_000),
  maxBodyBytes: z.number().int().min(1024),
  /** Refuse what the real service tolerates (a reference sent as a number, a count as a string). */
  strictTypes: z.boolean(),
  /** Records kept per sales unit and kind (orders, payments, …); the oldest are forgotten first. */
  retentionPerSalesUnit: z.number().int().min(1).max(10_000_000),
  /** A CREATED ePayment payment expires this long after it was made, unless it carried expiresAt. */
  paymentExpirySeconds: z.number().int().min(1).max(60 * 86_400),
  /** Delays before each webhook retry; the number of entries bounds the retries. */
  webhookRetryDelaysMs: z.array(z.number().int().min(0).max(3_600_000)).max(10),
  /** How long one webhook delivery may take before it counts as failed. */
  webhookTimeoutMs: z.number().int().min(100).max(60_000),
  /** Slow or silent clients are cut off after these (milliseconds). */
  headersTimeoutMs: z.number().int().min(1000).max(600_000),
  requestTimeoutMs: z.number().int().min(1000).max(600_000),
  /**
   * 'auto': a simulated customer acts on each new payment as a person with the test app would
   * (approve, unless a magic amount says otherwise). 'manual': nothing happens until force approve.
   */
  customer: z.enum(['auto', 'manual']),
  faults: FaultConfigSchema,
});
export type SandboxConfig = z.infer<typeof SandboxConfigSchema>;

export type SandboxConfigInput = Partial<Omit<SandboxConfig, 'faults' | 'salesUnits'>> & {
  faults?: FaultUpdate;
  salesUnits?: Array<Omit<SalesUnit, 'name'> & { name?: string }>;
};

export const DEFAULT_CONFIG: SandboxConfig = {
  salesUnits: [],
  includeDemoSalesUnit: true,
  tokenLifetimeSeconds: 3600,
  badClientCredentialsStatus: 401,
  strictBearerCase: false,
  unknownImageIdStatus: 404,
  checkImageSize: true,
  checkImageHeight: true,
  maxImageBytes: 2 * 1024 * 1024,
  minImageHeight: 167,
  ecomMalformedJsonStatus: 400,
  chargeMinDaysAhead: 1,
  requestLogSize: 500,
  maxBodyBytes: 4 * 1024 * 1024,
  strictTypes: false,
  retentionPerSalesUnit: 10_000,
  paymentExpirySeconds: 300,
  webhookRetryDelaysMs: [1000, 5000, 30_000],
  webhookTimeoutMs: 5000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  customer: 'auto',
  faults: NO_FAULTS,
};

export function mergeFaults(current: FaultConfig, update: FaultUpdate): FaultConfig {
  const perSalesUnit = { ...current.perSalesUnit };
  for (const [msn, override] of Object.entries(update.perSalesUnit ?? {})) {
    perSalesUnit[msn] = { ...perSalesUnit[msn], ...override };
  }
  const { perSalesUnit: _ignored, ...globals } = update;
  return { ...current, ...stripUndefined(globals), perSalesUnit };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Defaults filled in and the whole checked, so a typo in a config file fails at start, loudly. */
export function resolveConfig(input: SandboxConfigInput = {}): SandboxConfig {
  const { faults, ...rest } = input;
  const merged = {
    ...DEFAULT_CONFIG,
    ...stripUndefined(rest),
    faults: mergeFaults(NO_FAULTS, faults ?? {}),
  };
  const parsed = SandboxConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid sandbox configuration: ${where}`);
  }
  return parsed.data;
}

export function effectiveFaults(faults: FaultConfig, msn: string | null): FaultSettings {
  const override = msn ? faults.perSalesUnit[msn] : undefined;
  return override ? { ...faults, ...stripUndefined(override) } : faults;
}
