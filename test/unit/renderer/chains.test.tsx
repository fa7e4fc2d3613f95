/** @vitest-environment jsdom */
// Recordings beyond one task in the renderer: the form's chain preview and result, the history's recording
// groups with their Stop/Delete, and the alerts banner.
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlertBanner } from '../../../renderer/history/alert-banner.js';
import { HistoryView } from '../../../renderer/history/history-view.js';
import { RecordForm } from '../../../renderer/record/record-form.js';
import { NO_CHOICES } from '../../../shared/history-choices.js';
import type { ChainOutcome, RecordingAlert } from '../../../shared/ipc/contract.js';
import { ok } from '../../../shared/result.js';
import type { PlannedRecording } from '../../../shared/schedule/plans.js';
import { fakeApi, historyEntry } from '../support/fake-api.js';
import { renderWith } from '../support/render.js';

// 2026-11-25 12:00:00 UTC = 20:00 in Asia/Shanghai.
const NOW_MS = 1_795_608_000_000;
const NOW = NOW_MS / 1000;
const DAY = 86_400;
const STREAM = { domainName: '5000.livepush.myqcloud.com', appName: 'live', streamName: 'marathon' };

const realHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeEach(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 560 }));
afterEach(() => {
  cleanup();
  if (realHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', realHeight);
});

async function fillStream(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Push domain'), STREAM.domainName);
  await user.type(screen.getByLabelText('Stream name'), STREAM.streamName);
}

describe('record form beyond one task', () => {
  it('previews a 30 h window as two links in the form zone, sends it as one request and shows one recording', async () => {
    const chain: ChainOutcome = {
      recordingId: 'rec-1',
      stream: STREAM,
      links: [
        {
          index: 0,
          startTime: NOW,
          endTime: NOW + DAY,
          status: 'created',
          taskId: 'TASK-A',
          requestId: 'R-A',
          createAt: null,
          error: null,
        },
        {
          index: 1,
          startTime: NOW + DAY,
          endTime: NOW + 30 * 3600,
          status: 'created',
          taskId: 'TASK-B',
          requestId: 'R-B',
          createAt: null,
          error: null,
        },
      ],
      warnings: [],
    };
    const api = fakeApi({ record: { create: vi.fn(async () => ok(chain)) } });
    const user = userEvent.setup();
    renderWith(<RecordForm choices={NO_CHOICES} timeZone="Asia/Shanghai" showTimeZone="" onSync={vi.fn()} />, {
      api,
      clock: () => NOW_MS,
    });
    await fillStream(user);
    await user.type(screen.getByLabelText('Duration'), '30h');
    const preview = screen.getByTestId('chain-preview');
    expect(preview.textContent).toContain('2 consecutive task(s)');
    const links = within(preview)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(links).toEqual([
      'Link 12026-11-25 20:00:00 UTC+08:00 → 2026-11-26 20:00:00 UTC+08:00created now',
      'Link 22026-11-26 20:00:00 UTC+08:00 → 2026-11-27 02:00:00 UTC+08:00created now',
    ]);
    expect(screen.queryByText(/at most 24 hours/)).toBeNull();
    const submit = screen.getByRole('button', { name: 'Create recording task' });
    expect(submit).toHaveProperty('disabled', false);
    await user.click(submit);
    expect(api.record.create).toHaveBeenCalledWith({ request: { ...STREAM, endTime: NOW + 30 * 3600, streamType: 0 } });
    expect(
      (await screen.findByRole('heading', { name: 'Recording created: 2 linked task(s)' })).textContent,
    ).toBeTruthy();
    expect(screen.getAllByTestId('chain-task-id').map((node) => node.textContent)).toEqual(['TASK-A', 'TASK-B']);
    expect(screen.getByText('Start pushing in 3…')).toBeTruthy();
  });

  it('a start 10 days ahead is accepted and planned: says when Taper will create it', async () => {
    const user = userEvent.setup();
    renderWith(<RecordForm choices={NO_CHOICES} timeZone="Asia/Shanghai" showTimeZone="" onSync={vi.fn()} />, {
      api: fakeApi(),
      clock: () => NOW_MS,
    });
    await fillStream(user);
    await user.type(screen.getByLabelText('From'), '2026-12-05 20:00');
    await user.type(screen.getByLabelText('Duration'), '2h');
    const preview = screen.getByTestId('chain-preview');
    expect(preview.textContent).toContain('1 will be created automatically');
    expect(preview.textContent).toContain('planned — created on 2026-11-29 20:00:00 UTC+08:00');
    expect(screen.queryByText(/at most 6 days/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Create recording task' })).toHaveProperty('disabled', false);
  });

  it('a window one task takes shows no chain', async () => {
    const user = userEvent.setup();
    renderWith(<RecordForm choices={NO_CHOICES} timeZone="Asia/Shanghai" showTimeZone="" onSync={vi.fn()} />, {
      api: fakeApi(),
      clock: () => NOW_MS,
    });
    await fillStream(user);
    await user.type(screen.getByLabelText('Duration'), '24h');
    expect(screen.queryByTestId('chain-preview')).toBeNull();
  });
});

describe('history: a recording is one row', () => {
  const plan = (): PlannedRecording => ({
    recordingId: 'rec-1',
    stream: STREAM,
    startTime: NOW - 3_600,
    endTime: NOW - 3_600 + 30 * 3600,
    templateId: null,
    streamType: 0,
    extension: null,
    profile: null,
    region: null,
    seriesId: null,
    occurrenceDate: null,
    createdAt: NOW - 3_600,
    links: [
      {
        recordingId: 'rec-1',
        index: 0,
        startTime: NOW - 3_600,
        endTime: NOW - 3_600 + DAY,
        status: 'created',
        taskId: 'TASK-A',
        historyId: 'h1',
        error: null,
        updatedAt: NOW,
      },
      {
        recordingId: 'rec-1',
        index: 1,
        startTime: NOW - 3_600 + DAY,
        endTime: NOW - 3_600 + 30 * 3600,
        status: 'created',
        taskId: 'TASK-B',
        historyId: 'h2',
        error: null,
        updatedAt: NOW,
      },
    ],
  });
  const entries = () => [
    historyEntry({
      id: 'h1',
      taskId: 'TASK-A',
      stream: 'marathon',
      status: 'recording',
      startTime: NOW - 3_600,
      endTime: NOW - 3_600 + DAY,
      createdAt: NOW - 3_600,
      recordingId: 'rec-1',
    }),
    historyEntry({
      id: 'h2',
      taskId: 'TASK-B',
      stream: 'marathon',
      status: 'scheduled',
      startTime: NOW - 3_600 + DAY,
      endTime: NOW - 3_600 + 30 * 3600,
      createdAt: NOW - 3_600,
      recordingId: 'rec-1',
    }),
    historyEntry({ id: 'h3', taskId: 'TASK-C', stream: 'news', status: 'finished', createdAt: NOW - 7_200 }),
  ];

  function setup(api = fakeApi()) {
    const onChanged = vi.fn();
    const user = userEvent.setup();
    renderWith(
      <HistoryView
        entries={entries()}
        plans={[plan()]}
        loadError={null}
        timeZone="UTC"
        lastSyncedAt={null}
        syncing={false}
        onSync={vi.fn()}
        onChanged={onChanged}
      />,
      { api, clock: () => NOW_MS },
    );
    return { api, user, onChanged };
  }

  it('shows stream, whole window, status summary and "2 links", and expands to each TaskId', async () => {
    const { user } = setup();
    const rows = [...document.querySelectorAll('.history-row')];
    expect(rows).toHaveLength(2);
    const group = rows[0] as HTMLElement;
    expect(group.getAttribute('data-recording-id')).toBe('rec-1');
    expect(group.textContent).toContain('marathon');
    expect(group.textContent).toContain('2026-11-25 11:00:00 UTC');
    expect(group.textContent).toContain('→ 2026-11-26 17:00:00 UTC');
    expect(group.textContent).toContain('1 recording');
    expect(group.textContent).toContain('1 scheduled');
    expect(screen.getByTestId('history-count').textContent).toBe('3 of 3 attempts');
    expect(document.querySelectorAll('.history-link-row')).toHaveLength(0);
    await user.click(within(group).getByRole('button', { name: 'Show links of marathon (2 links)' }));
    expect(screen.getAllByTestId('link-task-id').map((node) => node.textContent)).toEqual(['TASK-A', 'TASK-B']);
    await user.click(within(group).getByRole('button', { name: 'Hide links of marathon (2 links)' }));
    expect(document.querySelectorAll('.history-link-row')).toHaveLength(0);
  });

  it('Stop on the group stops the recording (every link) after confirmation and reports per link', async () => {
    const api = fakeApi({
      recordings: {
        stop: vi.fn(async () =>
          ok([
            { index: 0, taskId: 'TASK-A', action: 'stopped' as const, error: null },
            {
              index: 1,
              taskId: 'TASK-B',
              action: 'deleted' as const,
              error: { code: 'Taper.Network', message: 'refused' },
            },
          ]),
        ),
      },
    });
    const { user, onChanged } = setup(api);
    await user.click(screen.getByRole('button', { name: 'Stop marathon (2 links)' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('Stop the whole recording of marathon (2 links)?');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes' }));
    expect(api.recordings.stop).toHaveBeenCalledWith({ recordingId: 'rec-1' });
    expect(api.tasks.stop).not.toHaveBeenCalled();
    const report = await screen.findByTestId('recording-report');
    expect([...report.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Link 1 (TASK-A): stopped',
      expect.stringMatching(/^Link 2 \(TASK-B\): could not be deleted: /),
    ]);
    expect(onChanged).toHaveBeenCalled();
  });

  it('a planned recording without tasks yet is listed as planned, with Delete cancelling it', async () => {
    const far: PlannedRecording = {
      ...plan(),
      recordingId: 'rec-far',
      startTime: NOW + 10 * DAY,
      endTime: NOW + 10 * DAY + 3_600,
      links: [
        {
          recordingId: 'rec-far',
          index: 0,
          startTime: NOW + 10 * DAY,
          endTime: NOW + 10 * DAY + 3_600,
          status: 'planned',
          taskId: null,
          historyId: null,
          error: null,
          updatedAt: NOW,
        },
      ],
    };
    const user = userEvent.setup();
    const api = fakeApi();
    renderWith(
      <HistoryView
        entries={[]}
        plans={[far]}
        loadError={null}
        timeZone="UTC"
        lastSyncedAt={null}
        syncing={false}
        onSync={vi.fn()}
        onChanged={vi.fn()}
      />,
      { api, clock: () => NOW_MS },
    );
    const row = document.querySelector('.history-row') as HTMLElement;
    expect(row.textContent).toContain('1 planned');
    await user.click(within(row).getByRole('button', { name: /Show links/ }));
    expect(screen.getByTestId('link-task-id').textContent).toBe('planned — created on 2026-11-29 12:00:00 UTC+00:00');
    await user.click(within(row).getByRole('button', { name: 'Delete marathon (1 link)' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes' }));
    expect(api.recordings.delete).toHaveBeenCalledWith({ recordingId: 'rec-far' });
  });

  it('still virtualises: 20,000 single tasks and a recording render only a window of rows', () => {
    const many = Array.from({ length: 20_000 }, (_, index) =>
      historyEntry({ stream: `s${index}`, createdAt: NOW - 20_000 + index }),
    );
    renderWith(
      <HistoryView
        entries={[...many, ...entries()]}
        plans={[plan()]}
        loadError={null}
        timeZone="UTC"
        lastSyncedAt={null}
        syncing={false}
        onSync={vi.fn()}
        onChanged={vi.fn()}
      />,
      { api: fakeApi(), clock: () => NOW_MS },
    );
    expect(document.querySelectorAll('.history-row').length).toBeLessThan(60);
    expect(screen.getByTestId('history-count').textContent).toBe('20003 of 20003 attempts');
  });
});

describe('alerts banner', () => {
  const alert: RecordingAlert = {
    recordingId: 'rec-9',
    stream: STREAM,
    seriesId: null,
    startTime: NOW - 2 * DAY,
    endTime: NOW - DAY,
    linkCount: 2,
    links: [
      {
        recordingId: 'rec-9',
        index: 1,
        startTime: NOW - 1.5 * DAY,
        endTime: NOW - DAY,
        status: 'missed',
        taskId: null,
        historyId: null,
        error: { code: 'Taper.Schedule.Missed', message: 'Missed: the app was not running.' },
        updatedAt: NOW,
      },
    ],
  };

  it('shows each recording with its missed link, window and reason; acknowledges one or all', async () => {
    const api = fakeApi();
    const onAcknowledged = vi.fn();
    const user = userEvent.setup();
    renderWith(<AlertBanner alerts={[alert]} timeZone="UTC" onAcknowledged={onAcknowledged} />, {
      api,
      clock: () => NOW_MS,
    });
    const banner = screen.getByTestId('alert-banner');
    expect(banner.textContent).toContain('1 recording(s) missed or failed');
    expect(banner.textContent).toContain(
      'missed link 2 of 2: 2026-11-24 00:00:00 UTC+00:00 → 2026-11-24 12:00:00 UTC+00:00',
    );
    expect(banner.textContent).toContain('A planned recording was missed');
    await user.click(screen.getByRole('button', { name: 'Acknowledge marathon' }));
    expect(api.alerts.acknowledge).toHaveBeenCalledWith({ recordingIds: ['rec-9'] });
    await user.click(screen.getByRole('button', { name: 'Acknowledge all' }));
    expect(api.alerts.acknowledge).toHaveBeenLastCalledWith({ all: true });
    expect(onAcknowledged).toHaveBeenCalledTimes(2);
  });

  it('shows nothing without open alerts, and speaks Chinese', () => {
    renderWith(<AlertBanner alerts={[]} timeZone="UTC" onAcknowledged={vi.fn()} />, {
      api: fakeApi(),
      clock: () => NOW_MS,
    });
    expect(screen.queryByTestId('alert-banner')).toBeNull();
    cleanup();
    renderWith(<AlertBanner alerts={[alert]} timeZone="Asia/Shanghai" onAcknowledged={vi.fn()} />, {
      api: fakeApi(),
      clock: () => NOW_MS,
      language: 'zh-CN',
    });
    expect(screen.getByTestId('alert-banner').textContent).toContain('1 个录制已错过或失败');
    expect(screen.getByRole('button', { name: '全部知道了' })).toBeTruthy();
  });
});
