import { useCallback, useEffect, useState } from 'react';
import type { SendResult } from '../../../../shared/contract/requests';
import type { SandboxCustomer } from '../../../../shared/contract/sandbox';
import { useExplorer } from '../../api/ExplorerContext';
import { customerText } from '../../sandbox/sandbox-format';
import { PAYMENT_API_INFO, PAYMENT_APIS, type PaymentApi } from '../../../../shared/quickstart/payment-apis';
import type { RequestKey } from '../../../../shared/quickstart/templates';
import { ResponseViewer } from '../../components/response/ResponseViewer';
import { useQuickStartModel } from '../context';
import { RequestPanel } from '../RequestPanel';
import { explainResult } from '../useQuickStart';

export function OrderFacts() {
  const { state } = useQuickStartModel();
  const info = PAYMENT_API_INFO[state.paymentApi];
  return (
    <dl className="qs-facts" data-testid="order-facts">
      <div>
        <dt>{info.idName === 'orderId' ? 'orderId' : `${info.idName} = orderId`}</dt>
        <dd>
          <code data-testid="order-id">{state.order.orderId}</code>
        </dd>
      </div>
      <div>
        <dt>Payment type for Order Management</dt>
        <dd>
          <code>{info.omPaymentType}</code>
        </dd>
      </div>
      <div>
        <dt>imageId</dt>
        <dd>
          <code>{state.order.imageId}</code>
        </dd>
      </div>
      <div>
        <dt>Idempotency-Key</dt>
        <dd>
          <code>{state.order.idempotencyKey}</code>
        </dd>
      </div>
    </dl>
  );
}

/**
 * What the sandbox's simulated customer did with this order's payment or agreement, read back
 * after the payment request: 'unknown' until then or while the sandbox has nothing for the id,
 * null when the customer is set to manual.
 */
function useCustomerAct(id: string | null, api: string, sentId: string | null): SandboxCustomer | null | 'unknown' {
  const explorer = useExplorer();
  const [found, setFound] = useState<SandboxCustomer | null | 'unknown'>('unknown');
  useEffect(() => {
    if (!id || sentId === null) return;
    let live = true;
    void explorer.getSandboxState({}).then((answer) => {
      if (!live || !answer.ok) return;
      const state = answer.value;
      const match = api === 'recurring' ? state.agreements.find((a) => a.initialChargeId === id || a.id === id) : state.payments.find((p) => p.id === id);
      setFound(match ? match.customer : 'unknown');
    });
    return () => {
      live = false;
    };
  }, [explorer, id, api, sentId]);
  return found;
}

function SandboxCustomerCard() {
  const model = useQuickStartModel();
  const { state } = model;
  const key: RequestKey = `approve.${state.paymentApi}`;
  const explain = useCallback((result: SendResult) => explainResult(key, result), [key]);
  const outcome = model.results[key];
  const paid = model.results[`payment.${state.paymentApi}`];
  // Read again after each payment request sent: the customer answers it at once.
  const sentId = paid?.result?.requestId ?? null;
  const id = state.paymentApi === 'recurring' ? state.order.agreementId ?? null : state.order.orderId;
  const customer = useCustomerAct(id, state.paymentApi, sentId);
  const needsAgreement = state.paymentApi === 'recurring' && !state.order.agreementId;
  const manual = customer === null;
  return (
    <section className="qs-card" aria-labelledby="approve-title">
      <h3 id="approve-title">Sandbox: the customer</h3>
      <p>
        In real life the customer approves in the Vipps app. The sandbox has a simulated customer who answers at once, the way its test rules say (a
        magic amount or a test phone number can make them refuse, decline, wait or never answer: see the README). No approve click is needed.
      </p>
      <p role="status" data-testid="customer-act">
        {customer === 'unknown' ? (paid?.result ? 'Looking up what the customer did…' : 'Send the payment request above; the customer answers it.') : `The customer ${customerText(customer)}.`}
      </p>
      {manual && (
        <>
          <p className="qs-hint">The sandbox’s customer is set to manual: approve with the same test shortcut as Vipps’ test environment.</p>
          <button type="button" className="button-secondary" disabled={needsAgreement || model.sendingKey !== null} onClick={() => void model.send(key)}>
            {state.paymentApi === 'recurring' ? 'Accept the agreement (sandbox)' : 'Approve the payment (sandbox)'}
          </button>
        </>
      )}
      {(outcome?.result || outcome?.error) && (
        <ResponseViewer result={outcome.result} error={outcome.error} explain={explain} idPrefix="qs-approve-response" />
      )}
    </section>
  );
}

export function PaymentPage() {
  const model = useQuickStartModel();
  const { state } = model;
  const choose = (api: PaymentApi) => {
    if (api !== state.paymentApi) void model.newOrder(api);
  };
  return (
    <div className="qs-page-body">
      <fieldset className="qs-card">
        <legend>Create the payment with</legend>
        <div className="qs-choice-list">
          {PAYMENT_APIS.map((api) => (
            <label key={api} className="qs-choice">
              <input type="radio" name="payment-api" value={api} checked={state.paymentApi === api} onChange={() => choose(api)} />
              <span className="qs-choice-title">{PAYMENT_API_INFO[api].label}</span>
              <span className="qs-hint">{PAYMENT_API_INFO[api].description}</span>
            </label>
          ))}
        </div>
        <p className="qs-hint">Choosing another API starts a new order, because the ids and the payment type change with it.</p>
      </fieldset>
      <section className="qs-card" aria-labelledby="order-title">
        <div className="qs-request-head">
          <h3 id="order-title">This run’s order</h3>
          <button type="button" className="button-secondary" onClick={() => void model.newOrder()}>
            New order
          </button>
        </div>
        <OrderFacts />
        <p className="qs-hint">
          Order Management does not check that the payment exists: steps 5 to 7 work with these ids even if you skip this request. “New order” picks
          fresh ids, which you need to send order details again (they are write-once).
        </p>
      </section>
      <RequestPanel requestKey={`payment.${state.paymentApi}`} idPrefix="qs-payment" />
      {model.activeProfile?.environment === 'sandbox' && <SandboxCustomerCard />}
    </div>
  );
}
