import { STANDALONE_SANDBOX_COMMAND, type SandboxOverview } from '../../../shared/contract/sandbox';
import { FaultUpdateSchema, parseDuration } from '../../sandbox/index';
import type { RunningSandbox } from '../../sandbox/index';
import type { Handlers } from '../dispatch';
import { fail } from '../failure';
import { toFaults, toSandboxState } from './sandbox-state';

type SandboxMethods = 'getSandboxOverview' | 'getSandboxState' | 'getSandboxWebhooks' | 'getSandboxLog' | 'resetSandbox' | 'setSandboxFaults' | 'getSandboxImage' | 'getSandboxClock' | 'moveSandboxClock' | 'triggerSandboxEvent';

const EMPTY_COUNTS: SandboxOverview['counts'] = { images: 0, orders: 0, categories: 0, receipts: 0, payments: 0, agreements: 0, charges: 0, requestsSeen: 0 };

const OFF_MESSAGE =
  `The embedded sandbox is not running in this session, so there is nothing to show or change. ` +
  `Restart Vipps Explorer to start it again, or run one on its own with \`${STANDALONE_SANDBOX_COMMAND}\`.`;

function overview(sandbox: RunningSandbox): SandboxOverview {
  const snapshot = sandbox.inspect({ offset: 0, limit: 1 });
  const demoMsn = sandbox.demoKeys?.msn;
  const { config } = sandbox;
  return {
    running: true,
    baseUrl: sandbox.baseUrl,
    startedAt: snapshot.startedAt,
    demoKeys: sandbox.demoKeys
      ? {
          name: sandbox.demoKeys.name,
          msn: sandbox.demoKeys.msn,
          clientId: sandbox.demoKeys.clientId,
          clientSecret: sandbox.demoKeys.clientSecret,
          subscriptionKey: sandbox.demoKeys.subscriptionKey,
        }
      : null,
    salesUnits: snapshot.salesUnits.map((unit, index) => ({ name: unit.name, msn: unit.msn, demo: index === 0 && unit.msn === demoMsn })),
    settings: {
      tokenLifetimeSeconds: config.tokenLifetimeSeconds,
      badClientCredentialsStatus: config.badClientCredentialsStatus,
      strictBearerCase: config.strictBearerCase,
      unknownImageIdStatus: config.unknownImageIdStatus,
      checkImageSize: config.checkImageSize,
      checkImageHeight: config.checkImageHeight,
      maxImageBytes: config.maxImageBytes,
      minImageHeight: config.minImageHeight,
      ecomMalformedJsonStatus: config.ecomMalformedJsonStatus,
      chargeMinDaysAhead: config.chargeMinDaysAhead,
      requestLogSize: config.requestLogSize,
      retentionPerSalesUnit: config.retentionPerSalesUnit,
      strictTypes: config.strictTypes,
    },
    faults: toFaults(snapshot.faults),
    counts: { ...snapshot.totals, requestsSeen: snapshot.requestsSeen },
    notices: snapshot.notices,
  };
}

/**
 * The sandbox panel's methods, straight over the in-process control surface (no HTTP round
 * trip to /__sandbox). `sandbox` is undefined when the backend runs without one: the overview
 * then says so, and every other method answers NOT_FOUND.
 */
export function createSandboxHandlers(sandbox: RunningSandbox | undefined): Pick<Handlers, SandboxMethods> {
  const running = (): RunningSandbox => sandbox ?? fail('NOT_FOUND', OFF_MESSAGE);

  return {
    getSandboxOverview: async () =>
      sandbox
        ? overview(sandbox)
        : { running: false, baseUrl: null, startedAt: null, demoKeys: null, salesUnits: [], settings: null, faults: null, counts: EMPTY_COUNTS, notices: [] },
    getSandboxState: async ({ offset, limit }) => toSandboxState(running().inspect({ offset, limit })),
    getSandboxWebhooks: async () => {
      const live = running();
      return { webhooks: live.webhooks(), deliveries: live.webhookDeliveries() };
    },
    getSandboxLog: async ({ limit }) => {
      const live = running();
      return {
        entries: live.requestLog(limit).reverse(),
        requestsSeen: live.inspect().requestsSeen,
        capacity: live.config.requestLogSize,
      };
    },
    resetSandbox: async () => {
      running().reset();
      return { reset: true as const };
    },
    setSandboxFaults: async (update) => {
      const live = running();
      // The contract mirrors the sandbox's limits; checking against its own schema keeps the two from drifting apart silently.
      const checked = FaultUpdateSchema.safeParse(update);
      if (!checked.success) {
        fail('INVALID_INPUT', `The sandbox did not accept these fault settings: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
      }
      return toFaults(live.setFaults(checked.data));
    },
    getSandboxClock: async () => running().clock(),
    moveSandboxClock: async (input) => {
      const live = running();
      if (input.action === 'freeze') return { clock: live.freezeClock(), happened: [] };
      if (input.action === 'resume') return { clock: live.resumeClock(), happened: [] };
      const ms = parseDuration(input.by);
      if (ms === null) fail('INVALID_INPUT', `"${input.by}" is not a duration: use 90s, 15m, 2h, 1d or 1h30m.`);
      try {
        return live.advanceClock(ms);
      } catch (error) {
        return fail('INVALID_INPUT', error instanceof Error ? error.message : String(error));
      }
    },
    triggerSandboxEvent: async ({ event }) => {
      const live = running();
      const msn = live.demoKeys?.msn ?? live.salesUnits()[0]?.msn;
      if (!msn) fail('NOT_FOUND', 'The sandbox has no sales unit to make the payment in.');
      const result = live.trigger(msn, event);
      if (!result.ok) fail('INVALID_INPUT', result.reason);
      return { reference: result.reference, events: result.events };
    },
    getSandboxImage: async ({ imageId, msn }) => {
      const image = running().image(imageId, msn);
      if (!image) {
        fail('NOT_FOUND', msn
          ? `The sandbox holds no image "${imageId}" for MSN ${msn}. It may have been reset; refresh the view.`
          : `The sandbox holds no image "${imageId}", or several sales units have one by that id (name the MSN). Refresh the view.`);
      }
      return { mime: image.contentType, base64: Buffer.from(image.bytes).toString('base64') };
    },
  };
}
