import type { TreeNode } from '../../../shared/model/collection';
import type { ApiRequest } from '../../../shared/model/request';
import { fillTemplate, type VariableScopes } from '../../../shared/variables';
import { orderCallOf, paymentIdOf, unmatchedOrderIdWarning } from '../../../shared/vipps/order-ids';
import { checkRequestRules } from '../../../shared/vipps/request-rules';
import { ExitCode } from '../exit-codes';
import type { Scrub } from '../reporters/reporter';
import type { RunTarget } from '../run-context';
import { painter, type Terminal } from '../terminal';

/**
 * `run … --dry-run`: every request of the run is filled and checked against every Vipps rule we
 * know, and none is sent. A line per request says whether it keeps the rules; the exit code is 0
 * when all do and 1 otherwise. Values a request would take from an earlier answer (a token, an
 * id the server makes) do not exist yet, so those are named instead of guessed.
 */

export interface DryRunInput {
  collectionId: string;
  /** The folders and requests to check, in run order; [''] for the whole collection. */
  itemPaths: string[];
  /** --env-var values (win over all) and the -e file's values, as the run would start with. */
  runValues: Record<string, string>;
}

interface Checked {
  passed: boolean;
}

function requestsIn(items: TreeNode[], under: string): Array<{ path: string; name: string }> {
  return items.flatMap((node) => {
    const inside = under === '' || node.path === under || node.path.startsWith(`${under}/`) || under.startsWith(`${node.path}/`);
    if (!inside) return [];
    return node.kind === 'request' ? [{ path: node.path, name: node.name }] : requestsIn(node.children, under);
  });
}

function enabledValues(variables: ReadonlyArray<{ key: string; value: string; enabled: boolean; secret: boolean }>): Record<string, string> {
  // Secret values come back empty from the backend; they are left unfilled rather than checked as "".
  return Object.fromEntries(variables.filter((v) => v.enabled && !v.secret).map((v) => [v.key, v.value]));
}

function bodyText(request: ApiRequest): string | null {
  return request.body.mode === 'json' || request.body.mode === 'text' ? request.body.text : request.body.mode === 'none' ? '' : null;
}

/** The value an issue's JSON path (`orderLines[0].name`) names in the body, if it can be found. */
function valueAt(body: string, path: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
  for (const key of path.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A rule broken only by a `{{variable}}` still unfilled says nothing about the request the run will send. */
function holdsVariable(body: string, path: string): boolean {
  const value = valueAt(body, path);
  return typeof value === 'string' && /\{\{[^}]+\}\}/.test(value);
}

function queryOf(request: ApiRequest): string {
  const query = request.params.filter((p) => p.enabled && p.key !== '').map((p) => `${p.key}=${p.value}`);
  return query.length > 0 ? `?${query.join('&')}` : '';
}

export async function dryRun(target: RunTarget, input: DryRunInput, terminal: Terminal, scrub: Scrub): Promise<ExitCode> {
  const paint = painter(terminal.colour);
  const tick = terminal.colour ? '✓' : 'ok';
  const cross = terminal.colour ? '✗' : 'FAIL';
  // Names, messages and values come from collection files: no control characters reach the terminal.
  // eslint-disable-next-line no-control-regex
  const plain = (text: string) => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
  const line = (text: string) => terminal.out(`${scrub(plain(text))}\n`);

  const { session } = target;
  const tree = await session.call('getCollectionTree', { collectionId: input.collectionId }, 'Reading the collection');
  const { profiles } = await session.call('listProfiles', {}, 'Reading the profiles');
  const profile = profiles.find((p) => p.id === target.profileId);
  const profileValues: Record<string, string> = profile ? { ...profile.variables, baseUrl: profile.baseUrl, msn: profile.msn } : {};
  const folderValues = new Map<string, Record<string, string>>();
  const valuesOf = async (folder: string): Promise<Record<string, string>> => {
    const known = folderValues.get(folder);
    if (known) return known;
    const settings = await session.call('getContainerSettings', { collectionId: input.collectionId, path: folder }, 'Reading the collection’s variables');
    const values = enabledValues(settings.variables);
    folderValues.set(folder, values);
    return values;
  };
  /** The collection's, then each folder's variables, the nearest winning, as the runner merges them. */
  const containerValues = async (requestPath: string): Promise<Record<string, string>> => {
    const parts = requestPath.split('/').slice(0, -1);
    let merged = await valuesOf('');
    for (let i = 1; i <= parts.length; i++) merged = { ...merged, ...(await valuesOf(parts.slice(0, i).join('/'))) };
    return merged;
  };

  // Ids the run would create before a later request uses them, so a whole flow does not warn on its own orders.
  const created = new Set<string>();
  const requests = input.itemPaths.flatMap((itemPath) => requestsIn(tree.items, itemPath));
  line(paint('bold', tree.name) + paint('dim', `  (dry run: ${requests.length} request${requests.length === 1 ? '' : 's'} checked against the rules, none sent)`));
  const results: Checked[] = [];
  for (const item of requests) {
    const { request } = await session.call('getRequest', { collectionId: input.collectionId, path: item.path }, `Reading ${item.path}`);
    const scopes: VariableScopes = { run: input.runValues, collection: await containerValues(item.path), profile: profileValues };
    const url = fillTemplate(`${request.url}${queryOf(request)}`, scopes);
    const rawBody = bodyText(request);
    const body = rawBody === null ? null : fillTemplate(rawBody, scopes);
    const unresolved = [...new Set([...url.unresolved, ...(body?.unresolved ?? [])])];
    const rules = body === null ? { operation: null, issues: [] } : checkRequestRules({ method: request.method, url: url.text, body: body.text });
    const check = { ...rules, issues: rules.issues.filter((issue) => !(body && holdsVariable(body.text, issue.name))) };
    const passed = check.issues.length === 0;
    results.push({ passed });
    const what = body === null ? `a ${request.body.mode} body: no rules to check` : check.operation ? `${check.operation}: ${passed ? 'the rules pass' : `${check.issues.length} rule${check.issues.length === 1 ? '' : 's'} broken`}` : 'no Vipps rules for this call';
    line(`${passed ? paint('green', tick) : paint('red', cross)} ${request.method} ${item.name}  ${paint('dim', `(${what})`)}`);
    for (const issue of check.issues) line(`    ${paint('red', `${issue.name}: ${issue.reason}`)}`);
    const call = orderCallOf(request.method, url.text);
    if (call && !created.has(call.orderId) && session.backend.knownPayments.check(call.orderId).matches.length === 0) {
      line(`    ${paint('yellow', `! ${unmatchedOrderIdWarning(call)}`)}`);
    }
    if (unresolved.length > 0) {
      line(`    ${paint('dim', `- not known before the run: ${unresolved.map((n) => `{{${n}}}`).join(', ')} (set by an earlier answer or a script, or missing): the fields holding them are checked when the run fills them`)}`);
    }
    const id = body === null ? null : paymentIdOf({ method: request.method, url: url.text, body: body.text });
    if (id) created.add(id);
  }
  const failed = results.filter((r) => !r.passed).length;
  line('');
  line(`Checked ${results.length} request${results.length === 1 ? '' : 's'}: ${paint('green', `${results.length - failed} keep the rules`)}, ${failed > 0 ? paint('red', `${failed} break them`) : '0 break them'}. Nothing was sent.`);
  return failed === 0 ? ExitCode.passed : ExitCode.failed;
}
