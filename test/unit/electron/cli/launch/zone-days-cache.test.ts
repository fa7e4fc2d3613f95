// The zone days a `taper` run learned are kept beside the code cache, under the same trust rules, named after the
// ICU and tz data they came from.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zoneDaysCache, zoneDaysFileName } from '../../../../../electron/cli/launch/zone-days-cache.js';
import { formatUnix, rememberedZoneDays } from '../../../../../shared/time/format-unix.js';

const uid = process.getuid?.();
const posixOnly = it.skipIf(uid === undefined);
const versions = { icu: '78.2', tz: '2025c' };
const folder = () => mkdtempSync(join(tmpdir(), 'taper-zone-days-'));

describe('the zone days cache file', () => {
  it('is named after ICU and its tz data, and not kept when either is unknown', () => {
    expect(zoneDaysFileName(versions)).toBe('zone-days.icu-78.2.tz-2025c.json');
    expect(zoneDaysFileName({ icu: '78/../2', tz: '2025c' })).toBe('zone-days.icu-78_.._2.tz-2025c.json');
    expect(zoneDaysFileName({ tz: '2025c' })).toBeNull();
  });

  posixOnly('stores what a run learned privately, and removes the files of other versions', () => {
    const directory = folder();
    chmodSync(directory, 0o700);
    writeFileSync(join(directory, 'zone-days.icu-74.1.tz-2024a.json'), '{}');
    writeFileSync(join(directory, 'taper-ABC.cjs.v20.history.v8cache'), 'kept');
    formatUnix(1_750_000_000, 'America/New_York');
    zoneDaysCache(directory, versions, uid).save();
    expect(readdirSync(directory).sort()).toEqual([
      'taper-ABC.cjs.v20.history.v8cache',
      'zone-days.icu-78.2.tz-2025c.json',
    ]);
    const stored = JSON.parse(readFileSync(join(directory, 'zone-days.icu-78.2.tz-2025c.json'), 'utf8'));
    expect(stored['en America/New_York']).toEqual(rememberedZoneDays()['en America/New_York']);
  });

  posixOnly('reads nothing from a file others could have written', () => {
    const directory = folder();
    chmodSync(directory, 0o700);
    const file = join(directory, 'zone-days.icu-78.2.tz-2025c.json');
    const day = Math.floor(1_760_000_000 / 86_400);
    writeFileSync(file, JSON.stringify({ 'en Pacific/Auckland': [[day, 0, 'FAKE']] }), { mode: 0o666 });
    chmodSync(file, 0o666);
    zoneDaysCache(directory, versions, uid).recall();
    expect(formatUnix(day * 86_400, 'Pacific/Auckland')).not.toContain('FAKE');
  });

  it('does nothing without a cache folder', () => {
    const cache = zoneDaysCache(null, versions, uid);
    expect(() => {
      cache.recall();
      cache.save();
    }).not.toThrow();
  });
});
