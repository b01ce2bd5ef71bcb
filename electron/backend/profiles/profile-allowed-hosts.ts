import type { AllowedHosts } from '../../../shared/contract/profiles';
import { fail } from '../failure';

/**
 * Turns what a user typed as an allowed host into its stored form: lower case, no scheme, path or
 * user info, so "https://Evil.example/x" and "evil.example" are the same entry. Undefined when it
 * is not a host at all.
 */
export function normalizeAllowedHost(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return undefined;
  const wildcard = trimmed.startsWith('*.');
  const authority = (wildcard ? trimmed.slice(2) : trimmed).replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#]/)[0]!;
  if (authority === '' || authority.includes('@')) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${authority}`);
  } catch {
    return undefined;
  }
  // URL drops a port that is the default for http, so the port is taken from what was typed.
  const port = /:(\d+)$/.exec(authority)?.[1];
  const host = port ? `${url.hostname}:${Number(port)}` : url.hostname;
  return wildcard ? `*.${host}` : host;
}


/**
 * The allowed-host lists of a profile as they are stored: each host in its normal form, listed
 * once, and only for secret variables the profile still has (a dropped secret takes its hosts
 * with it). A host that is not one stops the save with what to type instead.
 */
export function normalizeAllowedHosts(lists: AllowedHosts, secretVariableNames: readonly string[]): AllowedHosts {
  const clean = (label: string, hosts: readonly string[] | undefined): string[] => {
    const out: string[] = [];
    for (const typed of hosts ?? []) {
      const host = normalizeAllowedHost(typed);
      if (!host) fail('INVALID_INPUT', `"${typed}" is not a host ${label} could be allowed to go to. Type a host name such as api.example.com, optionally with a port (localhost:8080) or a leading *. for its subdomains.`);
      if (!out.includes(host)) out.push(host);
    }
    return out;
  };
  const keys: AllowedHosts['keys'] = {};
  for (const [field, hosts] of Object.entries(lists.keys) as Array<[keyof AllowedHosts['keys'], string[] | undefined]>) {
    const cleaned = clean(field, hosts);
    if (cleaned.length > 0) keys[field] = cleaned;
  }
  const variables: AllowedHosts['variables'] = {};
  for (const [name, hosts] of Object.entries(lists.variables)) {
    if (!secretVariableNames.includes(name)) continue;
    const cleaned = clean(`the secret variable ${name}`, hosts);
    if (cleaned.length > 0) variables[name] = cleaned;
  }
  return { keys, variables };
}

/** When a secret variable is renamed, its allowed hosts follow it to the new name. */
export function renameVariableHosts(lists: AllowedHosts, renames: ReadonlyArray<{ from: string; to: string }>): AllowedHosts {
  const variables = { ...lists.variables };
  for (const { from, to } of renames) {
    if (from === to || !variables[from] || variables[to]) continue;
    variables[to] = variables[from]!;
    delete variables[from];
  }
  return { ...lists, variables };
}
