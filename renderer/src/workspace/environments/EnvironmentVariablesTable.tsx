import type { ProfileView, SecretState, SecretVariableChange } from '../../../../shared/contract/profiles';

/**
 * One row of an environment's variables as the form edits it. A stored secret's value never
 * reaches this window: `stored` says only whether it is set, and `value` is what the user types
 * to replace it (empty keeps it).
 */
export interface EnvironmentVariableRow {
  key: string;
  value: string;
  secret: boolean;
  /** The name it was stored under as a secret, so a rename takes the keychain value along. */
  storedAs?: string;
  stored?: SecretState;
  /** A secret's extra allowed hosts as typed (comma-separated); kept on the row so a rename takes them along. */
  hosts?: string;
}

export function rowsOf(profile: ProfileView): EnvironmentVariableRow[] {
  return [
    ...Object.entries(profile.variables).map(([key, value]) => ({ key, value, secret: false })),
    ...Object.entries(profile.secretVariables).map(([key, stored]) => {
      const hosts = profile.allowedHosts?.variables[key];
      return { key, value: '', secret: true, storedAs: key, stored, ...(hosts?.length ? { hosts: hosts.join(', ') } : {}) };
    }),
  ];
}

/** What updateProfile gets: the plain values, and the full list of secrets (left out means removed). */
export function changesOf(rows: readonly EnvironmentVariableRow[]): { variables: Record<string, string>; secretVariables: SecretVariableChange[] } {
  const variables: Record<string, string> = {};
  const secretVariables: SecretVariableChange[] = [];
  for (const row of rows) {
    const name = row.key.trim();
    if (name === '') continue;
    if (!row.secret) {
      variables[name] = row.value;
      continue;
    }
    if (row.value !== '') secretVariables.push({ name, value: row.value });
    else if (row.storedAs !== undefined) secretVariables.push({ name, ...(row.storedAs !== name ? { previousName: row.storedAs } : {}) });
    else secretVariables.push({ name });
  }
  return { variables, secretVariables };
}

function storedText(stored: SecretState | undefined): string {
  if (!stored?.set) return 'no value stored yet: type one';
  return stored.last4 ? `stored, ends in ${stored.last4}: type to replace` : 'stored: type to replace';
}

/** Name, value and a secret switch per row; a secret's value is write-only, as the keys are. */
export function EnvironmentVariablesTable({ rows, onChange }: { rows: readonly EnvironmentVariableRow[]; onChange(rows: EnvironmentVariableRow[]): void }) {
  const update = (index: number, change: Partial<EnvironmentVariableRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <div className="kv">
      <table className="kv-table" aria-label="Environment variables">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Secret</th>
            <th scope="col" className="kv-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const name = row.key.trim() || `row ${i + 1}`;
            return (
              <tr key={i}>
                <td>
                  <input type="text" className="kv-key" aria-label={`Variable ${i + 1} name`} placeholder="Name" spellCheck={false} value={row.key} onChange={(e) => update(i, { key: e.target.value })} />
                </td>
                <td>
                  <input
                    className="kv-key"
                    aria-label={`Variable ${i + 1} value`}
                    type={row.secret ? 'password' : 'text'}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder={row.secret ? storedText(row.stored) : 'Value'}
                    value={row.value}
                    onChange={(e) => update(i, { value: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Variable ${name} is secret`}
                    checked={row.secret}
                    // A stored secret made plain needs its value typed again: it never comes back from the keychain.
                    onChange={(e) => update(i, { secret: e.target.checked })}
                  />
                </td>
                <td className="kv-actions">
                  <button type="button" className="button-quiet" aria-label={`Remove variable ${name}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button-quiet kv-add" onClick={() => onChange([...rows, { key: '', value: '', secret: false }])}>
        Add variable
      </button>
    </div>
  );
}
