/**
 * The shell variables our curl commands use for keys and the token (the quick start's "Copy as
 * curl" uses the same names), and the `{{variables}}` they stand for in a request.
 */
export const SHELL_FOR_VARIABLE: Readonly<Record<string, string>> = {
  access_token: 'VIPPS_ACCESS_TOKEN',
  client_id: 'VIPPS_CLIENT_ID',
  client_secret: 'VIPPS_CLIENT_SECRET',
  'Ocp-Apim-Subscription-Key': 'VIPPS_SUBSCRIPTION_KEY',
};

const VARIABLE_FOR_SHELL: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SHELL_FOR_VARIABLE).map(([v, s]) => [s, v]));

export function variableForShell(name: string): string {
  return VARIABLE_FOR_SHELL[name] ?? name;
}

export function shellForVariable(name: string): string {
  return SHELL_FOR_VARIABLE[name] ?? `VIPPS_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}
