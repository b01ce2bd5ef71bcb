import type { ReactNode } from 'react';
import type { HeaderLine } from '../../../../shared/contract/requests';

export interface HeadersViewProps {
  headers: readonly HeaderLine[];
  caption?: string;
  emptyText?: string;
  className?: string;
  /** How a value is drawn, e.g. with «redacted» placeholders marked. */
  renderValue?: (value: string) => ReactNode;
}

/** Headers in order as sent or received (a name may repeat, e.g. Set-Cookie). */
export function HeadersView({
  headers,
  caption = 'Response headers',
  emptyText = 'The response has no headers.',
  className,
  renderValue = (value) => value,
}: HeadersViewProps) {
  if (headers.length === 0) return <p className="raw-body-note">{emptyText}</p>;
  return (
    <table className={className ? `headers-view ${className}` : 'headers-view'}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((header, i) => (
          <tr key={`${header.name}-${i}`}>
            <th scope="row">{header.name}</th>
            <td>
              <code>{renderValue(header.value)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
