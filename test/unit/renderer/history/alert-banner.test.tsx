/** @vitest-environment jsdom */
// The alert banner with outcome alerts: a window that recorded nothing names its stream and why ("evening-show:
// nothing was recorded — the stream was never pushed"), a partial one its gaps; each has its Acknowledge button,
// which acknowledges that outcome (by its history id), beside the planned-link alerts. In English and Chinese.
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertBanner } from '../../../../renderer/history/alert-banner.js';
import type { OutcomeAlertView, RecordingAlert } from '../../../../shared/ipc/contract.js';
import { fakeApi } from '../../support/fake-api.js';
import { renderWith } from '../../support/render.js';

// 2026-11-25 12:00:00 UTC.
const NOW_MS = 1_795_608_000_000;
const NOW = NOW_MS / 1000;
const DOMAIN = '5000.livepush.myqcloud.com';

const NOTHING: OutcomeAlertView = {
  kind: 'outcome',
  id: 'entry-1',
  taskId: 'T-1',
  recordingId: null,
  stream: { domainName: DOMAIN, appName: 'live', streamName: 'evening-show' },
  startTime: NOW - 3_600,
  endTime: NOW - 1_800,
  outcome: 'nothing',
  nothingReason: 'never-pushed',
  gaps: [],
  reason: 'No file: the stream was never pushed during the window.',
};

const PARTIAL: OutcomeAlertView = {
  ...NOTHING,
  id: 'entry-2',
  taskId: 'T-2',
  stream: { domainName: DOMAIN, appName: 'live', streamName: 'late-news' },
  outcome: 'partial',
  nothingReason: null,
  gaps: [
    { startTime: NOW - 3_000, endTime: NOW - 2_800, pushed: true },
    { startTime: NOW - 2_500, endTime: NOW - 2_300, pushed: false },
  ],
  reason: '2 gap(s) over 60 s without a file; 1 while the stream was pushed (recording lost).',
};

const MISSED: RecordingAlert = {
  recordingId: 'rec-9',
  stream: { domainName: DOMAIN, appName: 'live', streamName: 'marathon' },
  seriesId: null,
  startTime: NOW - 7_200,
  endTime: NOW - 3_600,
  linkCount: 1,
  links: [
    {
      recordingId: 'rec-9',
      index: 0,
      startTime: NOW - 7_200,
      endTime: NOW - 3_600,
      status: 'missed',
      taskId: null,
      historyId: null,
      error: { code: 'Taper.Schedule.Missed', message: 'Missed: the app was not running.' },
      updatedAt: NOW,
    },
  ],
};

afterEach(cleanup);

describe('alert banner: outcome alerts', () => {
  it('names the stream, its domain and app, the window, the outcome and why; one Acknowledge per alert', async () => {
    const api = fakeApi();
    const onAcknowledged = vi.fn();
    const user = userEvent.setup();
    renderWith(<AlertBanner alerts={[MISSED, NOTHING, PARTIAL]} timeZone="UTC" onAcknowledged={onAcknowledged} />, {
      api,
      clock: () => NOW_MS,
    });
    const banner = screen.getByTestId('alert-banner');
    expect(banner.textContent).toContain('3 alert(s) need attention');
    const nothing = banner.querySelector('[data-outcome-id="entry-1"]');
    expect(nothing?.textContent).toContain('evening-show');
    expect(nothing?.textContent).toContain(`${DOMAIN}/live`);
    expect(nothing?.textContent).toContain('2026-11-25 11:00:00 UTC+00:00 → 2026-11-25 11:30:00 UTC+00:00');
    expect(nothing?.textContent).toContain('nothing recorded');
    expect(nothing?.textContent).toContain('evening-show: nothing was recorded — the stream was never pushed');
    const partial = banner.querySelector('[data-outcome-id="entry-2"]');
    expect(partial?.textContent).toContain(
      'late-news: recorded with gaps — 2 gap(s) without a file, 1 of them while the stream was pushed (recording lost)',
    );
    // The planned-link alert is still there, as before.
    expect(banner.querySelector('[data-recording-id="rec-9"]')?.textContent).toContain('marathon');

    await user.click(screen.getByRole('button', { name: 'Acknowledge evening-show' }));
    expect(api.alerts.acknowledge).toHaveBeenCalledWith({ outcomeIds: ['entry-1'] });
    await user.click(screen.getByRole('button', { name: 'Acknowledge late-news' }));
    expect(api.alerts.acknowledge).toHaveBeenLastCalledWith({ outcomeIds: ['entry-2'] });
    await user.click(screen.getByRole('button', { name: 'Acknowledge marathon' }));
    expect(api.alerts.acknowledge).toHaveBeenLastCalledWith({ recordingIds: ['rec-9'] });
    expect(onAcknowledged).toHaveBeenCalledTimes(3);
  });

  it('tells each reason for nothing, and a partial whose gaps were not pushed', () => {
    const alerts: OutcomeAlertView[] = [
      { ...NOTHING, id: 'n1', nothingReason: 'pushed-too-short' },
      { ...NOTHING, id: 'n2', nothingReason: 'pushed-no-file' },
      { ...NOTHING, id: 'n3', nothingReason: null },
      { ...PARTIAL, id: 'p1', gaps: [{ startTime: NOW - 3_000, endTime: NOW - 2_800, pushed: false }] },
    ];
    renderWith(<AlertBanner alerts={alerts} timeZone="UTC" onAcknowledged={vi.fn()} />, {
      api: fakeApi(),
      clock: () => NOW_MS,
    });
    const text = (id: string) =>
      screen.getByTestId('alert-banner').querySelector(`[data-outcome-id="${id}"]`)?.textContent;
    expect(text('n1')).toContain('— the stream was pushed for less than 10 s, too short to be recorded');
    expect(text('n2')).toContain('— the stream was pushed, but no file was made');
    expect(text('n3')).toContain('— whether the stream was pushed could not be read');
    expect(text('p1')).toContain(
      'late-news: recorded with gaps — 1 gap(s) without a file, while the stream was not pushed',
    );
  });

  it('speaks Chinese', () => {
    renderWith(<AlertBanner alerts={[NOTHING]} timeZone="Asia/Shanghai" onAcknowledged={vi.fn()} />, {
      api: fakeApi(),
      clock: () => NOW_MS,
      language: 'zh-CN',
    });
    const banner = screen.getByTestId('alert-banner');
    expect(banner.textContent).toContain('1 条提醒需要处理');
    expect(banner.textContent).toContain('evening-show：没有录到任何内容 — 该流从未推流');
    expect(banner.textContent).toContain('2026-11-25 19:00:00');
    expect(screen.getByRole('button', { name: '知道了 evening-show' })).toBeTruthy();
  });
});
