import { deflateSync, crc32 } from 'node:zlib';
import { expect } from 'vitest';
import type { QuickStartState } from '../../../shared/contract/quickstart';
import type { HistoryEntry } from '../../../shared/contract/history';
import type { RunSummary } from '../../../shared/model/run';
import type { Result } from '../../../shared/errors';

/** A valid grey PNG, tall enough for Order Management's 167 px minimum. */
export function pngImage(width = 40, height = 200): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed) >>> 0);
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

interface Caller {
  call<T = unknown>(method: string, input: unknown): Promise<Result<T>>;
}

type Sent = { status: number; body: { kind: string; text?: string } };

async function must<T>(backend: Caller, method: string, input: unknown): Promise<T> {
  const result = await backend.call<T>(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * One run of the built-in quick-start collection through the backend's runner, as "Run all
 * steps" starts it: token, ePayment payment, image (a generated PNG), category, receipt, read
 * back. Returns each step's answer as the history recorded it (redacted), keyed by step.
 */
export async function runQuickStart(backend: Caller): Promise<Record<string, Sent>> {
  const { runId } = await must<{ runId: string }>(backend, 'startRun', { collectionId: 'quickstart', stopOnFailure: true, variables: { imageSrc: pngImage().toString('base64') } });
  let summary: RunSummary;
  for (;;) {
    summary = await must<RunSummary>(backend, 'getRun', { runId });
    if (summary.outcome !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const results: Record<string, Sent> = {};
  for (const result of summary.results) {
    const step = result.path.replace(/\.yaml$/, '');
    const entry = result.historyId ? await must<HistoryEntry>(backend, 'getHistoryEntry', { id: result.historyId }) : undefined;
    results[step] = { status: result.status ?? 0, body: { kind: 'inline', text: entry?.response?.body } };
  }
  expect(summary.outcome, JSON.stringify(summary.results.map((r) => r.error ?? r.assertions))).toBe('completed');
  expect(Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.status]))).toEqual({ token: 200, payment: 201, image: 200, category: 200, receipt: 201, readback: 200 });
  const state = await must<QuickStartState>(backend, 'getQuickStart', {});
  const order = JSON.parse(results.readback!.body.text ?? '{}') as { category?: { imageId?: string }; receipt?: { orderLines?: unknown[] } };
  expect(order.category?.imageId).toBe(state.order.imageId);
  expect(order.receipt?.orderLines).toHaveLength(3);
  return results;
}
