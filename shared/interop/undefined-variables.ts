import type { ContainerSettings } from '../model/collection';
import type { ApiRequest } from '../model/request';
import type { PortableCollection, PortableItem } from './tree';

/**
 * The `{{variables}}` an imported collection uses that nothing defines: not its own variables,
 * not the profile it runs with, not a script in it. Vipps' collections leave some of them for the
 * user to set ("amount", "currency"), and a run then fails on an unresolved name; the import says
 * so before the run, where it can still be fixed.
 */
const USE = /\{\{\s*([^{}\s]+)\s*\}\}/g;
// pm.environment.set('x', …), pm.collectionVariables.set("x", …), postman.setEnvironmentVariable('x', …)…
const SET = /(?:pm\s*\.\s*(?:environment|collectionVariables|variables|globals|iterationData)\s*\.\s*set|postman\s*\.\s*set(?:Environment|Global)Variable)\s*\(\s*(['"`])([^'"`]+)\1/g;

export function undefinedVariables(collection: PortableCollection, supplied: Iterable<string>): string[] {
  const used = new Set<string>();
  const defined = new Set<string>(supplied);
  defineFrom(collection.settings, defined);
  visit(collection.items, used, defined);
  return [...used].filter((name) => !defined.has(name)).sort((a, b) => a.localeCompare(b));
}

function visit(items: readonly PortableItem[], used: Set<string>, defined: Set<string>): void {
  for (const item of items) {
    if (item.kind === 'folder') {
      defineFrom(item.settings, defined);
      visit(item.items, used, defined);
    } else {
      usesOf(item.request, used);
      setsOf(`${item.request.scripts.preRequest}\n${item.request.scripts.test}`, defined);
      for (const extraction of item.request.extractions) if (extraction.enabled) defined.add(extraction.variable);
    }
  }
}

function defineFrom(settings: ContainerSettings, defined: Set<string>): void {
  for (const variable of settings.variables) defined.add(variable.key);
  setsOf(`${settings.scripts.preRequest}\n${settings.scripts.test}`, defined);
}

function usesOf(request: ApiRequest, used: Set<string>): void {
  // What is sent: URL, headers, body and auth. Scripts and the description are not.
  const sent = JSON.stringify([request.url, request.params.filter((p) => p.enabled), request.headers.filter((h) => h.enabled), request.body, request.auth]);
  for (const match of sent.matchAll(USE)) {
    const name = match[1]!;
    // {{$guid}}, {{$timestamp}}…: Postman's dynamic values, made at send time.
    if (!name.startsWith('$')) used.add(name);
  }
}

function setsOf(script: string, defined: Set<string>): void {
  for (const match of script.matchAll(SET)) defined.add(match[2]!);
}
