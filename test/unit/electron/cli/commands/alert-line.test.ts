import { describe, expect, it } from 'vitest';
import { alertLine, nameAlerts } from '../../../../../electron/cli/commands/alert-line.js';
import { HOUR, link, NOW, recording } from '../../../support/cli-fixtures.js';

const missed = link('rec-1', 0, NOW - 3 * HOUR, NOW - 2 * HOUR, {
  status: 'missed',
  error: { code: 'Taper.Schedule.Missed', message: 'Missed: too late.' },
});

describe('nameAlerts', () => {
  it('adds domain, app and stream from the alert recording and keeps every link field', () => {
    expect(nameAlerts([missed], [recording('rec-1', 'evening-show', [missed])])).toEqual([
      { ...missed, domain: '5000.livepush.myqcloud.com', app: 'live', stream: 'evening-show' },
    ]);
  });

  it('names nothing (null) for an alert whose recording is not in the plans read', () => {
    expect(nameAlerts([missed], [])).toEqual([{ ...missed, domain: null, app: null, stream: null }]);
  });
});

describe('alertLine', () => {
  it('names the stream, app and domain, the link and its window, and how to silence it', () => {
    const [named] = nameAlerts([missed], [recording('rec-1', 'evening-show', [missed])]);
    expect(alertLine(named!)).toBe(
      'ALERT [Taper.Schedule.Missed]: recording rec-1: evening-show (live · 5000.livepush.myqcloud.com) link 1 ' +
        '(2027-01-15 05:00:00 UTC+00:00 → 2027-01-15 06:00:00 UTC+00:00) was missed: Missed: too late. (taper alerts ack rec-1)\n',
    );
  });

  it('without a known stream it still says which recording and link', () => {
    const [unnamed] = nameAlerts([{ ...missed, status: 'failed', error: null }], []);
    expect(alertLine(unnamed!)).toMatch(
      /^ALERT \[failed\]: recording rec-1 link 1 \(.+\) was failed: {2}\(taper alerts ack rec-1\)\n$/,
    );
  });
});
