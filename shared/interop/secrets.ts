/**
 * Which names carry a key or a token. Used to keep such values out of collection files and
 * exports (they become `{{variables}}`), and to offer them to the keychain on an import.
 */
const SECRET_NAME = /(^|[-_ .])(client[-_ ]?secret|secret|password|passwd|token|access[-_ ]?token|api[-_ ]?key|apikey|subscription[-_ ]?key|ocp-apim-subscription-key)($|[-_ .])/i;
const KEY_NAMES = new Set(['client_id', 'clientid', 'client-id', 'client_secret', 'ocp-apim-subscription-key', 'subscription_key', 'subscriptionkey', 'access_token', 'authorization']);

export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  return KEY_NAMES.has(lower) || SECRET_NAME.test(name);
}

/** A value a user typed in place of a real one, e.g. `<Set your client_id>` or `YOUR-CLIENT-ID`. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  // Vipps' files cut some of them short, so an opening "<" is enough.
  return v === '' || v.startsWith('<') || /^YOUR[-_ ]/i.test(v) || /^"?Add .* here"?$/i.test(v);
}

/** The variable a secret header's value becomes in an export, and the text around it. */
export function variableForSecretHeader(name: string): { variable: string; prefix: string } | undefined {
  const lower = name.toLowerCase();
  if (lower === 'authorization') return { variable: 'access_token', prefix: 'Bearer ' };
  if (lower === 'client_id') return { variable: 'client_id', prefix: '' };
  if (lower === 'client_secret') return { variable: 'client_secret', prefix: '' };
  if (lower === 'ocp-apim-subscription-key') return { variable: 'Ocp-Apim-Subscription-Key', prefix: '' };
  if (isSecretName(name)) return { variable: name.replace(/[^A-Za-z0-9_.-]/g, '_'), prefix: '' };
  return undefined;
}
