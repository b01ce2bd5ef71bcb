import { methodToken, type HttpMethod } from '../../contract/requests';
import { splitUrl } from '../../model/convert';
import { newRequest, type ApiRequest, type KeyValue, type RequestBody } from '../../model/request';
import { ImportProblem } from '../errors';
import { addHeader, bodyFor, joinPieces, urlencodePiece, type Piece } from './body';
import { BOOLEAN, QUIET, REFUSED, SHORT, TAKES_VALUE, USED, type UsedKind } from './options';

/** One option as curl reads it: its long name, its value if it takes one, and how it was written. */
interface Option {
  name: string;
  value?: string;
  off?: boolean;
  written: string;
}

/** Schemes curl signs -u with that we cannot: the credentials must not go out as Basic instead. */
const OTHER_AUTH: Readonly<Record<string, string>> = { digest: 'Digest', ntlm: 'NTLM', 'ntlm-wb': 'NTLM', negotiate: 'Negotiate (Kerberos)', 'aws-sigv4': 'AWS Signature V4' };

/**
 * curl's words split into options and URLs, the way curl's own option parser does: one-letter
 * options may be bundled (-sSL, -sd data), the last one of a bundle taking the rest of the word
 * or the next word as its value; a switch is turned off as --no-NAME. An option curl does not
 * have stops the import, since guessing whether it takes a value could misread the URL.
 */
export function readOptions(words: readonly string[]): { options: Option[]; positionals: string[]; more: boolean } {
  const options: Option[] = [];
  const positionals: string[] = [];
  let onlyUrls = false;
  // --next (-:) starts another request: what follows it belongs to that one.
  const next = () => options.at(-1)?.name === 'next';
  let i = 0;
  for (; i < words.length && !next(); i++) {
    const word = words[i]!;
    if (onlyUrls || word === '-' || !word.startsWith('-')) {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      onlyUrls = true;
      continue;
    }
    if (word.startsWith('--')) {
      let name = word.slice(2);
      let value: string | undefined;
      const eq = name.indexOf('=');
      // curl itself has no --name=value form; read it when the part before "=" takes a value, as people write it.
      if (eq > 0 && !TAKES_VALUE.has(name) && TAKES_VALUE.has(name.slice(0, eq))) {
        value = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      if (name.startsWith('expand-') && (TAKES_VALUE.has(name.slice(7)))) name = name.slice(7);
      if (TAKES_VALUE.has(name)) {
        if (value === undefined) {
          if (i + 1 >= words.length) throw new ImportProblem(`The option ${word} needs a value after it. Add the value, or remove the option.`);
          value = words[++i]!;
        }
        options.push({ name, value, written: `--${name}` });
      } else if (BOOLEAN.has(name)) {
        options.push({ name, written: word });
      } else if (name.startsWith('no-') && BOOLEAN.has(name.slice(3))) {
        options.push({ name: name.slice(3), off: true, written: word });
      } else {
        throw new ImportProblem(`curl has no option ${word}. Check its spelling (curl --help all lists them), or remove it.`);
      }
      continue;
    }
    for (let c = 1; c < word.length; c++) {
      const letter = word[c]!;
      const name = SHORT[letter];
      if (!name) throw new ImportProblem(`curl has no option -${letter}${word.length > 2 ? ` (in ${word})` : ''}. Check its spelling, or remove it.`);
      if (!TAKES_VALUE.has(name)) {
        options.push({ name, written: `-${letter}` });
        if (name === 'next') break;
        continue;
      }
      let value = word.slice(c + 1);
      if (value === '') {
        if (i + 1 >= words.length) throw new ImportProblem(`The option -${letter} needs a value after it. Add the value, or remove the option.`);
        value = words[++i]!;
      }
      options.push({ name, value, written: `-${letter}` });
      break;
    }
  }
  return { options, positionals, more: i < words.length };
}

/** The request one curl command sends, with what was not carried over in words. */
export function commandToRequest(words: readonly string[]): { request: ApiRequest; notes: string[] } {
  const notes: string[] = [];
  const { options, positionals, more } = readOptions(words);
  let method: string | undefined;
  const urls = [...positionals];
  const headers: KeyValue[] = [];
  const removed = new Set<string>();
  const pieces: Piece[] = [];
  const query: string[] = [];
  const form: Array<{ key: string; value: string; file: boolean }> = [];
  let user: string | undefined;
  let bearer: string | undefined;
  let upload: string | undefined;
  let get = false;
  let head = false;
  let timeoutMs: number | undefined;
  let followRedirects = false;
  let maxRedirects = 10;
  let otherAuth: string | undefined;

  for (const option of options) {
    const refused = REFUSED[option.name];
    if (refused) throw new ImportProblem(`${option.written} ${refused}.`);
    const kind: UsedKind | undefined = USED[option.name];
    const value = option.value ?? '';
    if (kind === 'next') {
      if (more) notes.push('--next starts another request in the same command; only the first one was imported. Paste each as a curl command of its own.');
      break;
    }
    if (!kind) {
      // The last scheme given wins, as in curl; --basic (or --no-digest) goes back to Basic.
      if (OTHER_AUTH[option.name]) otherAuth = option.off ? undefined : OTHER_AUTH[option.name];
      if (option.name === 'basic') otherAuth = undefined;
      if (!QUIET.has(option.name)) notes.push(`The option ${option.written} does not carry over and was left out.`);
      continue;
    }
    switch (kind) {
      case 'method':
        method = value;
        break;
      case 'header':
        addHeader(value, headers, removed, notes);
        break;
      case 'data': case 'data-raw': case 'data-binary': case 'data-urlencode': case 'json':
        pieces.push({ kind, value });
        break;
      case 'form': case 'form-string': {
        const eq = value.indexOf('=');
        const key = eq < 0 ? value : value.slice(0, eq);
        const v = eq < 0 ? '' : value.slice(eq + 1);
        const file = kind === 'form' && v.startsWith('@');
        if (kind === 'form' && v.startsWith('<')) notes.push(`The form field "${key}" takes its text from the file ${v.slice(1)}; it was imported as the text "${v}".`);
        form.push({ key, value: file ? v.slice(1).replace(/;type=.*$/, '') : v, file });
        break;
      }
      case 'user': user = value; break;
      case 'oauth2-bearer': bearer = value; break;
      case 'agent': headers.push({ key: 'User-Agent', value, enabled: true }); break;
      case 'referer': headers.push({ key: 'Referer', value: value.replace(/;auto$/, ''), enabled: true }); break;
      case 'cookie':
        if (value.includes('=')) headers.push({ key: 'Cookie', value, enabled: true });
        else notes.push(`-b ${value} reads cookies from a file; it was left out.`);
        break;
      case 'url': urls.push(value); break;
      case 'url-query': query.push(value.startsWith('+') ? value.slice(1) : urlencodePiece(value, notes)); break;
      case 'max-time': {
        const seconds = Number(value);
        if (Number.isFinite(seconds) && seconds > 0) timeoutMs = Math.min(600_000, Math.round(seconds * 1000));
        break;
      }
      case 'max-redirs': {
        const n = Number(value);
        if (Number.isInteger(n) && n >= 0) maxRedirects = Math.min(20, n);
        break;
      }
      case 'get': get = !option.off; break;
      case 'head': head = !option.off; break;
      case 'location': followRedirects = !option.off; break;
      case 'upload-file': upload = value; break;
      case 'range': headers.push({ key: 'Range', value: `bytes=${value}`, enabled: true }); break;
      case 'output': notes.push(`The answer is shown here instead of being written to ${value}.`); break;
      case 'insecure': if (!option.off) notes.push('-k (skip TLS checks) was left out: the app always checks certificates.'); break;
    }
  }
  const rawUrl = urls[0];
  if (rawUrl === undefined) throw new ImportProblem('This curl command has no URL. Add the address to call, e.g. curl https://example.com/api');
  if (urls.length > 1) notes.push(`curl would also call ${urls.slice(1).join(', ')}; only the first URL was imported. Paste each as a curl command of its own.`);
  let url = /^[a-z][a-z0-9+.-]*:\/\//i.test(rawUrl) || rawUrl.startsWith('{{') ? rawUrl : `http://${rawUrl}`;
  if (upload !== undefined && upload !== '-' && url.endsWith('/')) url += upload.split(/[\\/]/).pop() ?? '';
  const joined = joinPieces(pieces, notes);
  if (get && pieces.length > 0) query.push(joined);
  if (query.length > 0) url += (url.includes('?') ? '&' : '?') + query.join('&');

  const split = splitUrl(url);
  const explicitAuth = headers.some((h) => h.key.toLowerCase() === 'authorization');
  let body: RequestBody = { mode: 'none' };
  if (upload !== undefined) {
    if (upload === '-' || upload === '.') notes.push('-T - sends what curl reads from its input; the body was left empty.');
    else body = { mode: 'binary', path: upload };
  } else if (form.length > 0) {
    body = { mode: 'multipart', parts: form.map((p) => (p.file ? { kind: 'file', key: p.key, path: p.value, enabled: true } : { kind: 'text', key: p.key, value: p.value, enabled: true })) };
  } else if (!get && pieces.length > 0) {
    body = bodyFor(pieces, joined, headers, removed);
  }
  const defaultMethod = head ? 'HEAD' : upload !== undefined ? 'PUT' : (!get && pieces.length > 0) || form.length > 0 ? 'POST' : 'GET';
  const chosen = chooseMethod(method ?? defaultMethod);

  let auth: ApiRequest['auth'] = { type: 'inherit' };
  if ((user !== undefined || bearer !== undefined) && explicitAuth) {
    notes.push(`${user !== undefined ? '-u' : '--oauth2-bearer'} was not used: curl sends the Authorization header given with -H instead.`);
  } else if (user !== undefined && otherAuth) {
    notes.push(`curl signs with ${otherAuth}, which is not supported here; the request was imported without the -u credentials, so they never go out as Basic.`);
  } else if (user !== undefined) {
    const colon = user.indexOf(':');
    if (colon < 0) notes.push(`curl would ask for ${user}'s password; the password was left empty.`);
    auth = { type: 'basic', username: colon < 0 ? user : user.slice(0, colon), password: colon < 0 ? '' : user.slice(colon + 1) };
  } else if (bearer !== undefined) {
    auth = { type: 'bearer', token: bearer };
  }
  const request = newRequest({
    name: nameFor(chosen, split.url),
    method: chosen,
    url: split.url,
    params: split.params,
    headers,
    body,
    auth,
    settings: { timeoutMs: timeoutMs ?? 30_000, followRedirects, maxRedirects },
  });
  return { request, notes };
}

function chooseMethod(given: string): HttpMethod {
  const method = methodToken(given);
  if (method === null) throw new ImportProblem(`"${given}" cannot be a method: a method is one word (up to 32 letters, digits and !#$%&'*+.^_\`|~-).`);
  return method;
}

function nameFor(method: HttpMethod, url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\{\{[^}]+\}\}/, '') || '/';
  return `${method} ${path}`.slice(0, 256);
}
