/// <reference types="electron" />

export type PermissionSession = Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/**
 * The explorer needs no camera, microphone, notifications, clipboard-read, geolocation or
 * anything else a web page can ask for, so every request is refused and every check answers
 * "not granted", including for permissions Chromium adds in future versions.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
