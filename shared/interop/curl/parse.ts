import { parse as parseShell, type ParseEntry } from 'shell-quote';
import { httpMethods, type HttpMethod } from '../../contract/requests';
import { newRequest, type ApiRequest, type KeyValue, type RequestBody } from '../../model/request';
import { ImportProblem } from '../errors';
import { splitUrl } from '../../model/convert';
import { variableForShell } from './shell-variables';

export interface CurlImport {
  request: ApiRequest;
  /** Options we read but do not carry over, in words. */
  notes: string[];
  /** The command as it was pasted, for showing next to its defects. */
  source: string;
}

/** Flags that take a value, by every spelling curl accepts. */
const WITH_VALUE: Record<string, string> = {
  '-X': 'method', '--request': 'method',
  '-H': 'header', '--header': 'header',
  '-d': 'data', '--data': 'data', '--data-ascii': 'data', '--data-raw': 'data-raw', '--data-binary': 'data-binary',
  '--data-urlencode': 'data-urlencode', '--json': 'json',
  '-F': 'form', '--form': 'form', '--form-string': 'form-string',
  '-u': 'user', '--user': 'user',
  '-A': 'agent', '--user-agent': 'agent', '-e': 'referer', '--referer': 'referer', '-b': 'cookie', '--cookie': 'cookie',
  '--url': 'url', '-m': 'max-time', '--max-time': 'max-time', '--connect-timeout': 'ignored-value',
  '-o': 'output', '--output': 'output', '-w': 'ignored-value', '--write-out': 'ignored-value', '--retry': 'ignored-value',
  '--cacert': 'tls', '--cert': 'tls', '--key': 'tls', '-x': 'proxy', '--proxy': 'proxy', '--max-redirs': 'max-redirs',
};
const FLAGS: Record<string, string> = {
  '-G': 'get', '--get': 'get', '-I': 'head', '--head': 'head', '-L': 'location', '--location': 'location',
  '-k': 'insecure', '--insecure': 'insecure', '--compressed': 'quiet', '-s': 'quiet', '--silent': 'quiet', '-S': 'quiet',
  '--show-error': 'quiet', '-v': 'quiet', '--verbose': 'quiet', '-i': 'quiet', '--include': 'quiet', '-f': 'quiet', '--fail': 'quiet',
};

/**
 * One or several curl commands, as pasted from docs or a terminal: lines continued with `\`,
 * single, double and `$'…'` quotes (shell-quote does the shell's word splitting), commands
 * separated by new lines, `;` or `&&`. `$NAME` shell variables become `{{variables}}`.
 */
export function importCurl(text: string): CurlImport[] {
  const found: CurlImport[] = [];
  for (const segment of commandSegments(text)) {
    const entries = parseShell(segment.replace(/\\\r?\n/g, ' '), (name) => `{{${variableForShell(name)}}}`);
    let current: ParseEntry[] | undefined;
    const commands: ParseEntry[][] = [];
    for (const entry of entries) {
      if (entry === 'curl') {
        current = [];
        commands.push(current);
      } else if (typeof entry === 'object' && 'op' in entry && entry.op !== 'glob') {
        current = undefined;
      } else if (current && !(typeof entry === 'object' && 'comment' in entry)) {
        current.push(entry);
      }
    }
    const sources = commands.length === 1 ? [segment] : splitSources(segment);
    commands.forEach((args, i) => found.push({ ...commandToRequest(args), source: sources[i] ?? segment }));
  }
  if (found.length === 0) throw new ImportProblem('No curl command found. Paste text that starts with "curl", for example: curl -X POST https://example.com/api -H "Content-Type: application/json" -d \'{}\'');
  return found;
}

/**
 * The curl commands in a text that may also hold prose (a page copied from the docs): each
 * runs from a `curl` at the start of a line to the first line end outside quotes that is not
 * continued with a backslash. Only the boundaries are found here; shell-quote splits the words.
 */
function commandSegments(text: string): string[] {
  const segments: string[] = [];
  const starts = /(^|\n)[ \t]*(?:\$ )?(curl\s)/g;
  let match: RegExpExecArray | null;
  let from = 0;
  while ((match = starts.exec(text)) !== null) {
    const start = match.index + match[0].length - match[2]!.length;
    if (start < from) continue;
    const end = commandEnd(text, start);
    segments.push(text.slice(start, end).trim());
    from = end;
    starts.lastIndex = end;
  }
  return segments;
}

function commandEnd(text: string, start: number): number {
  let quote: "'" | '"' | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
    } else if (c === '\\') {
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '\n') {
      return i;
    }
  }
  return text.length;
}

function splitSources(text: string): string[] {
  const starts = [...text.matchAll(/(^|[\n;&|]\s*)curl\s/g)].map((m) => m.index + m[1]!.length);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).replace(/[\s;&|]+$/, ''));
}

function word(entry: ParseEntry | undefined): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object' && 'pattern' in entry) return entry.pattern;
  return undefined;
}

function commandToRequest(args: ParseEntry[]): Omit<CurlImport, 'source'> {
  const notes: string[] = [];
  let method: string | undefined;
  let url: string | undefined;
  const headers: KeyValue[] = [];
  const data: Array<{ kind: string; value: string }> = [];
  const form: Array<{ key: string; value: string; file: boolean }> = [];
  let user: string | undefined;
  let get = false;
  let timeoutMs: number | undefined;
  let followRedirects = false;

  for (let i = 0; i < args.length; i++) {
    const arg = word(args[i]);
    if (arg === undefined) continue;
    let flag = arg;
    let value: string | undefined;
    // -XPOST, -HAccept:… and --data=… carry the value in the same word.
    if (/^-[a-zA-Z]./.test(arg) && WITH_VALUE[arg.slice(0, 2)]) {
      flag = arg.slice(0, 2);
      value = arg.slice(2);
    } else if (arg.startsWith('--') && arg.includes('=') && WITH_VALUE[arg.slice(0, arg.indexOf('='))]) {
      flag = arg.slice(0, arg.indexOf('='));
      value = arg.slice(arg.indexOf('=') + 1);
    }
    const kind = WITH_VALUE[flag];
    if (kind) {
      if (value === undefined) value = word(args[++i]) ?? '';
      switch (kind) {
        case 'method': method = value.toUpperCase(); break;
        case 'header': {
          const colon = value.indexOf(':');
          if (colon > 0) headers.push({ key: value.slice(0, colon).trim(), value: value.slice(colon + 1).trim(), enabled: true });
          else notes.push(`The header "${value}" has no value and was left out.`);
          break;
        }
        case 'data': case 'data-raw': case 'data-binary': case 'data-urlencode': case 'json':
          data.push({ kind, value });
          if (kind === 'json') {
            if (!headers.some((h) => h.key.toLowerCase() === 'content-type')) headers.push({ key: 'Content-Type', value: 'application/json', enabled: true });
            if (!headers.some((h) => h.key.toLowerCase() === 'accept')) headers.push({ key: 'Accept', value: 'application/json', enabled: true });
          }
          break;
        case 'form': case 'form-string': {
          const eq = value.indexOf('=');
          const key = eq < 0 ? value : value.slice(0, eq);
          const v = eq < 0 ? '' : value.slice(eq + 1);
          const file = kind === 'form' && v.startsWith('@');
          form.push({ key, value: file ? v.slice(1).replace(/;type=.*$/, '') : v, file });
          break;
        }
        case 'user': user = value; break;
        case 'agent': headers.push({ key: 'User-Agent', value, enabled: true }); break;
        case 'referer': headers.push({ key: 'Referer', value, enabled: true }); break;
        case 'cookie': headers.push({ key: 'Cookie', value, enabled: true }); break;
        case 'url': url = value; break;
        case 'max-time': {
          const seconds = Number(value);
          if (Number.isFinite(seconds) && seconds > 0) timeoutMs = Math.min(600_000, Math.round(seconds * 1000));
          break;
        }
        case 'output': notes.push(`The answer is shown here instead of being written to ${value}.`); break;
        case 'tls': notes.push(`${flag} (client certificates and CA files) is not supported and was left out.`); break;
        case 'proxy': notes.push('The proxy option was left out; the app sends directly.'); break;
        case 'max-redirs': break;
        default: break;
      }
      continue;
    }
    const f = FLAGS[arg];
    if (f) {
      if (f === 'get') get = true;
      else if (f === 'head') method = 'HEAD';
      else if (f === 'location') followRedirects = true;
      else if (f === 'insecure') notes.push('-k (skip TLS checks) was left out: the app always checks certificates.');
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      notes.push(`The option ${arg} is not supported and was left out.`);
      continue;
    }
    if (url === undefined) url = arg;
    else notes.push(`The extra word "${arg}" was left out.`);
  }
  if (url === undefined) throw new ImportProblem('This curl command has no URL. Add the address to call, e.g. curl https://example.com/api');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('{{')) url = `http://${url}`;

  const split = splitUrl(url);
  let params = split.params;
  const bodyText = data.map((d) => (d.kind === 'data-urlencode' ? urlencodeArgument(d.value) : d.kind === 'data' || d.kind === 'data-binary' ? dataArgument(d.value, notes) : d.value)).join('&');
  let body: RequestBody = { mode: 'none' };
  if (get && data.length > 0) {
    params = [...params, ...splitUrl(`?${bodyText}`).params];
  } else if (form.length > 0) {
    body = { mode: 'multipart', parts: form.map((p) => (p.file ? { kind: 'file', key: p.key, path: p.value, enabled: true } : { kind: 'text', key: p.key, value: p.value, enabled: true })) };
  } else if (data.some((d) => d.value.startsWith('@') && d.kind !== 'data-raw')) {
    body = { mode: 'binary', path: data.find((d) => d.value.startsWith('@'))!.value.slice(1) };
  } else if (data.length > 0 && bodyText !== '') {
    body = bodyFor(bodyText, headers, data.every((d) => d.kind === 'data-urlencode'));
  }
  const chosen = (method ?? (data.length > 0 && !get ? 'POST' : form.length > 0 ? 'POST' : 'GET')).toUpperCase();
  if (!(httpMethods as readonly string[]).includes(chosen)) throw new ImportProblem(`The method ${chosen} is not supported. Use one of ${httpMethods.join(', ')}.`);
  const auth = user !== undefined ? basicAuth(user) : ({ type: 'inherit' } as const);
  const request = newRequest({
    name: nameFor(chosen as HttpMethod, split.url),
    method: chosen as HttpMethod,
    url: split.url,
    params,
    headers,
    body,
    auth,
    settings: { timeoutMs: timeoutMs ?? 30_000, followRedirects, maxRedirects: 10 },
  });
  return { request, notes };
}

function basicAuth(user: string): ApiRequest['auth'] {
  const colon = user.indexOf(':');
  return { type: 'basic', username: colon < 0 ? user : user.slice(0, colon), password: colon < 0 ? '' : user.slice(colon + 1) };
}

/** `-d @file` and `--data-binary @file` read a file; the request keeps its path and reads it when sent. */
function dataArgument(value: string, notes: string[]): string {
  if (value.startsWith('@')) notes.push(`The body is read from the file ${value.slice(1)} when the request is sent.`);
  return value;
}

/** `--data-urlencode`: `name=value` encodes the value, `=value` and `value` encode it all. */
function urlencodeArgument(value: string): string {
  const eq = value.indexOf('=');
  if (eq < 0) return encodeURIComponent(value);
  if (eq === 0) return encodeURIComponent(value.slice(1));
  return `${value.slice(0, eq)}=${encodeURIComponent(value.slice(eq + 1))}`;
}

function bodyFor(text: string, headers: KeyValue[], urlencoded: boolean): RequestBody {
  const contentType = headers.find((h) => h.key.toLowerCase() === 'content-type')?.value ?? '';
  if (/json/i.test(contentType) || (!contentType && /^\s*[[{]/.test(text))) return { mode: 'json', text };
  if (/x-www-form-urlencoded/i.test(contentType) || (!contentType && (urlencoded || /^[^=&\s{[]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(text)))) {
    return { mode: 'form-urlencoded', fields: splitUrl(`?${text}`).params };
  }
  return { mode: 'text', text, ...(contentType ? { contentType } : {}) };
}

function nameFor(method: HttpMethod, url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\{\{[^}]+\}\}/, '') || '/';
  return `${method} ${path}`.slice(0, 256);
}
