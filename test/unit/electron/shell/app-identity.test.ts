import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { APP_ID, applyAppIdentity } from '../../../../electron/shell/app-identity.js';

/** The `appId:` line at the top level of build/electron-builder.yml, unquoted. */
function builderAppId(): string | undefined {
  const yaml = readFileSync(new URL('../../../../build/electron-builder.yml', import.meta.url), 'utf8');
  const value = /^appId:[ \t]*(.+?)[ \t]*(?:#.*)?$/m.exec(yaml)?.[1];
  return value?.replace(/^(['"])(.*)\1$/, '$2');
}

describe('applyAppIdentity', () => {
  it('sets the AppUserModelID on Windows', () => {
    const app = { setAppUserModelId: vi.fn() };
    applyAppIdentity('win32', app);
    expect(app.setAppUserModelId.mock.calls).toEqual([[APP_ID]]);
  });

  it('leaves the other platforms alone (the call exists only on Windows)', () => {
    for (const platform of ['darwin', 'linux', 'freebsd'] as const) {
      const app = { setAppUserModelId: vi.fn() };
      applyAppIdentity(platform, app);
      expect(app.setAppUserModelId, platform).not.toHaveBeenCalled();
    }
  });

  it("is the installer's appId, so the Start menu shortcut and the app name one AppUserModelID", () => {
    expect(builderAppId()).toBeDefined();
    expect(APP_ID).toBe(builderAppId());
  });
});
