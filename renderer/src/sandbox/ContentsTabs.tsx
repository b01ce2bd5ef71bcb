import { useState } from 'react';
import type { SandboxState } from '../../../shared/contract/sandbox';
import { formatAmount } from '../../../shared/quickstart/order-preview';
import { formatBytes } from '../components/common/format';
import { Tabs, type TabDefinition } from '../components/common/Tabs';
import { ImageThumbnail } from './ImageThumbnail';
import { OrdersPanel } from './OrdersPanel';
import { customerText, formatDateTime } from './sandbox-format';
import { WebhooksPanel } from './WebhooksPanel';
import type { SandboxWebhooks } from '../../../shared/contract/sandbox';

type ContentTab = 'orders' | 'payments' | 'images' | 'recurring' | 'webhooks';

const API_WORDS: Record<string, string> = { epayment: 'ePayment', ecom: 'eCom v2' };

function PaymentsPanel({ payments }: { payments: SandboxState['payments'] }) {
  if (payments.length === 0) return <p className="sb-empty">No payments yet. Create one with the ePayment or eCom API.</p>;
  return (
    <table className="sb-table" data-testid="sandbox-payments">
      <caption className="visually-hidden">Payments, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Reference / order id</th>
          <th scope="col">API</th>
          <th scope="col">State</th>
          <th scope="col" className="sb-num">Amount</th>
          <th scope="col" className="sb-num">Captured</th>
          <th scope="col" className="sb-num">Refunded</th>
          <th scope="col">User flow</th>
          <th scope="col">Customer</th>
          <th scope="col">MSN</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((p) => (
          <tr key={`${p.api}/${p.msn}/${p.id}`}>
            <td><code>{p.id}</code></td>
            <td>{API_WORDS[p.api] ?? p.api}</td>
            <td><span className="sb-state">{p.state}</span></td>
            <td className="sb-num">{formatAmount(p.amount, p.currency)}</td>
            <td className="sb-num">{formatAmount(p.captured, p.currency)}</td>
            <td className="sb-num">{formatAmount(p.refunded, p.currency)}</td>
            <td>{p.userFlow ?? '–'}</td>
            <td>{customerText(p.customer)}</td>
            <td>{p.msn}</td>
            <td>{formatDateTime(p.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImagesPanel({ images }: { images: SandboxState['images'] }) {
  if (images.length === 0) return <p className="sb-empty">No images yet. Upload one to Order Management (step 4 of the quick start).</p>;
  return (
    <ul className="sb-images" data-testid="sandbox-images">
      {images.map((image) => (
        <li key={`${image.msn}/${image.imageId}`} className="sb-image">
          <ImageThumbnail image={image} size="large" />
          <dl className="sb-facts">
            <div><dt>Id</dt><dd><code>{image.imageId}</code></dd></div>
            <div><dt>Type</dt><dd>{image.format.toUpperCase()}, {formatBytes(image.size)}</dd></div>
            <div><dt>Size</dt><dd>{image.width !== null && image.height !== null ? `${image.width} × ${image.height} px` : 'unknown'}</dd></div>
            <div><dt>MSN</dt><dd>{image.msn}</dd></div>
            <div><dt>Uploaded</dt><dd>{formatDateTime(image.createdAt)}</dd></div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function every(interval: { unit: string; count: number }): string {
  const unit = interval.unit.toLowerCase();
  return interval.count === 1 ? `every ${unit}` : `every ${interval.count} ${unit}s`;
}

function RecurringPanel({ agreements, charges }: Pick<SandboxState, 'agreements' | 'charges'>) {
  if (agreements.length === 0) return <p className="sb-empty">No agreements yet. Create one with the Recurring API (the quick start can).</p>;
  return (
    <div className="sb-recurring">
      {agreements.map((a) => {
        const own = charges.filter((c) => c.agreementId === a.id && c.msn === a.msn);
        return (
          <table key={`${a.msn}/${a.id}`} className="sb-table" data-testid="sandbox-agreement">
            <caption>
              Agreement <code>{a.id}</code>: {a.productName}, <span className="sb-state">{a.status}</span>, {a.pricingType.toLowerCase()} pricing
              {a.amount !== null ? ` ${formatAmount(a.amount, a.currency)}` : ''} {every(a.interval)} (MSN {a.msn}, created {formatDateTime(a.created)})
            </caption>
            <thead>
              <tr>
                <th scope="col">Charge</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col" className="sb-num">Amount</th>
                <th scope="col">Due</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {own.length === 0 ? (
                <tr>
                  <td colSpan={6}>No charges yet.</td>
                </tr>
              ) : (
                own.map((c) => (
                  <tr key={c.id}>
                    <td><code>{c.id}</code></td>
                    <td>{c.type.toLowerCase()}, {c.transactionType === 'DIRECT_CAPTURE' ? 'direct capture' : 'reserve, then capture'}</td>
                    <td><span className="sb-state">{c.status}</span></td>
                    <td className="sb-num">{formatAmount(c.amount, c.currency)}</td>
                    <td>{c.due}</td>
                    <td>{c.description}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}

function Pager({ state, onPage }: { state: SandboxState; onPage(offset: number): void }) {
  const { offset, limit } = state.page;
  const largest = Math.max(state.totals.orders, state.totals.images, state.totals.payments, state.totals.agreements);
  if (offset === 0 && largest <= limit) return null;
  return (
    <div className="sb-pager" data-testid="sandbox-pager">
      <span className="sb-hint">
        Showing items {offset + 1} to {offset + limit} of each list, newest first.
      </span>
      <button type="button" className="button-quiet" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        Newer
      </button>
      <button type="button" className="button-quiet" disabled={offset + limit >= largest} onClick={() => onPage(offset + limit)}>
        Older
      </button>
    </div>
  );
}

/** The sandbox's contents, one tab per kind of thing a tester looks for, one page at a time. */
export function ContentsTabs({ state, webhooks, onPage }: { state: SandboxState; webhooks: SandboxWebhooks | null; onPage(offset: number): void }) {
  const [tab, setTab] = useState<ContentTab>('orders');
  const tabs: TabDefinition<ContentTab>[] = [
    { id: 'orders', label: `Orders (${state.totals.orders})` },
    { id: 'payments', label: `Payments (${state.totals.payments})` },
    { id: 'images', label: `Images (${state.totals.images})` },
    { id: 'recurring', label: `Recurring (${state.totals.agreements})` },
    { id: 'webhooks', label: `Webhooks (${webhooks?.deliveries.length ?? 0})` },
  ];
  return (
    <>
      <Tabs<ContentTab> tabs={tabs} selected={tab} onSelect={setTab} label="Sandbox contents" idPrefix="sb-contents">
        {tab === 'orders' && <OrdersPanel orders={state.orders} images={state.images} />}
        {tab === 'payments' && <PaymentsPanel payments={state.payments} />}
        {tab === 'images' && <ImagesPanel images={state.images} />}
        {tab === 'recurring' && <RecurringPanel agreements={state.agreements} charges={state.charges} />}
        {tab === 'webhooks' && (webhooks ? <WebhooksPanel webhooks={webhooks} /> : <p className="sb-empty">The webhook deliveries could not be loaded.</p>)}
      </Tabs>
      {tab !== 'webhooks' && <Pager state={state} onPage={onPage} />}
    </>
  );
}
