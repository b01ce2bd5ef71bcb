import type { ApiRequest, AuthType, RequestAuth } from '../../../../shared/model/request';
import { VariableField } from '../variables/VariableField';

const TYPES: ReadonlyArray<{ type: AuthType; label: string; hint: string }> = [
  { type: 'inherit', label: 'Inherit from parent', hint: 'Uses the folder’s or collection’s auth; when none sets one, the environment’s Vipps auth.' },
  { type: 'vipps', label: 'Vipps (environment keys)', hint: 'The app adds the access token, subscription key, MSN and Vipps-System headers, only to the environment’s own host.' },
  { type: 'none', label: 'No auth', hint: 'Nothing is added.' },
  { type: 'bearer', label: 'Bearer token', hint: 'Sent as Authorization: Bearer …. Write the token as a {{variable}} marked secret, so it stays in the keychain.' },
  { type: 'basic', label: 'Basic auth', hint: 'Sent as Authorization: Basic …. Keep the password in a secret {{variable}}.' },
];

function authOf(type: AuthType, previous: RequestAuth): RequestAuth {
  switch (type) {
    case 'bearer':
      return { type, token: previous.type === 'bearer' ? previous.token : '' };
    case 'basic':
      return previous.type === 'basic' ? previous : { type, username: '', password: '' };
    default:
      return { type };
  }
}

export function AuthPane({ request, onChange, idPrefix }: { request: ApiRequest; onChange(next: ApiRequest): void; idPrefix: string }) {
  const auth = request.auth;
  const set = (next: RequestAuth) => onChange({ ...request, auth: next });
  const current = TYPES.find((t) => t.type === auth.type);
  return (
    <div className="pane">
      <label className="inline-field" htmlFor={`${idPrefix}-auth-type`}>
        Type
      </label>{' '}
      <select id={`${idPrefix}-auth-type`} value={auth.type} onChange={(e) => set(authOf(e.target.value as AuthType, auth))}>
        {TYPES.map((t) => (
          <option key={t.type} value={t.type}>
            {t.label}
          </option>
        ))}
      </select>
      <p className="section-hint">{current?.hint}</p>
      {auth.type === 'bearer' && <VariableField ariaLabel="Bearer token" placeholder="{{accessToken}}" value={auth.token} onChange={(token) => set({ ...auth, token })} />}
      {auth.type === 'basic' && (
        <div className="auth-basic">
          <VariableField ariaLabel="User name" placeholder="User name" value={auth.username} onChange={(username) => set({ ...auth, username })} />
          <VariableField ariaLabel="Password" placeholder="{{password}}" value={auth.password} onChange={(password) => set({ ...auth, password })} />
        </div>
      )}
    </div>
  );
}
