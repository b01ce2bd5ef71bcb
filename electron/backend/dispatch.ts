import type { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '../../shared/contract';
import type { ExplorerError, Result } from '../../shared/errors';
import { ExplorerFailure } from './failure';

export interface CallContext {
  readonly host: 'electron' | 'browser' | 'cli' | 'test';
  /** Aborted when the caller goes away (window closed, HTTP client disconnected). */
  readonly signal?: AbortSignal;
}

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => Promise<MethodOutput<M>>;
};

export type Logger = (line: string) => void;

/**
 * What an error may echo of the input. Validation messages name unknown keys and bad values,
 * and the input comes from an untrusted page: without a cap, 10 MB of key names would come
 * back as 20 MB (once in the message, once in the issues).
 */
const ECHO_LIMITS = { issues: 20, path: 120, message: 200, summary: 1_000, methodName: 80 } as const;

export function capEcho(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

function describeIssues(error: z.ZodError): NonNullable<ExplorerError['issues']> {
  const issues = error.issues.slice(0, ECHO_LIMITS.issues).map((issue) => ({
    path: capEcho(issue.path.map(String).join('.') || '(input)', ECHO_LIMITS.path),
    message: capEcho(issue.message, ECHO_LIMITS.message),
  }));
  const more = error.issues.length - issues.length;
  if (more > 0) issues.push({ path: '(input)', message: `${more} more problems not listed` });
  return issues;
}

/**
 * The one door into the backend, shared by the IPC handlers, the browser host and the CLI.
 * The renderer is untrusted, so the input is validated here, and the output is parsed too:
 * the schemas strip unknown keys, so nothing a handler attaches by mistake (a secret, an
 * internal path) can leak past the contract.
 */
export async function dispatch(
  handlers: Handlers,
  methodName: string,
  rawInput: unknown,
  ctx: CallContext,
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (!isMethodName(methodName)) {
    const shown = capEcho(String(methodName), ECHO_LIMITS.methodName);
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no backend method called "${shown}". Update the app if it was built from mismatched parts.` } };
  }
  const spec = contract[methodName];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `The request to ${methodName} was not valid: ${capEcho(issues.map((i) => `${i.path}: ${i.message}`).join('; '), ECHO_LIMITS.summary)}.`,
        issues,
      },
    };
  }
  try {
    const handler = handlers[methodName] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    const output = await handler(parsed.data, ctx);
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      log(`backend: ${methodName} returned a value outside its contract: ${checked.error.message}`);
      return { ok: false, error: { code: 'INTERNAL', message: `${methodName} produced an unexpected answer. This is a bug in Vipps Explorer; please report it.` } };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof ExplorerFailure) {
      const value = error.toValue();
      return { ok: false, error: { ...value, message: capEcho(value.message, ECHO_LIMITS.summary * 2) } };
    }
    // Only the error's name and message are logged: stack traces of request code can carry header values.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log(`backend: ${methodName} failed unexpectedly: ${detail}`);
    return { ok: false, error: { code: 'INTERNAL', message: `${methodName} failed unexpectedly. This is a bug in Vipps Explorer; please report it.` } };
  }
}
