import type { SalesUnitProfile } from '../profiles/profile-document';
import type { ProfileService } from '../profiles/profile-service';

interface Cached {
  baseUrl: string;
  values: Readonly<Record<string, string>>;
}

const cache = new WeakMap<ProfileService, WeakMap<SalesUnitProfile, Cached>>();

/**
 * A profile's own variables (`{{baseUrl}}`, `{{msn}}`, the Vipps file names), built once per
 * profile instead of twice per request. Safe to keep: the profile store never changes a profile
 * in place (every write parses a new document, so an edited profile is a new object), and the
 * one input from outside the profile, its base URL (the embedded sandbox's port), is compared on
 * every read. The values are frozen, so no caller can change them for the next request.
 */
export function profileVariables(profiles: ProfileService, profile: SalesUnitProfile): Readonly<Record<string, string>> {
  const baseUrl = profiles.baseUrlOf(profile);
  let perService = cache.get(profiles);
  if (!perService) cache.set(profiles, (perService = new WeakMap()));
  const hit = perService.get(profile);
  if (hit && hit.baseUrl === baseUrl) return hit.values;
  const values = Object.freeze(profiles.variablesOf(profile));
  perService.set(profile, { baseUrl, values });
  return values;
}
