import type { Handler, RequestContext } from './context';
import { requireUnit } from './context';
import { problemReply } from './errors';
import { shortId } from './ids';
import { quote } from './text';
import { key } from './state';

/**
 * The one test user of the sandbox. The values are made up and clearly fake; which of them a
 * merchant sees depends on the scopes the payment or agreement asked for.
 */
const TEST_USER = {
  name: 'Ada Testbruker',
  given_name: 'Ada',
  family_name: 'Testbruker',
  email: 'ada.testbruker@example.com',
  email_verified: true,
  phone_number: '4712345678',
  birthdate: '1990-01-31',
  nin: '31019012345',
  address: {
    address_type: 'home',
    country: 'NO',
    formatted: 'Testveien 1\n0150 Oslo\nNO',
    postal_code: '0150',
    region: 'Oslo',
    street_address: 'Testveien 1',
  },
};

const SCOPE_FIELDS: Record<string, Array<keyof typeof TEST_USER>> = {
  name: ['name', 'given_name', 'family_name'],
  email: ['email', 'email_verified'],
  phoneNumber: ['phone_number'],
  birthDate: ['birthdate'],
  address: ['address'],
  nin: ['nin'],
};

/** The user shared their profile: a new `sub` for this sales unit, with the scopes asked for. */
export function grantProfile(ctx: Pick<RequestContext, 'deps'>, msn: string, scope: string): string {
  const sub = shortId('', 8) + '-' + shortId('', 4) + '-' + shortId('', 12);
  ctx.deps.store.put('profiles', key(msn, sub), { msn, sub, scope, createdAt: new Date(ctx.deps.now()).toISOString() });
  return sub;
}

export const getUserinfo: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const sub = ctx.params.sub ?? '';
  const profile = ctx.deps.store.profiles.get(key(unit.msn, sub));
  if (!profile) {
    return problemReply('userinfo', ctx.path, {
      status: 404,
      title: 'No user with this sub.',
      detail: `No user shared a profile with MSN ${unit.msn} under sub ${quote(sub)}. A sub comes from a payment or agreement that asked for profile scopes and was approved.`,
    });
  }
  const body: Record<string, unknown> = { sub: profile.sub };
  for (const scope of profile.scope.split(/\s+/)) {
    for (const field of SCOPE_FIELDS[scope] ?? []) body[field] = TEST_USER[field];
  }
  return { status: 200, body, contentType: 'application/json;charset=UTF-8' };
};
