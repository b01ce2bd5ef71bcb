import { useEffect, useState } from 'react';
import type { ExplorerApi, OrderIdCheck } from '../../../../shared/contract';
import type { ResolvedRequest } from '../../../../shared/contract/requests';
import { orderCallOf, unmatchedOrderIdWarning, type OrderCall } from '../../../../shared/vipps/order-ids';

export interface OrderIdNoticeProps {
  api: ExplorerApi;
  /** The request as it would be sent (variables filled), so `{{orderId}}` is judged by its value. */
  preview: ResolvedRequest | null;
  /** Puts the picked id into the request's URL. */
  onPick(orderId: string): void;
  /** Changes with each answer, since a send can make the payment that was missing. */
  lastAnswer: string | undefined;
}

/**
 * Warns when a category, receipt or read-back is about to go to an orderId that no payment this
 * session, the history or the sandbox knows, and offers the ids that do exist.
 */
export function OrderIdNotice({ api, preview, onPick, lastAnswer }: OrderIdNoticeProps) {
  const call: OrderCall | null = preview ? orderCallOf(preview.method, preview.url) : null;
  const orderId = call?.orderId ?? null;
  const [answer, setAnswer] = useState<{ orderId: string; check: OrderIdCheck } | null>(null);
  useEffect(() => {
    if (!orderId) return;
    let live = true;
    void api.checkOrderId({ orderId }).then((result) => {
      if (live && result.ok) setAnswer({ orderId, check: result.value });
    });
    return () => {
      live = false;
    };
  }, [api, orderId, lastAnswer]);
  if (!call || !answer || answer.orderId !== call.orderId || answer.check.matches.length > 0) return null;
  const recent = answer.check.recent;
  return (
    <div className="field-error" role="alert" aria-label="Order id matches no payment">
      <p>{unmatchedOrderIdWarning(call)}</p>
      {recent.length > 0 && (
        <div role="group" aria-label="Known payment ids">
          <span className="section-hint">Known payments: </span>
          {recent.map((id) => (
            <button key={id} type="button" className="button-quiet" aria-label={`Use order id ${id}`} onClick={() => onPick(id)}>
              {id}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
