/** @vitest-environment jsdom */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryView } from '../../../../renderer/history/history-view.js';
import type { Language } from '../../../../shared/errors/catalog.js';
import type { HistoryEntry } from '../../../../shared/history.js';
import { err } from '../../../../shared/result.js';
import { fakeApi, historyEntry } from '../../support/fake-api.js';
import { renderWith } from '../../support/render.js';

// 2026-11-25 12:00:00 UTC, 20:00 in Shanghai.
const NOW_MS = 1_795_608_000_000;
const NOW = NOW_MS / 1000;
const START = NOW - 7_200;
const URL_1 = 'https://1500000000.vod2.myqcloud.com/sim/5285890711111111/f0.m3u8';
const URL_2 = 'https://1500000000.vod2.myqcloud.com/sim/5285890722222222/f0.m3u8';

beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 560 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 900 });
});
afterEach(() => cleanup());

function partialEntry(): HistoryEntry {
  return historyEntry({
    stream: 'evening-show',
    status: 'finished',
    startTime: START,
    endTime: NOW - 600,
    createdAt: START - 60,
    outcome: 'partial',
    outcomeDetail: {
      reason: '1 gap(s) over 60 s without a file; 1 while the stream was pushed (recording lost).',
      files: [
        {
          fileId: 'f1',
          url: URL_1,
          startTime: START,
          endTime: START + 1_800,
          durationSeconds: 1_800,
          sizeBytes: 1_234_567_890,
        },
        {
          fileId: 'f2',
          url: URL_2,
          startTime: START + 3_600,
          endTime: NOW - 600,
          durationSeconds: 3_000,
          sizeBytes: 350_000_000,
        },
      ],
      gaps: [{ startTime: START + 1_800, endTime: START + 3_600, pushed: true }],
      pushes: [{ startTime: START, endTime: NOW - 600 }],
      settledAt: NOW,
      acknowledgedAt: null,
    },
  });
}

function setup(entries: HistoryEntry[], api = fakeApi(), language: Language = 'en') {
  renderWith(
    <HistoryView
      entries={entries}
      loadError={null}
      timeZone="Asia/Shanghai"
      lastSyncedAt={null}
      syncing={false}
      onSync={vi.fn()}
      onChanged={vi.fn()}
    />,
    { api, clock: () => NOW_MS, language },
  );
  return { api, user: userEvent.setup() };
}

describe('a settled window expanded in the history', () => {
  it('shows why, each file with its times in the display zone, length and size, and each gap', async () => {
    const { user } = setup([partialEntry()]);
    expect(screen.queryByTestId('outcome-detail')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show files of evening-show: 2 file(s)' }));
    const detail = screen.getByTestId('outcome-detail');
    expect(detail.textContent).toContain(
      '1 gap(s) over 60 s without a file; 1 while the stream was pushed (recording lost).',
    );
    const files = within(detail).getAllByTestId('outcome-file');
    // Asia/Shanghai is UTC+8: the window began 10:00 UTC, 18:00 there.
    expect(files[0]?.textContent).toMatch(/18:00:00 UTC\+08:00 → .*18:30:00 UTC\+08:00.*30 min.*size 1\.2 GB/);
    expect(files[1]?.textContent).toMatch(/19:00:00 UTC\+08:00 → .*19:50:00 UTC\+08:00.*50 min.*size 350 MB/);
    const gap = within(detail).getByTestId('outcome-gap');
    expect(gap.textContent).toMatch(
      /18:30:00 UTC\+08:00 → .*19:00:00 UTC\+08:00 \(30 min\): the stream was pushed then: recording lost/,
    );
    await user.click(screen.getByRole('button', { name: 'Hide files of evening-show: 2 file(s)' }));
    expect(screen.queryByTestId('outcome-detail')).toBeNull();
  });

  it('Open asks main for that file; a refusal shows the catalog error', async () => {
    const open = vi.fn(async () => err('Taper.File.UrlRefused', 'Not an https recording file'));
    const { user, api } = setup([partialEntry()], fakeApi({ files: { open } }));
    await user.click(screen.getByRole('button', { name: 'Show files of evening-show: 2 file(s)' }));
    await user.click(screen.getByRole('button', { name: 'Open file 2 of evening-show' }));
    expect(api.files.open).toHaveBeenCalledWith({ url: URL_2 });
    expect(screen.getByRole('alert').textContent).toContain(
      'This link is not a recording file on Tencent Cloud VOD, so Taper did not open it.',
    );
  });

  it('Copy URL puts the file URL on the clipboard', async () => {
    const { user } = setup([partialEntry()]);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Show files of evening-show: 2 file(s)' }));
    await user.click(screen.getByRole('button', { name: 'Copy URL file 1 of evening-show' }));
    expect(writeText).toHaveBeenCalledWith(URL_1);
    expect(screen.getByRole('button', { name: 'Copy URL file 1 of evening-show' }).textContent).toBe('Copied');
  });

  it('a window that recorded nothing says why in Chinese from the stored pushes', async () => {
    const entry = historyEntry({
      stream: 'empty-show',
      status: 'finished',
      startTime: START,
      endTime: NOW - 600,
      outcome: 'nothing',
      outcomeDetail: {
        reason: 'No file: the stream was never pushed during the window.',
        files: [],
        gaps: [],
        pushes: [],
        settledAt: NOW,
        acknowledgedAt: null,
      },
    });
    const { user } = setup([entry], fakeApi(), 'zh-CN');
    await user.click(screen.getByRole('button', { name: '显示 empty-show 的文件: 详情' }));
    const detail = screen.getByTestId('outcome-detail');
    expect(detail.textContent).toContain('没有文件：时间窗口内从未推流。');
    expect(detail.textContent).toContain('没有文件。');
  });
});
