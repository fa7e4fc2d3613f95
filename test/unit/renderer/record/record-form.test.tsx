/** @vitest-environment jsdom */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordForm } from '../../../../renderer/record/record-form.js';
import { historyChoices, NO_CHOICES } from '../../../../shared/history-choices.js';
import type { TaperApi } from '../../../../shared/ipc/contract.js';
import { err } from '../../../../shared/result.js';
import { fakeApi, historyAnswers, historyEntry } from '../../support/fake-api.js';
import { renderWith } from '../../support/render.js';

// 2026-11-25 12:00:00 UTC = 20:00 in Asia/Shanghai.
const NOW_MS = 1_795_608_000_000;
const NOW = NOW_MS / 1000;

afterEach(cleanup);

function setup(
  options: { api?: ReturnType<typeof fakeApi>; history?: ReturnType<typeof historyEntry>[]; clock?: () => number } = {},
) {
  const history = options.history ?? [];
  const api = options.api ?? fakeApi({ history: historyAnswers(history) });
  const onSync = vi.fn();
  const user = userEvent.setup();
  renderWith(
    <RecordForm
      choices={historyChoices(history)}
      timeZone="Asia/Shanghai"
      showTimeZone="Europe/Berlin"
      onSync={onSync}
    />,
    {
      api,
      clock: options.clock ?? (() => NOW_MS),
    },
  );
  return { api, user, onSync };
}

async function fillStream(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Push domain'), '5000.livepush.myqcloud.com');
  await user.type(screen.getByLabelText('Stream name'), 'show');
}

const warningCodes = () =>
  [...document.querySelectorAll('.warning')].map((element) => element.getAttribute('data-code'));

describe('RecordForm', () => {
  it("preselects the account's default template, and another account's when it is picked", async () => {
    const api = fakeApi();
    api.live.templates = vi.fn(async () => ({
      ok: true as const,
      value: [
        { templateId: 7, name: 'MP4 archive', description: '' },
        { templateId: 9, name: 'HLS week', description: '' },
      ],
    }));
    const user = userEvent.setup();
    const summary = (name: string, isDefault: boolean, defaultTemplateId?: number) => ({
      name,
      secretIdMasked: 'AKID****',
      region: 'ap-guangzhou',
      endpoint: null,
      hasToken: false,
      isDefault,
      ...(defaultTemplateId === undefined ? {} : { defaultTemplateId }),
    });
    renderWith(
      <RecordForm
        choices={NO_CHOICES}
        timeZone="Asia/Shanghai"
        showTimeZone=""
        onSync={vi.fn()}
        profiles={[summary('main', true, 7), summary('other', false, 9), summary('plain', false)]}
      />,
      { api, clock: () => NOW_MS },
    );
    const template = () => (screen.getByLabelText('Recording template') as HTMLSelectElement).value;
    await waitFor(() => expect(template()).toBe('7'));
    await user.selectOptions(screen.getByLabelText('Account (profile)'), 'other');
    await waitFor(() => expect(template()).toBe('9'));
    await user.selectOptions(screen.getByLabelText('Account (profile)'), 'plain');
    await waitFor(() => expect(template()).toBe(''));
  });

  it('shows the exact timestamps that will be sent, in both zones', async () => {
    const { user } = setup();
    await fillStream(user);
    await user.type(screen.getByLabelText('From'), '2026-11-25 21:00');
    await user.click(screen.getByRole('button', { name: '2 h' }));
    expect(screen.getByTestId('start-time').textContent).toContain(`StartTime=${NOW + 3600}`);
    expect(screen.getByTestId('start-time').textContent).toContain('2026-11-25 21:00:00 UTC+08:00');
    expect(screen.getByTestId('start-time').textContent).toContain('Europe/Berlin');
    expect(screen.getByTestId('end-time').textContent).toContain(`EndTime=${NOW + 3 * 3600}`);
  });

  it('quick buttons set the length, and "until midnight" ends at the next midnight in the zone', async () => {
    const { user } = setup();
    await fillStream(user);
    await user.click(screen.getByRole('button', { name: '30 min' }));
    expect(screen.getByTestId('end-time').textContent).toContain(`EndTime=${NOW + 1800}`);
    expect(screen.getByTestId('start-time').textContent).toContain('now');
    await user.click(screen.getByRole('button', { name: 'Until midnight' }));
    expect((screen.getByLabelText('Until') as HTMLInputElement).value).toBe('2026-11-26 00:00');
    expect(screen.getByTestId('end-time').textContent).toContain(`EndTime=${NOW + 4 * 3600}`);
  });

  it('shows warnings while typing and removes them when the cause goes away', async () => {
    const existing = historyEntry({ stream: 'show', status: 'scheduled', startTime: NOW, endTime: NOW + 7200 });
    const { user } = setup({ history: [existing] });
    await fillStream(user);
    await user.click(screen.getByRole('button', { name: '1 h' }));
    await waitFor(() => expect(warningCodes()).toEqual(expect.arrayContaining(['PushDelay', 'Overlap', 'NoTemplate'])));
    await screen.findByText('Stream is not live now');
    await user.selectOptions(screen.getByLabelText('Recording template'), '7');
    await user.type(screen.getByLabelText('From'), '+3h');
    expect(warningCodes()).not.toContain('NoTemplate');
    expect(warningCodes()).not.toContain('PushDelay');
    expect(warningCodes()).not.toContain('Overlap');
  });

  it('marks the overlap limit as a strong warning at three overlapping tasks', async () => {
    const history = [1, 2, 3].map(() =>
      historyEntry({ stream: 'show', status: 'scheduled', startTime: NOW, endTime: NOW + 7200 }),
    );
    const { user } = setup({ history });
    await fillStream(user);
    await user.click(screen.getByRole('button', { name: '1 h' }));
    await waitFor(() =>
      expect(document.querySelector('.warning.strong')?.getAttribute('data-code')).toBe('OverlapLimit'),
    );
  });

  it('errors block submit; warnings do not', async () => {
    const { user, api } = setup();
    await user.type(screen.getByLabelText('Push domain'), 'https://bad');
    await user.click(screen.getByRole('button', { name: '1 h' }));
    const submit = screen.getByRole('button', { name: 'Create recording task' });
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('Push domain').getAttribute('aria-invalid')).toBe('true');
    await user.clear(screen.getByLabelText('Push domain'));
    await fillStream(user);
    await user.clear(screen.getByLabelText('Duration'));
    await user.type(screen.getByLabelText('Duration'), '400d');
    expect(screen.getByText(/at most 366 days/)).toBeTruthy();
    expect(submit).toHaveProperty('disabled', true);
    await user.clear(screen.getByLabelText('Duration'));
    await user.type(screen.getByLabelText('Duration'), '2h');
    expect(warningCodes().length).toBeGreaterThan(0);
    expect(submit).toHaveProperty('disabled', false);
    await user.click(submit);
    expect(api.record.create).toHaveBeenCalledWith({
      request: {
        domainName: '5000.livepush.myqcloud.com',
        appName: 'live',
        streamName: 'show',
        endTime: NOW + 7200,
        streamType: 0,
      },
    });
  });

  it('created: shows TaskId and RequestId, then counts down to "safe to start pushing"', async () => {
    let nowMs = NOW_MS;
    const { user } = setup({ clock: () => nowMs });
    await fillStream(user);
    await user.click(screen.getByRole('button', { name: '1 h' }));
    await user.click(screen.getByRole('button', { name: 'Create recording task' }));
    expect(await screen.findByTestId('task-id')).toHaveProperty('textContent', 'task-123');
    expect(screen.getByTestId('request-id').textContent).toBe('req-456');
    expect(screen.getByRole('button', { name: 'Copy TaskId' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Start pushing in 3…');
    nowMs += 1100;
    await screen.findByText('Start pushing in 2…');
    nowMs += 2000;
    await screen.findByText('Safe to start pushing.');
  });

  it('failed: shows the catalog message, the next step and the console link', async () => {
    const api = fakeApi({
      record: { create: vi.fn(async () => err('ResourceUnavailable.InvalidVodStatus', 'VOD not activated', 'req-9')) },
    });
    const { user } = setup({ api });
    await fillStream(user);
    await user.click(screen.getByRole('button', { name: '1 h' }));
    await user.click(screen.getByRole('button', { name: 'Create recording task' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link').getAttribute('href')).toBe('https://console.cloud.tencent.com/vod');
    expect(alert.textContent).toContain('Next step:');
    expect(alert.textContent).toContain('req-9');
    await user.click(screen.getByRole('button', { name: 'Back to the form' }));
    expect((screen.getByLabelText('Stream name') as HTMLInputElement).value).toBe('show');
  });

  it('unknown outcome: says sync will check, and offers to sync now', async () => {
    const api = fakeApi({ record: { create: vi.fn(async () => err('Taper.UnknownOutcome', 'answer lost')) } });
    const { user, onSync } = setup({ api });
    await fillStream(user);
    await user.click(screen.getByRole('button', { name: '1 h' }));
    await user.click(screen.getByRole('button', { name: 'Create recording task' }));
    expect((await screen.findByRole('heading', { name: 'Outcome unknown' })).textContent).toBe('Outcome unknown');
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(onSync).toHaveBeenCalledOnce();
  });

  it('submitting: the button is disabled while the create is under way', async () => {
    type Answer = Awaited<ReturnType<TaperApi['record']['create']>>;
    let answer: (value: Answer) => void = () => undefined;
    const api = fakeApi({ record: { create: vi.fn(() => new Promise<Answer>((resolve) => (answer = resolve))) } });
    const { user } = setup({ api });
    await fillStream(user);
    await user.click(screen.getByRole('button', { name: '1 h' }));
    await user.click(screen.getByRole('button', { name: 'Create recording task' }));
    expect(screen.getByRole('button', { name: 'Creating…' })).toHaveProperty('disabled', true);
    answer(err('Taper.Network', 'refused'));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'The task was not created' })).toBeTruthy());
  });
});
