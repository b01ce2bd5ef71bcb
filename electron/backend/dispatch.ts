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

function describeIssues(error: z.ZodError): ExplorerError['issues'] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));
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
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no backend method called "${methodName}". Update the app if it was built from mismatched parts.` } };
  }
  const spec = contract[methodName];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `The request to ${methodName} was not valid: ${issues?.map((i) => `${i.path}: ${i.message}`).join('; ')}.`,
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
    if (error instanceof ExplorerFailure) return { ok: false, error: error.toValue() };
    // Only the error's name and message are logged: stack traces of request code can carry header values.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log(`backend: ${methodName} failed unexpectedly: ${detail}`);
    return { ok: false, error: { code: 'INTERNAL', message: `${methodName} failed unexpectedly. This is a bug in Vipps Explorer; please report it.` } };
  }
}
