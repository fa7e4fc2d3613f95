// Stream names made outside Taper (in the console, by another tool): Chinese, formula-like (= + - @), a tab, a CR.
// `taper sync` imports them as they are; `taper history` shows them without letting a CR or an escape act on the
// terminal; the CSV export written to a file defuses every formula cell and opens in Excel with the Chinese intact
// (UTF-8 with a BOM), while JSON keeps every name exactly.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../electron/simulator/index.js';
import { useCliSuite } from './cli-suite.js';
import { parseJson, runTaper } from './run-taper.js';

const suite = useCliSuite({ envCredentials: true });
const NAMES = [
  '晚间新闻',
  '=HYPERLINK("http://evil.example","x")',
  '+SUM(1)',
  '-2+3',
  '@cmd',
  '\tindented',
  'line\rbreak',
];

describe('stream names made outside Taper', () => {
  it('are imported by sync, shown safely by history, defused in the CSV file (with a BOM) and exact in JSON', async () => {
    const now = Math.floor(Date.now() / 1000);
    NAMES.forEach((streamName, index) =>
      suite.simulator.tasks.create(
        DEMO_ACCOUNT.secretId,
        {
          domainName: 'push.example.com',
          appName: 'live',
          streamName,
          startTime: now + 3_600 * (index + 1),
          endTime: now + 3_600 * (index + 1) + 600,
          streamType: 0,
          templateId: null,
          extension: null,
        },
        now,
      ),
    );
    const synced = await runTaper(['sync', '--json'], { env: suite.env });
    expect(synced.code, synced.stderr).toBe(0);

    const json = parseJson<{ stream: string }[]>(await runTaper(['history', '--json'], { env: suite.env }));
    expect(json.map((row) => row.stream).sort()).toEqual([...NAMES].sort());

    const text = await runTaper(['history'], { env: suite.env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('push.example.com/live/晚间新闻');
    expect(text.stdout).toContain('push.example.com/live/=HYPERLINK("http://evil.example","x")');
    // A CR or tab is shown escaped, so it cannot overwrite the line or shift the columns.
    expect(text.stdout).toContain('push.example.com/live/line\\rbreak');
    expect(text.stdout).toContain('push.example.com/live/\\tindented');
    expect(text.stdout).not.toMatch(/[\r\t]/);

    const file = join(suite.home, 'history.csv');
    expect((await runTaper(['history', 'export', '--format', 'csv', '--out', file], { env: suite.env })).code).toBe(0);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const header = csv.split('\r\n')[0]?.split(',') ?? [];
    const streamColumn = header.indexOf('stream');
    expect(streamColumn).toBeGreaterThan(-1);
    expect(csv).toContain(',晚间新闻,');
    // Every name that starts like a formula becomes text: a leading apostrophe, inside quotes where RFC 4180 needs them.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const defused of [",'+SUM(1),", ",'-2+3,", ",'@cmd,", ",'\tindented,"]) expect(csv).toContain(defused);
    expect(csv).toContain('"line\rbreak"');
    // No cell of the file starts with a formula character.
    const cells = csv
      .split('\r\n')
      .slice(1)
      .flatMap((row) => row.split(','));
    expect(cells.filter((cell) => /^"?[=+\-@\t\r]/.test(cell))).toEqual([]);

    // stdout stays a plain CSV for scripts: no BOM in front of the header.
    const piped = await runTaper(['history', 'export', '--format', 'csv'], { env: suite.env });
    expect(piped.stdout.startsWith('taskId,')).toBe(true);
  });
});
