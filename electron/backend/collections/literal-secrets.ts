import type { ApiRequest } from '../../../shared/model/request';
import { isCredentialHeader } from '../../../shared/http/credential-headers';
import { fail } from '../failure';

/** A value that is only `{{variables}}` (and spaces or a scheme word) names a secret instead of holding it. */
function onlyVariables(value: string): boolean {
  return value.replace(/\{\{[^}]*\}\}/g, '').replace(/^(Bearer|Basic)\s*/i, '').trim() === '';
}

/**
 * Collection files are meant for git: a token or password typed into one would be shared with
 * everyone who clones it. Such values belong in a secret variable (kept in the keychain) that
 * the request names as `{{name}}`.
 */
export function literalSecretsOf(request: ApiRequest): string[] {
  const found: string[] = [];
  if (request.auth.type === 'bearer' && !onlyVariables(request.auth.token)) found.push('the bearer token');
  if (request.auth.type === 'basic' && request.auth.password !== '' && !onlyVariables(request.auth.password)) found.push('the basic-auth password');
  for (const header of request.headers) {
    if (isCredentialHeader(header.key) && header.value !== '' && !onlyVariables(header.value)) found.push(`the ${header.key} header`);
  }
  return found;
}

export function refuseLiteralSecrets(request: ApiRequest): void {
  const found = literalSecretsOf(request);
  if (found.length > 0) {
    fail(
      'INVALID_INPUT',
      `${found.join(', ')} of "${request.name}" holds a secret value, which would be written into the collection's files. Put it in a secret variable of the collection and write {{variableName}} instead.`,
    );
  }
}
