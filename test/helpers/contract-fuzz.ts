import path from 'node:path';
import fc from 'fast-check';
import { contract, type MethodName } from '../../shared/contract';

/**
 * Inputs for property-based tests of the contract's methods: anything at all, and objects that
 * carry the method's own keys with arbitrary values (which get past the outer checks and reach
 * the field validators and, where they happen to be valid, the handlers).
 */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function knownKeys(method: MethodName): string[] {
  const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '%E0%A4%A', '{{baseUrl}}', '__proto__', 'constructor', 'x'.repeat(5000), '\uD800', '<script>'),
);
const leaf = fc.oneof(weirdString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt().map(String));
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(weirdString, tie('any'), { maxKeys: 4 })),
})).any;

export function fuzzInput(method: MethodName): fc.Arbitrary<unknown> {
  const keys = knownKeys(method);
  const shaped = keys.length > 0 ? fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] }) : fc.constant({});
  return fc.oneof(fc.anything({ maxDepth: 3 }), value, shaped, shaped.chain((base) => fc.dictionary(weirdString, value, { maxKeys: 3 }).map((extra) => ({ ...extra, ...base }))));
}

/**
 * The network may only be loopback. Fuzzed strings become request URLs, base URLs and
 * variables, so every string that could name a host (it has a colon, or a `{{variable}}`
 * that could be filled with one) is replaced by a closed loopback port before it is sent.
 */
export function loopbackOnly(input: unknown): unknown {
  if (typeof input === 'string') return input.includes(':') || input.includes('{{') ? 'http://127.0.0.1:9/fuzz' : input;
  if (Array.isArray(input)) return input.map(loopbackOnly);
  if (input && typeof input === 'object') return Object.fromEntries(Object.entries(input).map(([key, v]) => [key.includes(':') || key.includes('{{') ? 'k' : key, loopbackOnly(v)]));
  return input;
}

const STACK_FRAME = /\bat (?:[\w$.<>[\] ]+ )?\(?(?:file:\/\/|\/|[A-Za-z]:\\)[^)\n]*:\d+:\d+\)?/;

/** Why an answer leaks internals (a stack frame, a source path), or undefined when it does not. */
export function leaksInternals(text: string): string | undefined {
  if (STACK_FRAME.test(text)) return 'a stack frame';
  if (text.includes(repoRoot)) return 'a source path';
  if (/node_modules|\.tsx?:\d+|\.m?js:\d+:\d+/.test(text)) return 'a module path';
  return undefined;
}

/** Small and fixed, so the suite stays bounded in CI (the whole fuzz suite adds seconds, not minutes). */
export const FUZZ_RUNS_PER_METHOD = Number(process.env.FUZZ_RUNS ?? 20);
