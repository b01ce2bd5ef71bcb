/**
 * "The active profile changed", for parts of the app that keep their own copy of the profiles
 * (the quick start) and are not below the switcher. A window event, so they need no import of
 * the workspace frame, and a test host without the frame simply never sends it.
 */
export const PROFILE_SWITCHED = 'vx-profile-switched';

export function announceProfileSwitch(profileId: string): void {
  window.dispatchEvent(new CustomEvent(PROFILE_SWITCHED, { detail: { profileId } }));
}

export function onProfileSwitch(listener: () => void): () => void {
  window.addEventListener(PROFILE_SWITCHED, listener);
  return () => window.removeEventListener(PROFILE_SWITCHED, listener);
}
