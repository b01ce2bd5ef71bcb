import type { ResolvedRequest, SendResult } from '../../../shared/contract/requests';
import { Redactor, type KnownSecret } from '../history/redactor';
import type { ProfileService } from '../profiles/profile-service';
import type { SecretValues } from '../vault/secret-vault';
import type { TokenManager } from './token-manager';

const MAX_REMEMBERED_BODIES = 64;

/** A record of secret values as the redactor takes them, each labelled by its name. */
export function asKnownSecrets(values: Record<string, string>): KnownSecret[] {
  return Object.entries(values).map(([label, value]) => ({ label, value }));
}

/**
 * What an answer must be cleaned of before it leaves the backend, and the cleaning: a profile's
 * keys and secret variables, every cached token, and the secrets a caller names (a collection's).
 * Apart from the engine so that sending and redacting can each be read on their own.
 */
export class EngineRedaction {
  readonly #profiles: ProfileService;
  readonly #tokens: TokenManager;
  /** The caller's secrets per large body kept on disk, so its pages are redacted of them too. */
  readonly #bodySecrets = new Map<string, KnownSecret[]>();

  constructor(profiles: ProfileService, tokens: TokenManager) {
    this.#profiles = profiles;
    this.#tokens = tokens;
  }

  /** The profile's secret variables from the keychain; none when it has none or the keychain cannot answer. */
  async secretVariables(profileId: string): Promise<Record<string, string>> {
    return this.#profiles.secretVariablesOf(this.#profiles.get(profileId)).catch(() => ({}));
  }

  redactor(secrets: SecretValues, extra: KnownSecret[] = []): Redactor {
    const known: KnownSecret[] = [...extra, ...Object.entries(secrets).map(([label, value]) => ({ label, value: value! }))];
    for (const token of this.#tokens.values()) known.push({ label: 'access_token', value: token });
    return new Redactor(known);
  }

  rememberBody(responseId: string, known: KnownSecret[]): void {
    this.#bodySecrets.set(responseId, known);
    // Bodies on disk are few and short-lived; the oldest entries go once the list grows.
    for (const id of this.#bodySecrets.keys()) {
      if (this.#bodySecrets.size <= MAX_REMEMBERED_BODIES) break;
      this.#bodySecrets.delete(id);
    }
  }

  /** One page of a large body, cleaned of the active profile's secrets and those its sender named. */
  async page(responseId: string, text: string): Promise<string> {
    const active = this.#profiles.active();
    const secrets = await this.#profiles.secretsOf(active).catch(() => ({}));
    const extra = [...(this.#bodySecrets.get(responseId) ?? []), ...asKnownSecrets(await this.secretVariables(active.id))];
    return this.redactor(secrets, extra).text(text);
  }

  /** An answer the runner got unredacted, made fit for the window: keys, tokens and the given secrets replaced. */
  async result(result: SendResult, profileId: string, extra: KnownSecret[]): Promise<SendResult> {
    const secrets = await this.#profiles.secretsOf(this.#profiles.get(profileId)).catch(() => ({}));
    const redactor = this.redactor(secrets, [...extra, ...asKnownSecrets(await this.secretVariables(profileId))]);
    const body = result.body.kind === 'inline' && result.body.encoding === 'utf8' ? { ...result.body, text: redactor.text(result.body.text) } : result.body;
    return {
      ...result,
      sent: redactSent(result.sent, redactor),
      headers: result.headers.map((h) => ({ name: h.name, value: redactor.byValue(h.value) })),
      body,
      redirects: result.redirects.map((hop) => ({ ...hop, from: redactor.text(hop.from), to: redactor.text(hop.to) })),
    };
  }
}

export function redactSent(sent: ResolvedRequest, redactor: Redactor): ResolvedRequest {
  return {
    ...sent,
    url: redactor.text(sent.url),
    body: redactor.text(sent.body),
    headers: sent.headers.map((h) => (h.secret ? h : { ...h, value: redactor.byValue(h.value) })),
  };
}
