// Who the app is to the OS. On Windows a notification is shown only for an app whose AppUserModelID matches its Start
// menu shortcut, which electron-builder's installer creates with the appId: the two must be one value.
/** electron-builder's `appId` (build/electron-builder.yml; a unit test keeps them equal). */
export const APP_ID = 'com.taper.app';

export interface IdentityApp {
  setAppUserModelId(id: string): void;
}

/** Before any notification: Windows only (the call exists only there). */
export function applyAppIdentity(platform: NodeJS.Platform, app: IdentityApp): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
