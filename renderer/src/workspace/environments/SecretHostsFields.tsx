import { Fragment, useId } from 'react';
import type { AllowedHosts, ProfileView, SecretField } from '../../../../shared/contract/profiles';
import type { EnvironmentVariableRow } from './EnvironmentVariablesTable';

/** The extra hosts of each key, as the form edits them: one comma-separated text per key. */
export type KeyHostTexts = Record<SecretField, string>;

const KEY_LABELS: Array<{ field: SecretField; label: string }> = [
  { field: 'client_id', label: 'client_id' },
  { field: 'client_secret', label: 'client_secret' },
  { field: 'subscription_key', label: 'subscription key' },
];

export function keyHostTextsOf(profile: ProfileView): KeyHostTexts {
  const keys = profile.allowedHosts?.keys ?? {};
  return { client_id: (keys.client_id ?? []).join(', '), client_secret: (keys.client_secret ?? []).join(', '), subscription_key: (keys.subscription_key ?? []).join(', ') };
}

/** Hosts split on commas and spaces; the backend puts each in its normal form or says what is wrong with it. */
export function hostList(text: string | undefined): string[] {
  return (text ?? '').split(/[\s,]+/).filter((host) => host !== '');
}

/** What updateProfile gets: every list in full, the secret variables' taken from their rows (so a rename keeps them). */
export function allowedHostsOf(keyHosts: KeyHostTexts, rows: readonly EnvironmentVariableRow[]): AllowedHosts {
  const keys: AllowedHosts['keys'] = {};
  for (const { field } of KEY_LABELS) {
    const hosts = hostList(keyHosts[field]);
    if (hosts.length > 0) keys[field] = hosts;
  }
  const variables: AllowedHosts['variables'] = {};
  for (const row of rows) {
    const hosts = hostList(row.hosts);
    if (row.secret && row.key.trim() !== '' && hosts.length > 0) variables[row.key.trim()] = hosts;
  }
  return { keys, variables };
}

function profileHost(profile: ProfileView): string {
  try {
    return new URL(profile.baseUrl).hostname;
  } catch {
    return 'the profile’s own host';
  }
}

/**
 * Where each secret may be sent besides the profile's own host. A request or script that would
 * carry a secret anywhere else is refused, so a collection from elsewhere cannot post the keys
 * to a server of its choosing.
 */
export function SecretHostsFields(props: {
  profile: ProfileView;
  keyHosts: KeyHostTexts;
  onKeyHostsChange(next: KeyHostTexts): void;
  rows: readonly EnvironmentVariableRow[];
  onRowsChange(rows: EnvironmentVariableRow[]): void;
}) {
  const ids = useId();
  const { profile, keyHosts, rows } = props;
  const own = profileHost(profile);
  const field = (id: string, label: string, value: string, onChange: (value: string) => void) => (
    <Fragment key={id}>
      <label htmlFor={id}>Allowed hosts for {label}</label>
      <input id={id} type="text" spellCheck={false} placeholder="none besides the profile’s host" value={value} onChange={(e) => onChange(e.target.value)} />
    </Fragment>
  );
  const secretRows = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.secret && row.key.trim() !== '');
  return (
    <>
      <h4>Where secrets may be sent</h4>
      <p className="section-hint">
        Keys and secret variables may always go to <code>{own}</code> (on any port). A request or script that would carry one to any other host is not sent. List other hosts a
        secret may go to, separated by commas: <code>api.example.com</code> (any port), <code>localhost:8080</code> (that port only) or <code>*.example.com</code>{' '}
        (its subdomains).
      </p>
      <div className="env-grid">
        {!profile.builtIn && KEY_LABELS.map(({ field: key, label }) => field(`${ids}-${key}`, label, keyHosts[key], (value) => props.onKeyHostsChange({ ...keyHosts, [key]: value })))}
        {secretRows.map(({ row, index }) =>
          field(`${ids}-var-${index}`, row.key.trim(), row.hosts ?? '', (value) => props.onRowsChange(rows.map((r, i) => (i === index ? { ...r, hosts: value } : r)))),
        )}
      </div>
    </>
  );
}
