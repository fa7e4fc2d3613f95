/** @vitest-environment jsdom */
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsView } from '../../../../renderer/settings/settings-view.js';
import type { Settings } from '../../../../shared/ipc/contract.js';
import { err } from '../../../../shared/result.js';
import { fakeApi } from '../../support/fake-api.js';
import { renderWith } from '../../support/render.js';

afterEach(cleanup);

const settings: Settings = {
  language: 'en',
  theme: 'system',
  launchAtLogin: false,
  defaultTimeZone: null,
  showTimeZone: null,
};
const profile = {
  name: 'work',
  secretIdMasked: 'AKID****MPLE',
  region: 'ap-guangzhou',
  endpoint: null,
  hasToken: false,
  isDefault: true,
};

function setup(api = fakeApi()) {
  const onProfilesChanged = vi.fn();
  const onSettingsChanged = vi.fn();
  const user = userEvent.setup();
  renderWith(
    <SettingsView
      profiles={[profile]}
      settings={settings}
      version="0.1.0"
      platform="linux"
      onProfilesChanged={onProfilesChanged}
      onSettingsChanged={onSettingsChanged}
      onStartSandbox={vi.fn()}
    />,
    { api, clock: () => 0 },
  );
  return { api, user, onProfilesChanged, onSettingsChanged };
}

describe('SettingsView', () => {
  it('the SecretKey field is a password field, sent once and cleared after submit', async () => {
    const { user, api, onProfilesChanged } = setup();
    const secret = screen.getByLabelText('SecretKey') as HTMLInputElement;
    expect(secret.type).toBe('password');
    await user.clear(screen.getByLabelText('Profile name'));
    await user.type(screen.getByLabelText('Profile name'), 'studio');
    await user.type(screen.getByLabelText('SecretId'), 'AKIDabc');
    await user.type(secret, 'super-secret-value');
    await user.click(screen.getByRole('button', { name: 'Save keys' }));
    expect(api.profiles.add).toHaveBeenCalledWith({
      name: 'studio',
      secretId: 'AKIDabc',
      secretKey: 'super-secret-value',
      region: 'ap-guangzhou',
    });
    expect(secret.value).toBe('');
    expect(document.body.innerHTML).not.toContain('super-secret-value');
    expect(await screen.findByText('Saved profile studio.')).toBeTruthy();
    expect(onProfilesChanged).toHaveBeenCalled();
  });

  it('clears the SecretKey even when saving fails', async () => {
    const api = fakeApi({ profiles: { add: vi.fn(async () => err('Taper.Keychain.Locked', 'locked')) } });
    const { user } = setup(api);
    const secret = screen.getByLabelText('SecretKey') as HTMLInputElement;
    await user.type(screen.getByLabelText('SecretId'), 'AKIDabc');
    await user.type(secret, 'another-secret');
    await user.click(screen.getByRole('button', { name: 'Save keys' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(secret.value).toBe('');
    expect(document.body.innerHTML).not.toContain('another-secret');
  });

  it('tests a profile and shows the verdict; shows only the masked SecretId', async () => {
    const api = fakeApi({
      profiles: {
        test: vi.fn(async () => ({
          ok: true as const,
          value: { status: 'wrong-key' as const, message: 'The SecretKey does not match.' },
        })),
      },
    });
    const { user } = setup(api);
    expect(screen.getByText('AKID****MPLE')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Test keys' }));
    expect((await screen.findByText('The SecretKey does not match.')).getAttribute('data-status')).toBe('wrong-key');
    expect(api.profiles.test).toHaveBeenCalledWith({ name: 'work' });
  });

  it('changes language, theme and launch at login', async () => {
    const { user, onSettingsChanged } = setup();
    await user.selectOptions(screen.getByLabelText('Language'), 'zh-CN');
    await user.selectOptions(screen.getByLabelText('Theme'), 'dark');
    await user.click(screen.getByLabelText('Start Taper at login'));
    expect(onSettingsChanged.mock.calls).toEqual([
      [{ language: 'zh-CN' }],
      [{ theme: 'dark' }],
      [{ launchAtLogin: true }],
    ]);
  });
});
