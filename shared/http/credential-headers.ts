/**
 * The one list of headers that carry credentials whatever their value. The history's redactor,
 * the engine's redirect scope, collection files and exports all read it, so a header added here
 * is protected everywhere at once. The value is the label a redacted value shows.
 */
export const CREDENTIAL_HEADERS: Readonly<Record<string, string>> = {
  authorization: 'authorization',
  'proxy-authorization': 'proxy_authorization',
  client_id: 'client_id',
  client_secret: 'client_secret',
  'ocp-apim-subscription-key': 'subscription_key',
  cookie: 'cookie',
  'set-cookie': 'cookie',
};

export function isCredentialHeader(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CREDENTIAL_HEADERS, name.toLowerCase());
}

/** The label of a credential header ("subscription_key"), or undefined for an ordinary one. */
export function credentialLabel(name: string): string | undefined {
  const key = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(CREDENTIAL_HEADERS, key) ? CREDENTIAL_HEADERS[key] : undefined;
}
