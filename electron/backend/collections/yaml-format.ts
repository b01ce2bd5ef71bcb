import jsyaml from 'js-yaml';
import { stringify } from 'yaml';
import { ContainerSettingsSchema, type ContainerSettings } from '../../../shared/model/collection';
import { ApiRequestSchema, RequestSettingsSchema, type ApiRequest } from '../../../shared/model/request';

/**
 * The text of collection files. Keys always come in the same order and values equal to their
 * defaults are left out, so a file stays short and one change is one changed line. Multi-line
 * strings (bodies, scripts, descriptions) are written as literal blocks, so a body edit shows in
 * a diff as the lines that changed, not as one long re-escaped string.
 */

/** The collection file format; a newer one is reported instead of being misread. */
export const COLLECTION_FORMAT = 1;

const YAML_OPTIONS = { blockQuote: 'literal', lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false } as const;

const DEFAULT_SETTINGS = RequestSettingsSchema.parse({});

function withoutEmpty(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out;
}

function rows<T extends { enabled?: boolean; description?: string }>(list: T[]): Array<Record<string, unknown>> {
  // `enabled: true` is the default: only a disabled row says so.
  return list.map(({ enabled, description, ...rest }) => withoutEmpty({ ...rest, ...(enabled === false ? { enabled: false } : {}), description }));
}

function scriptsOf(scripts: ApiRequest['scripts']): Record<string, unknown> {
  return withoutEmpty({ preRequest: scripts.preRequest, test: scripts.test });
}

function bodyOf(body: ApiRequest['body']): Record<string, unknown> | undefined {
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'form-urlencoded':
      return { mode: body.mode, fields: rows(body.fields) };
    case 'multipart':
      return { mode: body.mode, parts: body.parts.map(({ enabled, ...part }) => ({ ...part, ...(enabled === false ? { enabled: false } : {}) })) };
    default:
      return { ...body };
  }
}

export function requestToYaml(request: ApiRequest): string {
  const settings = Object.fromEntries(Object.entries(request.settings).filter(([key, value]) => DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS] !== value));
  // name, method and url are always written, even empty, so every file says what it is.
  const doc = withoutEmpty({
    params: rows(request.params),
    headers: rows(request.headers),
    auth: request.auth.type === 'inherit' ? undefined : request.auth,
    body: bodyOf(request.body),
    settings,
    description: request.description,
    scripts: scriptsOf(request.scripts),
    extractions: request.extractions.map(({ enabled, scope, path, ...rest }) => ({ ...rest, ...(path ? { path } : {}), ...(scope !== 'run' ? { scope } : {}), ...(enabled === false ? { enabled: false } : {}) })),
  });
  return stringify({ name: request.name, method: request.method, url: request.url, ...doc }, YAML_OPTIONS);
}

/** The collection's or folder's settings; secret variables are written without their value. */
export function settingsToYaml(settings: ContainerSettings, root: boolean): string {
  const doc = withoutEmpty({
    ...(root ? { format: COLLECTION_FORMAT } : {}),
    name: settings.name,
    description: settings.description,
    variables: settings.variables.map(({ key, value, enabled, secret, description }) =>
      withoutEmpty({ key, value: secret ? undefined : value, ...(secret ? { secret: true } : {}), ...(enabled === false ? { enabled: false } : {}), description }),
    ),
    auth: settings.auth.type === 'inherit' ? undefined : settings.auth,
    scripts: scriptsOf(settings.scripts),
    order: settings.order,
  });
  return stringify(doc, YAML_OPTIONS);
}

export class FileFormatError extends Error {}

/**
 * Files are read with js-yaml (YAML 1.2 core schema: no dates, no custom tags; duplicate keys
 * refused), which parses several times faster than the writer's library: a 5,000-request
 * collection opens in well under a second. They are written with `yaml`, which keeps key order
 * and writes literal blocks.
 */
function parseYaml(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch (error) {
    throw new FileFormatError(`it is not valid YAML (${firstLine(error)})`);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

function describeIssue(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join('.') || 'the file'}: ${first.message}` : 'unknown field';
}

export function requestFromYaml(text: string): ApiRequest {
  const data = parseYaml(text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new FileFormatError('it does not describe a request (expected name, method and url)');
  const parsed = ApiRequestSchema.safeParse(data);
  if (!parsed.success) throw new FileFormatError(`it is not a valid request (${describeIssue(parsed.error)})`);
  return parsed.data;
}

export function settingsFromYaml(text: string, fallbackName: string): ContainerSettings {
  const data = parseYaml(text) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new FileFormatError('it does not describe a collection or folder');
  const { format, ...rest } = data as Record<string, unknown>;
  if (typeof format === 'number' && format > COLLECTION_FORMAT) {
    throw new FileFormatError(`it was written by a newer version of Vipps Explorer (format ${format}, this app reads up to ${COLLECTION_FORMAT})`);
  }
  const parsed = ContainerSettingsSchema.safeParse({ name: fallbackName, ...rest });
  if (!parsed.success) throw new FileFormatError(`it is not valid collection settings (${describeIssue(parsed.error)})`);
  return parsed.data;
}
