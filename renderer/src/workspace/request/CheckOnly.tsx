import { useState } from 'react';
import type { ResolvedRequest } from '../../../../shared/contract/requests';
import { checkRequestRules, type RuleCheck } from '../../../../shared/vipps/request-rules';
import { IssueList } from '../../components/common/IssueList';

export interface CheckOnlyProps {
  /** The request as it would be sent (variables filled), so the check sees what Vipps would see. */
  preview: ResolvedRequest | null;
}

/**
 * "Check only": the request against every Vipps rule we know, without sending it; the same
 * check the CLI's --dry-run and the production guard make. Once asked for, the answer follows
 * the request as it is edited (the check is pure and cheap), so it never describes an old text.
 */
export function CheckOnly({ preview }: CheckOnlyProps) {
  const [asked, setAsked] = useState(false);
  const shown: RuleCheck | null = asked && preview ? checkRequestRules({ method: preview.method, url: preview.url, body: preview.body }) : null;
  const run = () => setAsked(true);
  return (
    <div className="check-only">
      <button type="button" className="button-quiet" onClick={run} disabled={!preview}>
        Check only
      </button>
      <div role="status" aria-label="Rule check">
        {shown && shown.issues.length === 0 && (
          <p className="section-hint">
            {shown.operation ? `Every rule for ${shown.operation} passes.` : 'No Vipps rules apply to this call.'} Nothing was sent.
          </p>
        )}
        {shown && shown.issues.length > 0 && (
          <IssueList issues={shown.issues} title={`The rules${shown.operation ? ` for ${shown.operation}` : ''} found ${shown.issues.length === 1 ? 'a problem' : `${shown.issues.length} problems`}; nothing was sent.`} />
        )}
      </div>
    </div>
  );
}
