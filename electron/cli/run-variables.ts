import fs from 'node:fs';
import { z } from 'zod';
import { decodeText } from '../../shared/interop/text';
import { usageFailure } from './exit-codes';

/**
 * Variables a run starts with: a Postman environment file (`--environment`, as newman reads it),
 * then `--env-var key=value` flags, which win. Values from these files may be keys: they are
 * given to the run in memory and never written anywhere.
 */
const PostmanEnvironmentSchema = z.object({
  name: z.string().optional(),
  values: z.array(z.object({ key: z.string().min(1), value: z.unknown().optional(), enabled: z.boolean().optional(), type: z.string().optional() })),
});

export function readEnvironmentFile(file: string): { name: string; values: Record<string, string> } {
  let text: string;
  try {
    // Windows tools save environments with a BOM, or as UTF-16: read them as Postman does.
    text = decodeText(fs.readFileSync(file));
  } catch (error) {
    throw usageFailure(`Cannot read the environment file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, 'Check the path given to --environment.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw usageFailure(`The environment file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`, 'Export the environment again from Postman (Environments › ⋯ › Export).');
  }
  const parsed = PostmanEnvironmentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw usageFailure(
      `The environment file ${file} is not a Postman environment: ${issue.path.join('.') || '(top level)'}: ${issue.message}.`,
      'It should look like {"name": "…", "values": [{"key": "base_url", "value": "…", "enabled": true}]}.',
    );
  }
  const values: Record<string, string> = {};
  for (const row of parsed.data.values) {
    if (row.enabled === false) continue;
    values[row.key] = row.value === undefined || row.value === null ? '' : typeof row.value === 'string' ? row.value : JSON.stringify(row.value);
  }
  return { name: parsed.data.name ?? file, values };
}

export function parseEnvVars(pairs: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usageFailure(`--env-var needs key=value, not "${pair}".`, 'For example --env-var orderId=order-123 (repeat the flag for more).');
    values[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return values;
}
