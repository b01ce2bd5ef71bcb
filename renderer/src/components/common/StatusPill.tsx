import '../components.css';

export type StepStatus = 'not-run' | 'sent' | 'passed' | 'failed';

const WORDS: Record<StepStatus, string> = {
  'not-run': 'Not run',
  sent: 'Sent',
  passed: 'Passed',
  failed: 'Failed',
};

/** A step's state in words and colour; the words carry the meaning, the colour only helps. */
export function StatusPill({ status, title }: { status: StepStatus; title?: string }) {
  return (
    <span className={`status-pill status-pill-${status}`} title={title}>
      {WORDS[status]}
    </span>
  );
}
