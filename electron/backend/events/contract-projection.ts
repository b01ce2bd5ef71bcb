import type { z } from 'zod';

/**
 * A payload checked against its contract schema and copied with only the declared fields, as
 * `schema.parse` would give it, but without zod's general machinery on every event.
 *
 * The event bus publishes several events per request of a run; zod's parse of each was a fixed
 * cost per request (issue 17). The shape of an event type never changes, so it is read from the
 * schema once and turned into plain functions: an object copies its declared keys (undeclared ones
 * stay behind, which is the guarantee the bus gives), arrays map, optional and defaulted fields
 * behave as zod's do, a discriminated union picks its member by the discriminator, and the plain
 * leaves (string, number, boolean, literal, enum) are checked with typeof. Anything else, a leaf
 * with checks of its own (lengths, refinements, integers) or a transform, is handed to that part's
 * own zod schema, so nothing the schema says is skipped; only the walk around it is ours.
 * test/unit/events/contract-projection.test.ts holds it to zod's output for every event type.
 */
export type Projector = (value: unknown) => unknown;

/** Why a payload does not fit: where, and what was expected there. */
export class ProjectionMismatch extends Error {
  /** Filled in from the inside out as the mismatch passes up through the objects and arrays holding it. */
  readonly path: Array<string | number> = [];

  constructor(readonly expected: string) {
    super(`expected ${expected}`);
  }

  /** Where and what, once the path is complete. */
  describe(): string {
    return `${this.path.length > 0 ? this.path.join('.') : '(payload)'}: expected ${this.expected}`;
  }
}

/** A mismatch below `key`: the path is only built on the way out of a failure, never for a payload that fits. */
function below(key: string | number, error: unknown): unknown {
  if (error instanceof ProjectionMismatch) error.path.unshift(key);
  return error;
}

/** zod v4's description of a schema: what the walk reads. */
interface Def {
  type: string;
  checks?: unknown[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
  entries?: Record<string, unknown>;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

type Step = (value: unknown) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema's own parse, for the parts the walk does not take apart. */
function byZod(schema: z.ZodType): Step {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const mismatch = new ProjectionMismatch(issue?.message ?? 'a valid value');
    for (const key of issue?.path ?? []) mismatch.path.push(typeof key === 'symbol' ? String(key) : key);
    throw mismatch;
  };
}

function hasChecks(def: Def): boolean {
  return (def.checks?.length ?? 0) > 0;
}

interface Field {
  key: string;
  step: Step;
  /** Absent is fine; present as undefined stays undefined. */
  optional: boolean;
  /** Absent or undefined becomes this (zod clones it per parse). */
  fallback?: () => unknown;
}

function fieldOf(key: string, schema: z.ZodType): Field {
  const def = defOf(schema);
  if (def.type === 'optional' && !hasChecks(def)) return { key, step: compile(def.innerType!), optional: true };
  if (def.type === 'default' && !hasChecks(def)) {
    const inner = compile(def.innerType!);
    // zod's def hands out a fresh copy of the default each time it is read.
    return { key, step: inner, optional: false, fallback: () => defOf(schema).defaultValue };
  }
  return { key, step: compile(schema), optional: false };
}

function objectStep(def: Def, schema: z.ZodType): Step {
  // A strict, passthrough or catch-all object treats undeclared keys its own way: zod decides.
  if (def.catchall !== undefined || hasChecks(def)) return byZod(schema);
  const fields = Object.entries(def.shape!).map(([key, field]) => fieldOf(key, field));
  return (value) => {
    if (!isRecord(value)) throw new ProjectionMismatch('an object');
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const present = field.key in value;
      let given = present ? value[field.key] : undefined;
      if (given === undefined) {
        if (field.fallback) given = field.fallback();
        else if (field.optional) {
          if (present) out[field.key] = undefined;
          continue;
        }
      }
      try {
        out[field.key] = field.step(given);
      } catch (error) {
        throw below(field.key, error);
      }
    }
    return out;
  };
}

function unionStep(def: Def, schema: z.ZodType): Step {
  const discriminator = def.discriminator;
  if (!discriminator) return byZod(schema);
  const members = new Map<unknown, Step>();
  for (const option of def.options!) {
    const optionDef = defOf(option);
    const tag = optionDef.type === 'object' ? optionDef.shape?.[discriminator] : undefined;
    const tagDef = tag ? defOf(tag) : undefined;
    if (!tagDef || tagDef.type !== 'literal' || hasChecks(tagDef)) return byZod(schema);
    for (const literal of tagDef.values!) members.set(literal, compile(option));
  }
  return (value) => {
    if (!isRecord(value)) throw new ProjectionMismatch('an object');
    const member = members.get(value[discriminator]);
    if (!member) throw below(discriminator, new ProjectionMismatch(`one of ${[...members.keys()].map((k) => JSON.stringify(k)).join(', ')}`));
    return member(value);
  };
}

function compile(schema: z.ZodType): Step {
  const def = defOf(schema);
  // A leaf with checks of its own (lengths, refinements, integers) is zod's to check.
  if (hasChecks(def) && def.type !== 'object') return byZod(schema);
  switch (def.type) {
    case 'object':
      return objectStep(def, schema);
    case 'union':
      return unionStep(def, schema);
    case 'array': {
      const element = compile(def.element!);
      return (value) => {
        if (!Array.isArray(value)) throw new ProjectionMismatch('an array');
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          try {
            out[i] = element(value[i]);
          } catch (error) {
            throw below(i, error);
          }
        }
        return out;
      };
    }
    case 'string':
      return (value) => {
        if (typeof value !== 'string') throw new ProjectionMismatch('a string');
        return value;
      };
    case 'number':
      return (value) => {
        // zod's number refuses NaN and the infinities.
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new ProjectionMismatch('a finite number');
        return value;
      };
    case 'boolean':
      return (value) => {
        if (typeof value !== 'boolean') throw new ProjectionMismatch('a boolean');
        return value;
      };
    case 'literal': {
      const allowed = new Set(def.values);
      return (value) => {
        if (!allowed.has(value)) throw new ProjectionMismatch([...allowed].map((v) => JSON.stringify(v)).join(' or '));
        return value;
      };
    }
    case 'enum': {
      const allowed = new Set(Object.values(def.entries!));
      return (value) => {
        if (!allowed.has(value)) throw new ProjectionMismatch(`one of ${[...allowed].join(', ')}`);
        return value;
      };
    }
    default:
      // Optional or defaulted outside an object, nullable, records, pipes and transforms, …
      return byZod(schema);
  }
}

/** The schema read once into a projector; it throws ProjectionMismatch where schema.parse would fail. */
export function projectorFor(schema: z.ZodType): Projector {
  return compile(schema);
}
