import type { StepDefinition } from '../../../shared/quickstart/steps';

/** What the step does, its rules with their numbers, and where Vipps documents it. Hidden in compact mode. */
export function StepIntro({ step, compact }: { step: StepDefinition; compact: boolean }) {
  return (
    <details className="qs-intro" open={!compact} data-testid="step-explanation">
      <summary>About this step</summary>
      {step.explanation.map((paragraph) => (
        <p key={paragraph.slice(0, 40)}>{paragraph}</p>
      ))}
      {step.rules.length > 0 && (
        <>
          <h3 className="qs-subheading">Rules that matter</h3>
          <dl className="qs-rules">
            {step.rules.map((rule) => (
              <div key={rule.label}>
                <dt>{rule.label}</dt>
                <dd>{rule.detail}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p className="qs-docs">
        Vipps MobilePay documentation:{' '}
        {step.docs.map((doc, i) => (
          <span key={doc.url}>
            {i > 0 && ' · '}
            <a href={doc.url} target="_blank" rel="noreferrer noopener">
              {doc.label}
            </a>
          </span>
        ))}
      </p>
    </details>
  );
}
