import type { RuleIssue } from '../request/types';

export interface IssueListProps {
  issues: readonly RuleIssue[];
  /** Heading above the list, e.g. "The rules found 2 problems". */
  title: string;
  /** When given, each path is a button that moves to the field. */
  onSelect?(issue: RuleIssue): void;
  id?: string;
}

/** Field-level problems, each with the JSON path it belongs to. */
export function IssueList({ issues, title, onSelect, id }: IssueListProps) {
  if (issues.length === 0) return null;
  return (
    <div className="issue-list" id={id}>
      <p className="issue-list-title">{title}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={`${issue.name}-${i}`} data-path={issue.name}>
            {onSelect ? (
              <button type="button" className="issue-path link-button" onClick={() => onSelect(issue)} title={`Go to ${issue.name} in the body`}>
                <code>{issue.name}</code>
              </button>
            ) : (
              <code className="issue-path">{issue.name}</code>
            )}
            <span className="issue-reason">{issue.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
