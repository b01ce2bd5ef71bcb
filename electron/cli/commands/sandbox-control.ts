import type { Command } from 'commander';
import { CliFailure, ExitCode, usageFailure } from '../exit-codes';
import type { Terminal } from '../terminal';

interface ControlFlags {
  url: string;
}

async function controlKeys(): Promise<{ client_id: string; client_secret: string }> {
  // The same variables as `run`, so a CI job that set them for its sales unit drives that unit.
  const id = process.env.VIPPS_CLIENT_ID;
  const secret = process.env.VIPPS_CLIENT_SECRET;
  if (id && secret) return { client_id: id, client_secret: secret };
  // Otherwise the demo unit's published keys: they open only a local sandbox. Loaded here so
  // `--help` never pays for the backend.
  const { DEMO_SALES_UNIT } = await import('../../backend');
  return { client_id: DEMO_SALES_UNIT.clientId, client_secret: DEMO_SALES_UNIT.clientSecret };
}

async function control(flags: ControlFlags, path: string, body?: unknown): Promise<Record<string, unknown>> {
  let base: URL;
  try {
    base = new URL(flags.url);
  } catch {
    throw usageFailure(`--url must be the sandbox's base URL, e.g. http://127.0.0.1:8787, not "${flags.url}".`);
  }
  let res: Response;
  try {
    res = await fetch(new URL(`/__sandbox${path}`, base), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(await controlKeys()), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new CliFailure(`No sandbox answers at ${base.origin}.`, ExitCode.failed, 'Start it with `vipps-explorer sandbox` (or `npm run sandbox`), or pass its address with --url.');
  }
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const message = typeof answer.message === 'string' ? answer.message : `The sandbox answered ${res.status}.`;
    throw new CliFailure(message, res.status === 400 ? ExitCode.usage : ExitCode.failed, res.status === 401 ? 'Set VIPPS_CLIENT_ID and VIPPS_CLIENT_SECRET to keys of one of the sandbox’s sales units, or unset them to use the demo unit.' : undefined);
  }
  return answer;
}

const urlOption = ['--url <URL>', 'the running sandbox', 'http://127.0.0.1:8787'] as const;

/** `sandbox trigger` and `sandbox clock`: they drive a sandbox that is already running. */
export function registerSandboxControl(sandbox: Command, terminal: Terminal): void {
  sandbox
    .command('trigger')
    .description('Make a payment reach an event and deliver it, signed, to the registered webhooks (like `stripe trigger`)')
    .argument('<event>', 'e.g. epayments.payment.captured.v1')
    .option(...urlOption)
    .addHelpText('after', '\nEvents: epayments.payment.{created,authorized,aborted,expired,terminated,cancelled,captured,refunded}.v1\nExit codes: 0 delivered to the sandbox, 1 no sandbox or refused keys, 2 unknown event or bad --url.')
    .action(async (event: string, flags: ControlFlags) => {
      const answer = await control(flags, '/trigger', { event });
      terminal.out(`reference: ${String(answer.reference)}\nevents: ${(answer.events as string[]).join(', ')}\n`);
    });

  sandbox
    .command('clock')
    .description("Read or move the sandbox's test clock: payments expire, tokens lapse, charges fall due")
    .argument('[action]', 'show, advance, freeze or resume', 'show')
    .argument('[duration]', 'for advance: 90s, 15m, 2h, 1d, 1h30m')
    .option(...urlOption)
    .addHelpText('after', '\nExamples:\n  vipps-explorer sandbox clock advance 1h\n  vipps-explorer sandbox clock freeze\nExit codes: 0 done, 1 no sandbox or refused keys, 2 bad action or duration.')
    .action(async (action: string, duration: string | undefined, flags: ControlFlags) => {
      let answer: Record<string, unknown>;
      if (action === 'show') answer = await control(flags, '/clock');
      else if (action === 'freeze' || action === 'resume') answer = await control(flags, '/clock', { [action]: true });
      else if (action === 'advance') {
        if (!duration) throw usageFailure('advance needs a duration, e.g. `vipps-explorer sandbox clock advance 1h`.');
        answer = await control(flags, '/clock', { advance: duration });
      } else throw usageFailure(`Unknown clock action "${action}": use show, advance, freeze or resume.`);
      const clock = (answer.clock ?? answer) as { now: string; frozen: boolean; offsetMs: number };
      terminal.out(`now: ${clock.now}\nfrozen: ${clock.frozen}\nahead by: ${Math.round(clock.offsetMs / 1000)} s\n`);
      for (const line of (answer.happened as string[] | undefined) ?? []) terminal.out(`happened: ${line}\n`);
    });
}
