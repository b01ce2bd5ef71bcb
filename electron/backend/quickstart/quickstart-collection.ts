import type { QuickStartState, SavedRequest } from '../../../shared/contract/quickstart';
import type { CollectionSummary, ContainerSettings } from '../../../shared/model/collection';
import { fromHttpRequest, toHttpRequest } from '../../../shared/model/convert';
import type { ApiRequest, Extraction } from '../../../shared/model/request';
import type { RunRequestResult } from '../../../shared/model/run';
import { receiptSentWithPayment } from '../../../shared/quickstart/payment-apis';
import { recordStep } from '../../../shared/quickstart/progress';
import { checkStepBody, type RuleContext } from '../../../shared/quickstart/rules';
import { runVariables } from '../../../shared/quickstart/run-variables';
import { keyOfStep, requestOf, templateOf, toSavedRequest } from '../../../shared/quickstart/step-requests';
import { REQUEST_STEP_IDS, stepById, type RequestStepId, type StepDefinition } from '../../../shared/quickstart/steps';
import type { RequestKey } from '../../../shared/quickstart/templates';
import type { LoadedCollection } from '../collections/collection-loader';
import { loadedRequest } from '../collections/collection-loader';
import type { BuiltInCollection } from '../collections/collection-store';
import { fail } from '../failure';
import type { PreparedItem, SourceExtras } from '../runner/run-source';
import type { DocumentStore } from '../store/document-store';

export const QUICKSTART_COLLECTION_ID = 'quickstart';
const NAME = 'Quick start: Order Management';

/** The ids a step's answer hands on, as declarative extractions (kept for later steps and runs). */
const EXTRACTIONS: Partial<Record<RequestKey, Array<Pick<Extraction, 'variable' | 'path'>>>> = {
  'payment.epayment': [{ variable: 'orderId', path: '$.reference' }],
  'payment.epayment-receipt': [{ variable: 'orderId', path: '$.reference' }],
  'payment.ecom': [{ variable: 'orderId', path: '$.orderId' }],
  'payment.recurring': [
    { variable: 'agreementId', path: '$.agreementId' },
    { variable: 'chargeId', path: '$.chargeId' },
    { variable: 'orderId', path: '$.chargeId' },
  ],
  image: [{ variable: 'uploadedImageId', path: '$.imageId' }],
};

const fileOf = (step: RequestStepId) => `${step}.yaml`;

/** The step's texts, rules and links as the request's Markdown description. */
function describeStep(step: StepDefinition): string {
  const rules = step.rules.map((rule) => `- **${rule.label}**: ${rule.detail}`).join('\n');
  const docs = step.docs.map((doc) => `- [${doc.label}](${doc.url})`).join('\n');
  return [`## Step ${step.number}: ${step.title}${step.optional ? ' (optional)' : ''}`, step.summary, ...step.explanation, rules && `### Rules\n${rules}`, docs && `### Docs\n${docs}`].filter(Boolean).join('\n\n');
}

function stepRequest(step: RequestStepId, state: QuickStartState): ApiRequest {
  const key = keyOfStep(step, state);
  const http = requestOf(key, state);
  const request = fromHttpRequest({ method: http.method, url: http.url, headers: (http.headers ?? []).map((h) => ({ name: h.name, value: h.value, enabled: h.enabled ?? true })), body: http.body ?? '' }, stepById(step).title);
  return {
    ...request,
    description: describeStep(stepById(step)),
    extractions: (EXTRACTIONS[key] ?? []).map((e) => ({ ...e, from: 'json', scope: 'collection', enabled: true })),
  };
}

function stepOfPath(itemPath: string): RequestStepId {
  const step = REQUEST_STEP_IDS.find((id) => fileOf(id) === itemPath);
  if (!step) fail('NOT_FOUND', `The quick start has no request "${itemPath}".`);
  return step;
}

/**
 * The guided quick start as a built-in, read-only collection: one request per step, built from
 * the step templates for the chosen payment API, with the user's edits (kept per request in
 * quickstart.json). Runs of it record each step's state and its last answer's history entry.
 */
export function createQuickStartCollection(options: { doc: DocumentStore<QuickStartState>; now?: () => Date; msnOf: () => string }): { collection: BuiltInCollection; runExtras: SourceExtras } {
  const { doc } = options;
  const now = options.now ?? (() => new Date());

  const load = (): LoadedCollection => {
    const state = doc.read();
    const steps = REQUEST_STEP_IDS;
    const settings: ContainerSettings = {
      name: NAME,
      description: 'The Vipps MobilePay Order Management quick start, step by step. Built in and read-only: save it as your own collection to change it freely.',
      variables: Object.entries(runVariables(state)).map(([key, value]) => ({ key, value, enabled: true, secret: false })),
      auth: { type: 'vipps' },
      scripts: { preRequest: '', test: '' },
      order: steps.map(fileOf),
    };
    const requests = new Map(steps.map((step) => [fileOf(step), loadedRequest(fileOf(step), stepRequest(step, state))]));
    return { root: '', folders: new Map([['', { path: '', settings, unreadable: false, children: steps.map(fileOf) }]]), requests, problems: [] };
  };

  const collection: BuiltInCollection = {
    id: QUICKSTART_COLLECTION_ID,
    load,
    summary: (): CollectionSummary => ({ id: QUICKSTART_COLLECTION_ID, name: NAME, location: '', builtIn: true, readOnly: true, requestCount: REQUEST_STEP_IDS.length }),
    saveRequest(itemPath, request) {
      const state = doc.read();
      const key = keyOfStep(stepOfPath(itemPath), state);
      const saved: SavedRequest | null = toSavedRequest(toHttpRequest(request, { type: 'vipps' }));
      if (!saved) fail('TOO_LARGE', 'This body is too large to keep as a quick-start edit. Save the quick start as your own collection to keep larger requests.');
      doc.update((current) => ({ ...current, edits: { ...current.edits, [key]: saved }, updatedAt: now().toISOString() }));
    },
  };

  const runExtras = {
    /**
     * Each step is built from the newest state just before it is sent (the category names the
     * image only once one was uploaded) and checked against its rules, as the editor checks it.
     * The optional image is skipped when no image was given, and the receipt when the order
     * lines went with the payment (a receipt is write-once: sending it again would be a 409).
     */
    prepare(itemPath: string, _planned: ApiRequest, resolve: (name: string) => string | undefined): PreparedItem {
      const step = stepOfPath(itemPath);
      if (step === 'image' && resolve('imageSrc') === undefined) return { skip: true };
      const state = doc.read();
      if (step === 'receipt' && receiptSentWithPayment(state.paymentApi)) return { skip: true };
      const request = stepRequest(step, state);
      const key = templateOf(keyOfStep(step, state), state).key;
      const variables: Record<string, string> = { ...runVariables(state), msn: options.msnOf() };
      for (const name of Object.keys(variables)) variables[name] = resolve(name) ?? variables[name]!;
      const context: RuleContext = { variables, imageBase64: resolve('imageSrc') ?? null, uploadedImageId: state.order.uploadedImageId ?? null };
      const body = request.body.mode === 'json' || request.body.mode === 'text' ? request.body.text : '';
      return { request, issues: checkStepBody(key, body, context).map((issue) => ({ name: issue.name, reason: issue.reason })) };
    },
    async saveVariables(values: Record<string, string>) {
      const extracted = Object.fromEntries(Object.entries(values).filter(([key]) => ['orderId', 'agreementId', 'chargeId', 'uploadedImageId'].includes(key)));
      doc.update((current) => ({ ...current, order: { ...current.order, ...extracted }, updatedAt: now().toISOString() }));
    },
    async recordResult(result: RunRequestResult) {
      if (result.skipped) return;
      const step = stepOfPath(result.path);
      const at = now().toISOString();
      doc.update((current) => {
        const outcome =
          result.status !== undefined
            ? ({ kind: 'answered', status: result.status } as const)
            : ({ kind: 'no-answer', cancelled: result.error?.code === 'CANCELLED', message: (result.error?.message ?? result.assertions.find((a) => !a.passed)?.message ?? 'Not sent.').slice(0, 500) } as const);
        const next = recordStep(current, step, outcome, at);
        return result.historyId ? { ...next, steps: { ...next.steps, [step]: { ...next.steps[step], historyId: result.historyId } } } : next;
      });
    },
  };
  return { collection, runExtras };
}
