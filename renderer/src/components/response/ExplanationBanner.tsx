import { IssueList } from '../common/IssueList';
import type { RuleIssue } from '../request/types';

export interface ResponseExplanation {
  tone: 'ok' | 'warning' | 'error';
  title: string;
  text: string;
  fieldIssues?: RuleIssue[];
}

export function ExplanationBanner({ explanation, id }: { explanation: ResponseExplanation; id: string }) {
  const issues = explanation.fieldIssues ?? [];
  return (
    <section className={`callout callout-${explanation.tone}`} aria-labelledby={`${id}-title`} data-testid="response-explanation">
      <h3 id={`${id}-title`} className="callout-title">
        {explanation.title}
      </h3>
      {explanation.text && <p>{explanation.text}</p>}
      <IssueList issues={issues} title={issues.length === 1 ? 'The field the server named:' : `The ${issues.length} fields the server named:`} />
    </section>
  );
}
