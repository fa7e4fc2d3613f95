/** @vitest-environment jsdom */
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplatesSection } from '../../../../renderer/settings/templates-section.js';
import type { ProfileSummary } from '../../../../shared/ipc/contract.js';
import { ok } from '../../../../shared/result.js';
import { fakeApi } from '../../support/fake-api.js';
import { renderWith } from '../../support/render.js';

afterEach(() => cleanup());

const profile = (patch: Partial<ProfileSummary>): ProfileSummary => ({
  name: 'studio',
  secretIdMasked: 'AKID****MPLE',
  region: 'ap-guangzhou',
  endpoint: null,
  hasToken: false,
  isDefault: true,
  ...patch,
});

function setup(profiles: ProfileSummary[], api = fakeApi()) {
  const onProfilesChanged = vi.fn();
  renderWith(<TemplatesSection profiles={profiles} onProfilesChanged={onProfilesChanged} />, {
    api,
    clock: () => 1_800_000_000_000,
  });
  return { api, onProfilesChanged, user: userEvent.setup() };
}

/** The account's templates, a fresh mock per test. */
const accountTemplates = () =>
  vi.fn(async () =>
    ok([
      { templateId: 7, name: 'mp4-30d', description: 'archive' },
      { templateId: 8, name: 'hls-7d', description: '' },
    ]),
  );

describe('TemplatesSection', () => {
  it('says that without a template the platform records HLS kept forever, and lists the account’s templates', async () => {
    const templates = accountTemplates();
    setup([profile({})], fakeApi({ live: { templates } }));
    expect(screen.getByText(/A task without one records HLS, and VOD keeps those files forever, billed/)).toBeTruthy();
    expect(screen.getByTestId('default-template').textContent).toBe(
      'studio: no default template, so its tasks record HLS kept forever unless one is chosen.',
    );
    expect(await screen.findByText('mp4-30d')).toBeTruthy();
    expect(templates).toHaveBeenCalledWith({ profile: 'studio' });
  });

  it('makes a template the profile’s default, and clears it', async () => {
    const templates = accountTemplates();
    const { api, user, onProfilesChanged } = setup(
      [profile({ defaultTemplateId: 8 })],
      fakeApi({ live: { templates } }),
    );
    expect(screen.getByTestId('default-template').textContent).toBe(
      'studio: tasks use template 8 unless another is chosen.',
    );
    await user.click(await screen.findByRole('button', { name: 'Use by default mp4-30d' }));
    expect(api.profiles.setDefaultTemplate).toHaveBeenCalledWith({ profile: 'studio', templateId: 7 });
    await user.click(screen.getByRole('button', { name: 'No default hls-7d' }));
    expect(api.profiles.setDefaultTemplate).toHaveBeenLastCalledWith({ profile: 'studio', templateId: null });
    expect(onProfilesChanged).toHaveBeenCalledTimes(2);
  });

  it('adds a template with the rules of `taper templates add`, and lists the account again', async () => {
    const templates = accountTemplates();
    const { api, user } = setup([profile({})], fakeApi({ live: { templates } }));
    await screen.findByText('mp4-30d');
    await user.type(screen.getByLabelText('Template name'), 'bad name');
    expect(screen.getByText('Use 1 to 30 letters, digits, _ or -.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add template' })).toHaveProperty('disabled', true);
    await user.clear(screen.getByLabelText('Template name'));
    await user.type(screen.getByLabelText('Template name'), 'flv-90d');
    await user.selectOptions(screen.getByLabelText('Format'), 'flv');
    await user.clear(screen.getByLabelText('Keep files (days)'));
    await user.type(screen.getByLabelText('Keep files (days)'), '90');
    await user.type(screen.getByLabelText('File length (minutes)'), '20');
    expect(screen.getByText('A whole number of minutes from 30 to 120.')).toBeTruthy();
    await user.clear(screen.getByLabelText('File length (minutes)'));
    await user.type(screen.getByLabelText('File length (minutes)'), '60');
    await user.click(screen.getByRole('button', { name: 'Add template' }));
    expect(api.templates.add).toHaveBeenCalledWith({
      template: { name: 'flv-90d', format: 'flv', keepDays: 90, segmentMinutes: 60 },
      profile: 'studio',
    });
    expect(await screen.findByText('Added template 1003 (flv-90d).')).toBeTruthy();
    expect(templates).toHaveBeenCalledTimes(2);
  });
});
