/**
 * Turns the raw failure of a keychain call into what the user must do about it. The texts name
 * the packages and the action, because "keychain error" alone leaves people stuck; the raw
 * reason is kept in parentheses for bug reports.
 */
export type KeychainProblem = 'module' | 'no-bus' | 'no-service' | 'locked' | 'no-login-keyring' | 'timeout' | 'other';

const MEMORY_HINT = 'Until then you can keep keys in memory for this run only (they are forgotten when the app quits). The built-in Sandbox profile needs no keys and works without a keychain.';

export function classifyKeychainError(reason: string, env: NodeJS.ProcessEnv = process.env): KeychainProblem {
  const text = reason.toLowerCase();
  if (text.includes('locked')) return 'locked';
  if (text.includes('/collection/login') || text.includes('no such object') || text.includes('object does not exist')) return 'no-login-keyring';
  if (text.includes('org.freedesktop.secrets') || text.includes('serviceunknown') || text.includes('was not provided by any')) return 'no-service';
  if (text.includes('d-bus') || text.includes('dbus') || text.includes('could not connect') || text.includes('autolaunch')) return 'no-bus';
  if (process.platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) return 'no-bus';
  return 'other';
}

export function describeKeychainProblem(problem: KeychainProblem, reason: string): string {
  switch (problem) {
    case 'module':
      return `The OS keychain cannot be used: the keychain module (keytar) did not load (${reason}). Reinstall Vipps Explorer; on Linux install libsecret first: sudo apt-get install libsecret-1-0 gnome-keyring. ${MEMORY_HINT}`;
    case 'no-bus':
      return `The OS keychain cannot be used: there is no D-Bus session bus to reach the Secret Service (${reason}). Start Vipps Explorer from a desktop session, or install a keyring and log in again: sudo apt-get install dbus-user-session gnome-keyring libsecret-1-0. ${MEMORY_HINT}`;
    case 'no-service':
      return `The OS keychain cannot be used: no Secret Service is running on the D-Bus session bus (${reason}). Install one and log in again: sudo apt-get install gnome-keyring libsecret-1-0 (or turn on Secret Service integration in KeePassXC). ${MEMORY_HINT}`;
    case 'locked':
      return `The OS keychain is locked (${reason}). Unlock your login keyring (in "Passwords and Keys", or by logging out and in again), then choose Check again. ${MEMORY_HINT}`;
    case 'no-login-keyring':
      return `The OS keychain has no unlocked login keyring (${reason}). Create or unlock the "Login" keyring in "Passwords and Keys" (or run gnome-keyring-daemon --unlock), then choose Check again. ${MEMORY_HINT}`;
    case 'timeout':
      return `The OS keychain did not answer in time (${reason}). If it is asking for your password, answer it; otherwise restart your keyring (gnome-keyring-daemon) and choose Check again. ${MEMORY_HINT}`;
    case 'other':
      return `The OS keychain refused the request (${reason}). Check that your keyring is installed and unlocked, then choose Check again. ${MEMORY_HINT}`;
  }
}
