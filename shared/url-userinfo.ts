/**
 * `https://user:password@host/` carries credentials in the URL itself. HTTP clients turn it
 * into Basic auth unseen, and every place that shows or stores the URL would show or store the
 * password. So profile URLs may not carry it, and wherever a URL is shown or stored its
 * userinfo is replaced by a visible placeholder.
 */
export const USERINFO_PLACEHOLDER = '«redacted:userinfo»';

// The authority ends at the first / ? or #; userinfo is everything up to its last @.
const WITH_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"'<>]*)@/gi;

export function hasUserinfo(url: string): boolean {
  WITH_USERINFO.lastIndex = 0;
  const found = WITH_USERINFO.test(url);
  WITH_USERINFO.lastIndex = 0;
  return found;
}

/** Every URL in `text` with its userinfo replaced by the placeholder. */
export function redactUserinfo(text: string): string {
  return text.replace(WITH_USERINFO, (_whole, scheme: string) => `${scheme}${USERINFO_PLACEHOLDER}@`);
}

export const USERINFO_REFUSED =
  'The URL carries a user name or password (user:password@host). They would be sent as Basic auth and kept in plain text, so they are not accepted: remove them from the URL. Keys belong in the profile’s key fields (stored in the OS keychain), or in an Authorization header.';
