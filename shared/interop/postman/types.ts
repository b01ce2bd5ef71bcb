/**
 * The parts of Postman's Collection v2.0/v2.1, environment and globals formats that we read
 * and write. Everything is optional because files in the wild leave out what they like; the
 * importer checks shapes as it goes and reports what it could not use.
 */

export interface PostmanKeyValue {
  key?: string;
  value?: unknown;
  disabled?: boolean;
  description?: PostmanDescription;
  type?: string;
  src?: unknown;
  contentType?: string;
}

export type PostmanDescription = string | { content?: string; type?: string } | null;

export interface PostmanUrlObject {
  raw?: string;
  protocol?: string;
  host?: string | string[];
  path?: string | Array<string | { value?: string }>;
  port?: string;
  query?: PostmanKeyValue[];
  variable?: PostmanKeyValue[];
  hash?: string;
}

/** v2.1 lists auth parameters as key/value rows; v2.0 as a plain object. */
export type PostmanAuthParams = PostmanKeyValue[] | Record<string, unknown>;

export interface PostmanAuth {
  type?: string;
  [parameters: string]: PostmanAuthParams | string | undefined;
}

export interface PostmanBody {
  mode?: string;
  raw?: string;
  urlencoded?: PostmanKeyValue[];
  formdata?: PostmanKeyValue[];
  file?: { src?: string | null; content?: string };
  graphql?: { query?: string; variables?: string };
  options?: { raw?: { language?: string } };
  disabled?: boolean;
}

export interface PostmanRequestJson {
  url?: string | PostmanUrlObject;
  method?: string;
  header?: PostmanKeyValue[] | string;
  body?: PostmanBody | null;
  auth?: PostmanAuth | null;
  description?: PostmanDescription;
  proxy?: unknown;
  certificate?: unknown;
}

export interface PostmanEvent {
  listen?: string;
  script?: { exec?: string | string[]; type?: string; src?: unknown; id?: string };
  disabled?: boolean;
}

export interface PostmanItem {
  name?: string;
  description?: PostmanDescription;
  request?: PostmanRequestJson | string;
  response?: unknown[];
  event?: PostmanEvent[];
  item?: PostmanItem[];
  auth?: PostmanAuth | null;
  variable?: PostmanKeyValue[];
  protocolProfileBehavior?: Record<string, unknown>;
}

export interface PostmanCollectionJson {
  info?: { name?: string; description?: PostmanDescription; schema?: string; _postman_id?: string; version?: unknown };
  item?: PostmanItem[];
  event?: PostmanEvent[];
  variable?: PostmanKeyValue[];
  auth?: PostmanAuth | null;
}

export interface PostmanEnvironmentJson {
  id?: string;
  name?: string;
  values?: Array<PostmanKeyValue & { enabled?: boolean }>;
  _postman_variable_scope?: string;
}

export const POSTMAN_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
