/**
 * "Copy as curl" for a resolved request. Written by hand rather than with httpsnippet because
 * secrets must become shell variables: httpsnippet single-quotes every header, which would send
 * the literal text "$VIPPS_ACCESS_TOKEN" instead of its value.
 */
export interface CurlHeader {
  name: string;
  value: string;
  /** The value shown is masked: write a shell variable instead. */
  secret?: boolean;
}

export interface CurlRequest {
  method: string;
  url: string;
  headers: readonly CurlHeader[];
  body: string;
}

const SECRET_VARIABLES: Record<string, { variable: string; prefix?: string }> = {
  authorization: { variable: 'VIPPS_ACCESS_TOKEN', prefix: 'Bearer ' },
  client_id: { variable: 'VIPPS_CLIENT_ID' },
  client_secret: { variable: 'VIPPS_CLIENT_SECRET' },
  'ocp-apim-subscription-key': { variable: 'VIPPS_SUBSCRIPTION_KEY' },
};

/**
 * Headers curl sets itself. A copied Accept-Encoding would make curl print compressed bytes,
 * since it only decodes what it asked for with --compressed.
 */
const LEFT_TO_CURL = new Set(['host', 'content-length', 'connection', 'accept-encoding']);

/** POSIX single quotes: everything literal; a ' is closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Inside double quotes only $ ` " \ are special; escape them so just our variable expands. */
function doubleQuoteLiteral(text: string): string {
  return text.replace(/[$`"\\]/g, (c) => `\\${c}`);
}

function placeholderFor(header: CurlHeader): { variable: string; prefix: string } | null {
  const known = SECRET_VARIABLES[header.name.toLowerCase()];
  if (known) return { variable: known.variable, prefix: known.prefix ?? '' };
  if (!header.secret) return null;
  return { variable: `VIPPS_${header.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`, prefix: '' };
}

export interface CurlCommand {
  text: string;
  /** Shell variables the command expects, in the order they appear. */
  variables: string[];
}

export interface CurlOptions {
  /**
   * Values the user asked to have written into the command instead of a shell variable,
   * keyed by variable name (only the access token is ever offered: keys never leave the
   * keychain towards the UI).
   */
  literal?: Partial<Record<string, string>>;
}

/** A curl command line that sends the same request; secrets become shell variables unless asked for. */
export function toCurl(request: CurlRequest, options: CurlOptions = {}): CurlCommand {
  const variables: string[] = [];
  const parts: string[] = [];
  const method = request.method.toUpperCase();
  parts.push(method === 'GET' ? `curl ${shellQuote(request.url)}` : `curl -X ${method} ${shellQuote(request.url)}`);
  for (const header of request.headers) {
    if (LEFT_TO_CURL.has(header.name.toLowerCase())) continue;
    const placeholder = placeholderFor(header);
    const literal = placeholder ? options.literal?.[placeholder.variable] : undefined;
    if (placeholder && literal !== undefined) {
      parts.push(`-H ${shellQuote(`${header.name}: ${placeholder.prefix}${literal}`)}`);
    } else if (placeholder) {
      if (!variables.includes(placeholder.variable)) variables.push(placeholder.variable);
      parts.push(`-H "${doubleQuoteLiteral(`${header.name}: ${placeholder.prefix}`)}$${placeholder.variable}"`);
    } else {
      parts.push(`-H ${shellQuote(`${header.name}: ${header.value}`)}`);
    }
  }
  if (request.body !== '') parts.push(`--data-raw ${shellQuote(request.body)}`);
  else if (method === 'POST' || method === 'PUT' || method === 'PATCH') parts.push(`--data ''`);
  const command = parts.join(' \\\n  ');
  const prelude = variables.length > 0 ? `# Set ${variables.join(', ')} in your shell first; this command holds no secrets.\n` : '';
  return { text: prelude + command, variables };
}
