import type { ApiRequest } from '../../model/request';
import { shellQuote } from '../../quickstart/curl';
import { isSecretName, variableForSecretHeader } from '../secrets';
import { joinUrl } from '../../model/convert';
import { shellForVariable } from './shell-variables';

export interface CurlExport {
  text: string;
  /** Shell variables the command expects (keys and token), in the order they appear. */
  shellVariables: string[];
}

/** Headers curl works out itself; a copied Accept-Encoding would make it print compressed bytes. */
const LEFT_TO_CURL = new Set(['host', 'content-length', 'connection', 'accept-encoding']);

/**
 * A curl command for a request. Keys and the token never appear: a `{{variable}}` that holds one,
 * or a literal value in a key header, becomes a shell variable ($VIPPS_ACCESS_TOKEN…) in double
 * quotes. Other `{{variables}}` are left for the caller to fill first (the backend does).
 */
export function exportCurl(request: ApiRequest): CurlExport {
  const shellVariables: string[] = [];
  const parts: string[] = [];
  const url = joinUrl(request.url, request.params);
  parts.push(request.method === 'GET' && request.body.mode === 'none' ? `curl ${quoted(url, shellVariables)}` : `curl -X ${request.method} ${quoted(url, shellVariables)}`);
  if (request.auth.type === 'basic') parts.push(`-u ${quoted(`${request.auth.username}:${secretAsVariable(request.auth.password, 'password')}`, shellVariables)}`);
  if (request.auth.type === 'bearer') parts.push(`-H ${quoted(`Authorization: Bearer ${secretAsVariable(request.auth.token, 'access_token')}`, shellVariables)}`);
  for (const header of request.headers) {
    if (!header.enabled || LEFT_TO_CURL.has(header.key.toLowerCase())) continue;
    const secret = variableForSecretHeader(header.key);
    const value = secret && !header.value.includes('{{') && header.value.trim() !== '' ? `${secret.prefix}{{${secret.variable}}}` : header.value;
    parts.push(`-H ${quoted(`${header.key}: ${value}`, shellVariables)}`);
  }
  const body = request.body;
  // curl labels --data-raw as a form; a body of another kind says what it is, as the app would send it.
  const typed = request.headers.some((h) => h.enabled && h.key.toLowerCase() === 'content-type');
  const contentType = body.mode === 'json' ? 'application/json' : body.mode === 'text' ? body.contentType : undefined;
  if (!typed && contentType && contentType.toLowerCase() !== 'application/x-www-form-urlencoded') parts.push(`-H ${quoted(`Content-Type: ${contentType}`, shellVariables)}`);
  switch (body.mode) {
    case 'json':
    case 'text':
      parts.push(`--data-raw ${quoted(body.text, shellVariables)}`);
      break;
    case 'form-urlencoded':
      parts.push(`--data-raw ${quoted(joinUrl('', body.fields).slice(1), shellVariables)}`);
      break;
    case 'multipart':
      for (const part of body.parts.filter((p) => p.enabled)) {
        parts.push(part.kind === 'file' ? `-F ${shellQuote(`${part.key}=@${part.path}`)}` : `--form-string ${quoted(`${part.key}=${part.value}`, shellVariables)}`);
      }
      break;
    case 'binary':
      if (body.path) parts.push(`--data-binary ${shellQuote(`@${body.path}`)}`);
      break;
    case 'none':
      break;
  }
  if (request.settings.followRedirects && request.settings.maxRedirects > 0) parts.push('-L');
  const prelude = shellVariables.length > 0 ? `# Set ${shellVariables.map((v) => `$${v}`).join(', ')} in your shell first; this command holds no keys.\n` : '';
  return { text: prelude + parts.join(' \\\n  '), shellVariables };
}

function secretAsVariable(value: string, variable: string): string {
  return value.includes('{{') || value === '' ? value : `{{${variable}}}`;
}

/**
 * Single quotes, unless the text holds a secret `{{variable}}`: then double quotes with only
 * that variable expanding, everything else escaped.
 */
function quoted(text: string, shellVariables: string[]): string {
  const secretVariable = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
  if (![...text.matchAll(secretVariable)].some((m) => isSecretName(m[1]!))) return shellQuote(text);
  const escaped = text.replace(/[$`"\\]/g, (c) => `\\${c}`);
  return `"${escaped.replace(/\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g, (whole, name: string) => {
    if (!isSecretName(name)) return whole;
    const shell = shellForVariable(name);
    if (!shellVariables.includes(shell)) shellVariables.push(shell);
    return `\${${shell}}`;
  })}"`;
}
