import { importCurl } from '../../../../shared/interop/curl';
import { isPlaceholderValue, variableForSecretHeader } from '../../../../shared/interop/secrets';
import type { ApiRequest } from '../../../../shared/model/request';

/** A paste is read as curl only when it starts with the command (a "$ " prompt allowed), so a URL that mentions curl stays a URL. */
export function looksLikeCurl(text: string): boolean {
  return /^\s*(?:\$\s+)?curl\s/.test(text);
}

export interface PastedCurl {
  /** The tab's request with the command's method, URL, params, headers, body and auth. */
  request: ApiRequest;
  /** What the importer did not carry over, and which pasted keys were not kept. */
  notes: string[];
  /** More commands were in the text; only the first is used here (Import takes them all). */
  ignoredCommands: number;
}

const literal = (value: string) => value.replace(/\{\{[^}]*\}\}/g, '').replace(/^(Bearer|Basic)\s*/i, '').trim() !== '';

/**
 * The first curl command of a pasted text, through the same importer as Import. A key or token
 * pasted with it is not kept in the tab (tabs are written to disk): it becomes the
 * `{{variable}}` the profile fills from the keychain when the request is sent.
 */
export function readPastedCurl(text: string, current: ApiRequest): PastedCurl | { error: string } {
  let commands;
  try {
    commands = importCurl(text);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const first = commands[0]!;
  const notes = [...first.notes];
  const headers = first.request.headers.map((header) => {
    const secret = variableForSecretHeader(header.key);
    if (!secret || !literal(header.value) || isPlaceholderValue(header.value.replace(/^(Bearer|Basic)\s*/i, ''))) return header;
    notes.push(`The ${header.key} value you pasted was not kept; the header now says {{${secret.variable}}}, which the profile fills from the keychain when the request is sent.`);
    return { ...header, value: `${secret.prefix}{{${secret.variable}}}` };
  });
  const { method, url, params, body, auth } = first.request;
  return { request: { ...current, method, url, params, headers, body, auth }, notes, ignoredCommands: commands.length - 1 };
}
