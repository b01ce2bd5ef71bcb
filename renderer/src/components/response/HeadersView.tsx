import type { HeaderLine } from '../../../../shared/contract/requests';

/** Response headers as received, in order (a name may repeat, e.g. Set-Cookie). */
export function HeadersView({ headers }: { headers: readonly HeaderLine[] }) {
  if (headers.length === 0) return <p className="raw-body-note">The response has no headers.</p>;
  return (
    <table className="headers-view">
      <caption className="visually-hidden">Response headers</caption>
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
              <code>{header.value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
