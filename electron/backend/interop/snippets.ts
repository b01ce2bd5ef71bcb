import { HTTPSnippet, type HarRequest } from '@readme/httpsnippet';
import { shellForVariable } from '../../../shared/interop/curl/shell-variables';

/** The languages we offer, as httpsnippet's target and client. */
export const SNIPPET_TARGETS = {
  curl: { target: 'shell', client: 'curl', label: 'curl' },
  'node-fetch': { target: 'node', client: 'fetch', label: 'Node.js (fetch)' },
  'node-axios': { target: 'node', client: 'axios', label: 'Node.js (axios)' },
  'python-requests': { target: 'python', client: 'requests', label: 'Python (requests)' },
  'csharp-httpclient': { target: 'csharp', client: 'httpclient', label: 'C# (HttpClient)' },
  'java-httpclient': { target: 'java', client: 'nethttp', label: 'Java (HttpClient)' },
  'php-curl': { target: 'php', client: 'curl', label: 'PHP (cURL)' },
  'go-native': { target: 'go', client: 'native', label: 'Go (net/http)' },
} as const;
export type SnippetTarget = keyof typeof SNIPPET_TARGETS;
export const snippetTargets = Object.keys(SNIPPET_TARGETS) as SnippetTarget[];

export interface SnippetHeader {
  name: string;
  value: string;
  /** A key or the token: written as an environment lookup, never as its value. */
  secret: boolean;
}

export interface SnippetRequest {
  method: string;
  /** Filled, with the query string. */
  url: string;
  headers: SnippetHeader[];
  body: string;
}

export interface Snippet {
  target: SnippetTarget;
  label: string;
  code: string;
  /** Environment variables the code reads (set them before running it). */
  environment: string[];
}

/** Headers a snippet leaves to the HTTP library, which sets them right for its own transfer. */
const LEFT_TO_LIBRARY = new Set(['accept-encoding', 'content-length', 'host', 'connection', 'user-agent']);

/** How each language reads an environment variable, and how it joins two strings. */
const LOOKUP: Record<SnippetTarget, { read(name: string): string; join: string; quote?: string }> = {
  curl: { read: (n) => `$${n}`, join: '' },
  'node-fetch': { read: (n) => `process.env.${n}`, join: ' + ' },
  'node-axios': { read: (n) => `process.env.${n}`, join: ' + ' },
  'python-requests': { read: (n) => `os.environ["${n}"]`, join: ' + ' },
  'csharp-httpclient': { read: (n) => `Environment.GetEnvironmentVariable("${n}")`, join: ' + ' },
  'java-httpclient': { read: (n) => `System.getenv("${n}")`, join: ' + ' },
  'php-curl': { read: (n) => `getenv('${n}')`, join: ' . ' },
  'go-native': { read: (n) => `os.Getenv("${n}")`, join: ' + ' },
};

const MARKER = (name: string) => `@@${name}@@`;
const MARKED_LITERAL = /(["'])([^"'\n]*?)@@([A-Z0-9_]+)@@([^"'\n]*?)\1/g;

/** The environment variable that stands for a secret header, and the text in front of it (e.g. "Bearer "). */
function secretVariable(header: SnippetHeader): { variable: string; prefix: string } {
  const lower = header.name.toLowerCase();
  if (lower === 'authorization') return { variable: 'VIPPS_ACCESS_TOKEN', prefix: /^\s*bearer\s/i.test(header.value) || header.value.includes('«') || header.value.includes('•') ? 'Bearer ' : '' };
  if (lower === 'client_id') return { variable: shellForVariable('client_id'), prefix: '' };
  if (lower === 'client_secret') return { variable: shellForVariable('client_secret'), prefix: '' };
  if (lower === 'ocp-apim-subscription-key') return { variable: shellForVariable('Ocp-Apim-Subscription-Key'), prefix: '' };
  return { variable: `VIPPS_${header.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`, prefix: '' };
}

/**
 * Code that sends the request, in the chosen language, through httpsnippet. Keys and the token
 * are never written in: each becomes an environment lookup in the language's own syntax. Only
 * the access token may be written in, when the caller passes it (the user asked for values).
 */
export function renderSnippet(request: SnippetRequest, target: SnippetTarget, options: { accessToken?: string } = {}): Snippet {
  const spec = SNIPPET_TARGETS[target];
  const environment: string[] = [];
  const headers = request.headers
    .filter((h) => !LEFT_TO_LIBRARY.has(h.name.toLowerCase()))
    .map((h) => {
      if (!h.secret) return { name: h.name, value: h.value };
      const { variable, prefix } = secretVariable(h);
      if (variable === 'VIPPS_ACCESS_TOKEN' && options.accessToken) return { name: h.name, value: `${prefix}${options.accessToken}` };
      if (!environment.includes(variable)) environment.push(variable);
      return { name: h.name, value: `${prefix}${MARKER(variable)}` };
    });
  const contentType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? 'application/octet-stream';
  // httpsnippet parses the URL and would write a {{variable}} left unresolved as %7B%7B…%7D%7D:
  // it goes through as a marker URL encoding leaves alone and is put back readable afterwards.
  const unresolved: string[] = [];
  const url = request.url.replace(/\{\{[^{}]*\}\}/g, (whole) => `vxunresolved${unresolved.push(whole) - 1}vx`);
  const har: HarRequest = {
    method: request.method,
    url,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    postData: request.body !== '' ? { mimeType: contentType, text: request.body } : { mimeType: contentType },
  };
  const converted = new HTTPSnippet(har).convert(spec.target as never, spec.client as never);
  const raw = Array.isArray(converted) ? String(converted[0] ?? '') : String(converted ?? '');
  const readable = raw.replace(/vxunresolved(\d+)vx/g, (whole, i: string) => unresolved[Number(i)] ?? whole);
  return { target, label: spec.label, code: withImports(target, withLookups(readable, target), environment), environment };
}

function withLookups(code: string, target: SnippetTarget): string {
  const lookup = LOOKUP[target];
  return code.replace(MARKED_LITERAL, (_whole, quote: string, before: string, name: string, after: string) => {
    if (target === 'curl') {
      const escape = (text: string) => text.replace(/[$`"\\]/g, (c) => `\\${c}`);
      return `"${escape(before)}${lookup.read(name)}${escape(after)}"`;
    }
    const parts = [before ? `${quote}${before}${quote}` : '', lookup.read(name), after ? `${quote}${after}${quote}` : ''].filter((p) => p !== '');
    return parts.join(lookup.join);
  });
}

/** Python and Go need their `os` module for the lookups. */
function withImports(target: SnippetTarget, code: string, environment: string[]): string {
  if (environment.length === 0) return code;
  if (target === 'python-requests' && !/^import os$/m.test(code)) return `import os\n${code}`;
  if (target === 'go-native' && !code.includes('"os"')) return code.replace(/import \(\n/, 'import (\n\t"os"\n');
  return code;
}
