import type { Variable } from '../../model/collection';
import { ImportProblem } from '../errors';
import { isPlaceholderValue, isSecretName } from '../secrets';
import type { PortableEnvironment } from '../tree';
import { descriptionText } from './request';
import { nameFromFileName, unwrapEnvironment } from './shape';
import type { PostmanEnvironmentJson } from './types';

export interface EnvironmentVariableImport extends Variable {
  /** The name says it holds a key or token, and it has a real value (not a placeholder). */
  looksLikeKey: boolean;
  /** The value is text the file's author left for the user to replace. */
  placeholder: boolean;
}

export interface EnvironmentImport {
  name: string;
  scope: 'environment' | 'globals';
  variables: EnvironmentVariableImport[];
}

/** A Postman environment or globals export. */
export function importPostmanEnvironment(input: unknown, options: { fileName?: string } = {}): EnvironmentImport {
  const json = unwrapEnvironment(input);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ImportProblem('This is not a Postman environment: expected a JSON object with "values".');
  const env = json as PostmanEnvironmentJson;
  if (!Array.isArray(env.values)) throw new ImportProblem('This is not a Postman environment or globals file: the "values" list is missing. Export it from Postman’s Environments view and import that file.');
  const scope = env._postman_variable_scope === 'globals' ? 'globals' : 'environment';
  const variables: EnvironmentVariableImport[] = [];
  for (const row of env.values) {
    if (!row || typeof row.key !== 'string' || row.key === '') continue;
    const value = row.value === undefined || row.value === null ? '' : typeof row.value === 'string' ? row.value : JSON.stringify(row.value);
    const placeholder = isPlaceholderValue(value);
    const secret = row.type === 'secret' || isSecretName(row.key);
    const description = descriptionText(row.description);
    variables.push({
      key: row.key.slice(0, 256),
      value,
      enabled: row.enabled !== false && row.disabled !== true,
      secret,
      looksLikeKey: secret && !placeholder,
      placeholder,
      ...(description ? { description } : {}),
    });
  }
  return { name: (typeof env.name === 'string' ? env.name : '').trim() || nameFromFileName(options.fileName ?? '') || (scope === 'globals' ? 'Globals' : 'Imported environment'), scope, variables };
}

/** An environment file for Postman: secret values are left empty. */
export function exportPostmanEnvironment(environment: PortableEnvironment): PostmanEnvironmentJson {
  return {
    name: environment.name,
    values: environment.variables.map((v) => ({
      key: v.key,
      value: v.secret ? '' : v.value,
      type: v.secret ? 'secret' : 'default',
      enabled: v.enabled,
    })),
    _postman_variable_scope: environment.scope,
  };
}
