// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExplorerApi } from '../../../shared/contract';
import type { SandboxFaults, SandboxLogEntry, SandboxOverview, SandboxState, SandboxWebhooks } from '../../../shared/contract/sandbox';
import { ExplorerProvider } from '../../../renderer/src/api/ExplorerContext';
import { SandboxView } from '../../../renderer/src/sandbox/SandboxView';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const NO_FAULTS: SandboxFaults = { latencyMs: 0, errorRate: 0, errorStatus: 500, failTokenEndpoint: false, perSalesUnit: {}, active: false };
const ORDER_ID = 'vx-order-abc123';
const IMAGE_ID = 'vx-img-abc123';
// The smallest valid PNG signature is enough: the view only wraps it in a data: URL.
const PNG_BASE64 = 'iVBORw0KGgo=';

function overview(faults: SandboxFaults = NO_FAULTS): SandboxOverview {
  return {
    running: true,
    baseUrl: 'http://127.0.0.1:43210',
    startedAt: '2025-03-01T10:00:00.000Z',
    demoKeys: { name: 'Sandbox demo sales unit', msn: '123456', clientId: 'demo-client-id', clientSecret: 'demo-client-secret', subscriptionKey: 'demo-subscription-key' },
    salesUnits: [{ name: 'Sandbox demo sales unit', msn: '123456', demo: true }],
    settings: {
      tokenLifetimeSeconds: 3600,
      badClientCredentialsStatus: 401,
      strictBearerCase: false,
      unknownImageIdStatus: 404,
      checkImageSize: true,
      checkImageHeight: true,
      maxImageBytes: 2 * 1024 * 1024,
      minImageHeight: 167,
      ecomMalformedJsonStatus: 400,
      chargeMinDaysAhead: 1,
      requestLogSize: 500,
      retentionPerSalesUnit: 10_000,
      strictTypes: false,
    },
    faults,
    counts: { images: 1, orders: 1, categories: 1, receipts: 1, payments: 1, agreements: 0, charges: 0, requestsSeen: 6 },
    notices: [],
  };
}

// The view caches thumbnails by upload time for the page's life; each fake gets its own upload.
let uploads = 0;

function contents(uploadedAt = '2025-03-01T10:00:30.000Z'): SandboxState {
  return {
    page: { offset: 0, limit: 100 },
    totals: { orders: 1, images: 1, payments: 1, agreements: 0, charges: 0 },
    orders: [
      {
        msn: '123456',
        paymentType: 'ecom',
        orderId: ORDER_ID,
        category: { category: 'TICKET', orderDetailsUrl: `https://example.com/orders/${ORDER_ID}`, imageId: IMAGE_ID, updatedAt: '2025-03-01T10:01:00.000Z' },
        receipt: {
          source: 'order-management',
          createdAt: '2025-03-01T10:02:00.000Z',
          currency: 'NOK',
          receiptNumber: ORDER_ID,
          lines: [
            { id: 'socks', name: 'Wool socks', totalAmount: 39900, totalAmountExcludingTax: 31920, totalTaxAmount: 7980, quantity: '2', quantityUnit: 'PCS', discount: null, isReturn: false, isShipping: false },
            { id: 'ship', name: 'Home delivery', totalAmount: 4800, totalAmountExcludingTax: 3840, totalTaxAmount: 960, quantity: null, quantityUnit: null, discount: null, isReturn: false, isShipping: true },
          ],
          totals: { totalAmount: 44700, totalAmountExcludingTax: 35760, totalTaxAmount: 8940, totalDiscount: 0, shippingAmount: 4800, tipAmount: 0, returnedLines: 0 },
        },
      },
    ],
    images: [{ msn: '123456', imageId: IMAGE_ID, format: 'png', mime: 'image/png', size: 1234, width: 40, height: 200, createdAt: uploadedAt }],
    payments: [{ api: 'epayment', msn: '123456', id: ORDER_ID, state: 'AUTHORIZED', amount: 44700, currency: 'NOK', captured: 20000, refunded: 0, userFlow: 'WEB_REDIRECT', createdAt: '2025-03-01T10:00:10.000Z', customer: { act: 'approve', why: 'the customer approves at once', decidedAt: '2025-03-01T10:00:10.000Z', actedAt: '2025-03-01T10:00:10.000Z' } }],
    agreements: [],
    charges: [],
  };
}

function logEntry(seq: number, method: string, path: string, status: number, fault: SandboxLogEntry['fault'] = null): SandboxLogEntry {
  return { seq, time: '2025-03-01T10:00:00.000Z', method, path, status, durationMs: 3, api: 'om', msn: '123456', fault, notes: [] };
}

/** A backend in memory that keeps faults, log and contents the way the real one does. */
const WEBHOOKS: SandboxWebhooks = {
  webhooks: [{ id: 'wh-1', msn: '123456', url: 'http://127.0.0.1:3000/hooks', events: ['epayments.payment.captured.v1'], createdAt: '2025-03-01T10:00:00.000Z' }],
  deliveries: [
    {
      id: 'd-1',
      webhookId: 'wh-1',
      msn: '123456',
      url: 'http://127.0.0.1:3000/hooks',
      event: 'epayments.payment.captured.v1',
      reference: ORDER_ID,
      createdAt: '2025-03-01T10:03:00.000Z',
      outcome: 'delivered',
      attempts: [
        { at: '2025-03-01T10:03:00.000Z', status: 500, error: 'The receiver answered 500.', durationMs: 4 },
        { at: '2025-03-01T10:03:01.000Z', status: 200, error: null, durationMs: 3 },
      ],
    },
  ],
};

function fakeSandboxApi(options: { running?: boolean; state?: Partial<SandboxState>; webhooks?: SandboxWebhooks } = {}) {
  const webhooks = options.webhooks ?? WEBHOOKS;
  let faults = NO_FAULTS;
  let clock = { now: '2025-03-01T10:05:00.000Z', nowMs: Date.UTC(2025, 2, 1, 10, 5), frozen: false, offsetMs: 0 };
  let state = { ...contents(new Date(Date.UTC(2025, 2, 1, 10, 0, ++uploads)).toISOString()), ...options.state };
  state = { ...state, totals: { orders: state.orders.length, images: state.images.length, payments: state.payments.length, agreements: state.agreements.length, charges: state.charges.length, ...options.state?.totals } };
  let log = [logEntry(2, 'GET', `/order-management/v2/ecom/${ORDER_ID}`, 503, 'error'), logEntry(1, 'POST', '/accesstoken/get', 200)];
  const calls = {
    resetSandbox: vi.fn(async () => {
      state = { page: { offset: 0, limit: 100 }, totals: { orders: 0, images: 0, payments: 0, agreements: 0, charges: 0 }, orders: [], images: [], payments: [], agreements: [], charges: [] };
      log = [];
      return ok({ reset: true as const });
    }),
    setSandboxFaults: vi.fn(async (update: Partial<SandboxFaults>) => {
      const next = { ...faults, ...update };
      faults = { ...next, active: next.latencyMs > 0 || next.errorRate > 0 || next.failTokenEndpoint };
      return ok(faults);
    }),
    getSandboxLog: vi.fn(async () => ok({ entries: log, requestsSeen: log.length, capacity: 500 })),
    getSandboxImage: vi.fn(async () => ok({ mime: 'image/png', base64: PNG_BASE64 })),
    getSandboxClock: vi.fn(async () => ok(clock)),
    moveSandboxClock: vi.fn(async (input: { action: string; by?: string }) => {
      if (input.action === 'advance' && input.by === 'soon') return { ok: false, error: { code: 'INVALID_INPUT', message: '"soon" is not a duration: use 90s, 15m, 2h, 1d or 1h30m.' } };
      clock = input.action === 'advance' ? { ...clock, offsetMs: clock.offsetMs + 3_600_000 } : { ...clock, frozen: input.action === 'freeze' };
      return ok({ clock, happened: input.action === 'advance' ? ['2025-03-01T11:05:00.000Z payment vx-1 expired'] : [] });
    }),
    triggerSandboxEvent: vi.fn(async ({ event }: { event: string }) => ok({ reference: 'trigger-abc', events: ['epayments.payment.created.v1', event] })),
  };
  const api = {
    getSandboxOverview: async () =>
      options.running === false
        ? ok({ ...overview(), running: false, baseUrl: null, startedAt: null, demoKeys: null, salesUnits: [], settings: null, faults: null })
        : ok(overview(faults)),
    getSandboxState: vi.fn(async ({ offset = 0 }: { offset?: number }) => ok({ ...state, page: { offset, limit: 100 } })),
    getSandboxWebhooks: async () => ok(webhooks),
    ...calls,
  } as unknown as ExplorerApi;
  return { api, calls, addLog: (entry: SandboxLogEntry) => (log = [entry, ...log]) };
}

function renderView(api: ExplorerApi) {
  return render(
    <ExplorerProvider api={api}>
      <SandboxView />
    </ExplorerProvider>,
  );
}

describe('the sandbox view', () => {
  it('shows the base URL, the demo keys and the standalone command, each with its own copy button', async () => {
    renderView(fakeSandboxApi().api);
    expect(await screen.findByTestId('sandbox-base-url')).toHaveProperty('textContent', 'http://127.0.0.1:43210');
    const keys = screen.getByTestId('sandbox-demo-keys');
    for (const value of ['demo-client-id', 'demo-client-secret', 'demo-subscription-key', '123456']) expect(keys.textContent).toContain(value);
    expect(screen.getByText('npm run sandbox -- --port 8787')).toBeTruthy();
    for (const name of ['Copy Base URL', 'Copy client_secret', 'Copy Ocp-Apim-Subscription-Key', 'Copy Run it on its own']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByText('1 hour')).toBeTruthy();
  });

  it('lists the order with its category, receipt lines and total, and a thumbnail fetched from the sandbox', async () => {
    const { api, calls } = fakeSandboxApi();
    renderView(api);
    const order = await screen.findByTestId('sandbox-order');
    expect(order.getAttribute('data-order-id')).toBe(ORDER_ID);
    expect(within(order).getByText('TICKET')).toBeTruthy();
    const lines = within(order).getByTestId('sandbox-receipt-lines');
    expect(lines.textContent).toContain('Wool socks');
    expect(lines.textContent).toContain('Home delivery');
    expect(within(order).getByTestId('sandbox-receipt-total').textContent).toBe('447,00\u00a0kr');
    const thumb = await within(order).findByRole('img', { name: `Image ${IMAGE_ID}` });
    expect(thumb.getAttribute('src')).toBe(`data:image/png;base64,${PNG_BASE64}`);
    expect(calls.getSandboxImage).toHaveBeenCalledWith({ imageId: IMAGE_ID, msn: '123456' });
  });

  it('shows payments and images in their own tabs, reached with the arrow keys', async () => {
    renderView(fakeSandboxApi().api);
    const ordersTab = await screen.findByRole('tab', { name: 'Orders (1)' });
    fireEvent.keyDown(ordersTab, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Payments (1)' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('sandbox-payments').textContent).toContain('AUTHORIZED');
    // What the simulated customer did shows beside the state.
    expect(screen.getByTestId('sandbox-payments').textContent).toMatch(/approved at \d\d:\d\d:\d\d \(the customer approves at once\)/);
    fireEvent.click(screen.getByRole('tab', { name: 'Images (1)' }));
    expect(screen.getByTestId('sandbox-images').textContent).toContain('40 × 200 px');
    fireEvent.click(screen.getByRole('tab', { name: 'Recurring (0)' }));
    expect(screen.getByText(/No agreements yet/)).toBeTruthy();
  });

  it('lists each Recurring agreement with its charges in the Recurring tab', async () => {
    const agreement = { msn: '123456', id: 'agr_Ab12Cd3', status: 'ACTIVE', productName: 'Digital news', pricingType: 'LEGACY', currency: 'NOK', amount: 2500, interval: { unit: 'MONTH', count: 1 }, created: '2025-03-01T10:00:00.000Z', initialChargeId: 'chr-first', customer: null };
    const charge = { msn: '123456', id: 'chr-first', agreementId: 'agr_Ab12Cd3', amount: 2500, currency: 'NOK', description: 'First month', due: '2025-03-01', status: 'CHARGED', type: 'INITIAL', transactionType: 'DIRECT_CAPTURE' };
    renderView(fakeSandboxApi({ state: { agreements: [agreement], charges: [charge] } }).api);
    fireEvent.click(await screen.findByRole('tab', { name: 'Recurring (1)' }));
    const table = screen.getByTestId('sandbox-agreement');
    expect(table.querySelector('caption')?.textContent).toMatch(/agr_Ab12Cd3: Digital news, ACTIVE, legacy pricing 25,00\u00a0kr every month/);
    expect(within(table).getByText('chr-first')).toBeTruthy();
    expect(within(table).getByText('initial, direct capture')).toBeTruthy();
    expect(within(table).getByText('CHARGED')).toBeTruthy();
  });

  it('lists the request log newest first with the status coloured by its class', async () => {
    renderView(fakeSandboxApi().api);
    const log = await screen.findByTestId('sandbox-log');
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([expect.stringContaining(`/order-management/v2/ecom/${ORDER_ID}`), expect.stringContaining('/accesstoken/get')]);
    const statuses = within(log).getAllByTestId('sandbox-log-status');
    expect(statuses.map((s) => [s.textContent, s.className])).toEqual([
      ['503', 'sb-status sb-status-server-error'],
      ['200', 'sb-status sb-status-ok'],
    ]);
    expect(rows[0]!.textContent).toContain('error injected');
  });

  it('refreshes the log every 2 seconds while the toggle is on, and stops when it is switched off', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api, calls, addLog } = fakeSandboxApi();
    renderView(api);
    await screen.findByTestId('sandbox-log');
    addLog(logEntry(3, 'PUT', `/order-management/v2/ecom/categories/${ORDER_ID}`, 200));
    await act(() => vi.advanceTimersByTimeAsync(2_100));
    await waitFor(() => expect(screen.getByTestId('sandbox-log').textContent).toContain('/categories/'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Refresh every 2 seconds' }));
    const before = calls.getSandboxLog.mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(6_000));
    expect(calls.getSandboxLog.mock.calls.length).toBe(before);
  });

  it('resets only after the inline confirmation, and "Keep everything" leaves the sandbox alone', async () => {
    const { api, calls } = fakeSandboxApi();
    renderView(api);
    await screen.findByTestId('sandbox-order');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sandbox…' }));
    const confirm = screen.getByRole('group', { name: 'Confirm reset' });
    expect(document.activeElement?.textContent).toBe('Keep everything');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep everything' }));
    expect(calls.resetSandbox).not.toHaveBeenCalled();
    expect(screen.queryByRole('group', { name: 'Confirm reset' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Reset sandbox…' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Confirm reset' })).getByRole('button', { name: 'Reset sandbox' }));
    await waitFor(() => expect(calls.resetSandbox).toHaveBeenCalledTimes(1));
    expect(await screen.findByText(/No orders yet/)).toBeTruthy();
    expect(await screen.findByText('No requests yet.')).toBeTruthy();
    expect(screen.getByText(/The sandbox was reset/)).toBeTruthy();
  });

  it('shows a banner while faults are on, naming them, and takes it away when they are turned off', async () => {
    const { api, calls } = fakeSandboxApi();
    renderView(api);
    await screen.findByTestId('sandbox-base-url');
    expect(screen.queryByTestId('sandbox-fault-banner')).toBeNull();

    fireEvent.change(screen.getByLabelText('Latency (ms)'), { target: { value: '300' } });
    fireEvent.change(screen.getByLabelText('Error share (%)'), { target: { value: '25' } });
    fireEvent.change(screen.getByLabelText('Error status'), { target: { value: '503' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Token endpoint fails (with the error status)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply faults' }));

    const banner = await screen.findByTestId('sandbox-fault-banner');
    expect(calls.setSandboxFaults).toHaveBeenCalledWith({ latencyMs: 300, errorRate: 0.25, errorStatus: 503, failTokenEndpoint: true });
    expect(banner.textContent).toContain('held back 300 ms');
    expect(banner.textContent).toContain('About 25 % of API calls are answered with 503');
    expect(banner.textContent).toContain('Asking for an access token fails with 503');
    expect(screen.getByText(/^Faults applied/)).toBeTruthy();

    fireEvent.click(within(banner).getByRole('button', { name: 'Turn faults off' }));
    await waitFor(() => expect(screen.queryByTestId('sandbox-fault-banner')).toBeNull());
    expect(calls.setSandboxFaults).toHaveBeenLastCalledWith({ latencyMs: 0, errorRate: 0, failTokenEndpoint: false });
    expect((screen.getByLabelText('Latency (ms)') as HTMLInputElement).value).toBe('0');
    expect(screen.queryByText(/^Faults applied/)).toBeNull();
  });

  it('refuses an error share above 100 % without asking the backend', async () => {
    const { api, calls } = fakeSandboxApi();
    renderView(api);
    await screen.findByTestId('sandbox-base-url');
    fireEvent.change(screen.getByLabelText('Error share (%)'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply faults' }));
    expect(screen.getByRole('alert').textContent).toBe('The error share is a percentage from 0 to 100.');
    expect(screen.getByLabelText('Error share (%)').getAttribute('aria-invalid')).toBe('true');
    expect(calls.setSandboxFaults).not.toHaveBeenCalled();
  });

  it('says plainly when the sandbox is not running, and offers the standalone command', async () => {
    renderView(fakeSandboxApi({ running: false }).api);
    const off = await screen.findByTestId('sandbox-off');
    expect(off.textContent).toContain('not running');
    expect(off.textContent).toContain('npm run sandbox -- --port 8787');
    expect(screen.queryByRole('button', { name: 'Reset sandbox…' })).toBeNull();
    expect(screen.queryByTestId('sandbox-log')).toBeNull();
  });

  it('shows each webhook delivery with its attempts and outcome in the Webhooks tab', async () => {
    renderView(fakeSandboxApi().api);
    fireEvent.click(await screen.findByRole('tab', { name: 'Webhooks (1)' }));
    expect(screen.getByTestId('sandbox-webhooks').textContent).toContain('http://127.0.0.1:3000/hooks');
    const row = within(screen.getByTestId('sandbox-deliveries')).getByText('epayments.payment.captured.v1').closest('tr');
    expect(row?.getAttribute('data-outcome')).toBe('delivered');
    expect(row?.textContent).toContain('500: The receiver answered 500.');
    expect(row?.textContent).toContain('200 in 3 ms');
  });

  it('pages through large contents, asking the backend for the older page', async () => {
    const { api } = fakeSandboxApi({ state: { totals: { orders: 250, images: 1, payments: 1, agreements: 0, charges: 0 } } });
    renderView(api);
    const pager = await screen.findByTestId('sandbox-pager');
    expect(pager.textContent).toContain('Showing items 1 to 100');
    fireEvent.click(within(pager).getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(api.getSandboxState).toHaveBeenLastCalledWith({ offset: 100, limit: 100 }));
    expect((await screen.findByTestId('sandbox-pager')).textContent).toContain('Showing items 101 to 200');
  });

  it('moves the test clock and says what happened, refuses a bad duration with the reason, and triggers an event', async () => {
    const { api, calls } = fakeSandboxApi();
    renderView(api);
    const panel = await screen.findByRole('region', { name: 'Time and events' });
    await waitFor(() => expect(within(panel).getByTestId('sandbox-clock').textContent).toContain('in step with this machine'));
    fireEvent.click(within(panel).getByRole('button', { name: '+1h' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('Moved 1h ahead; 1 thing happened: 2025-03-01T11:05:00.000Z payment vx-1 expired.'));
    expect(calls.moveSandboxClock).toHaveBeenCalledWith({ action: 'advance', by: '1h' });
    expect(within(panel).getByTestId('sandbox-clock').textContent).toContain('1 h 0 min 0 s ahead of this machine');
    fireEvent.change(within(panel).getByLabelText('Advance the clock by'), { target: { value: 'soon' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Advance' }));
    expect((await within(panel).findByRole('alert')).textContent).toContain('is not a duration');
    fireEvent.click(within(panel).getByRole('button', { name: 'Freeze' }));
    await waitFor(() => expect(within(panel).getByTestId('sandbox-clock').textContent).toContain('frozen'));
    fireEvent.change(within(panel).getByLabelText('Trigger an event'), { target: { value: 'epayments.payment.refunded.v1' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Trigger' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toContain('Payment trigger-abc made; sent epayments.payment.created.v1, epayments.payment.refunded.v1'));
    expect(calls.triggerSandboxEvent).toHaveBeenCalledWith({ event: 'epayments.payment.refunded.v1' });
  });
});
