import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRepairing } from '../../../../../electron/services/storage/damaged-file.js';

/** 2026-12-01T12:30:45.678Z: the stamp in a quarantined name is this with `:` and `.` made `-`. */
const clock = () => Date.UTC(2026, 11, 1, 12, 30, 45, 678);
const STAMP = '2026-12-01T12-30-45-678Z';

let directory: string;
let file: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taper-damaged-'));
  file = join(directory, 'settings.json');
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Opens `file` like a store would: parses it, or starts a fresh empty document when there is none. */
function openJson() {
  return vi.fn(() => {
    if (!existsSync(file)) {
      writeFileSync(file, '{}');
      return {};
    }
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  });
}

describe('openRepairing', () => {
  it('opens a good file once and leaves it where it is', async () => {
    writeFileSync(file, '{"profiles":{}}');
    const open = openJson();
    expect(openRepairing(file, open, { clock })).toEqual({ value: { profiles: {} }, damaged: null });
    expect(open).toHaveBeenCalledOnce();
    expect(await readdir(directory)).toEqual(['settings.json']);
    expect(readFileSync(file, 'utf8')).toBe('{"profiles":{}}');
  });

  it('moves a file that cannot be opened aside, bytes intact, and opens a fresh one', async () => {
    writeFileSync(file, '{"profiles": <half written');
    const open = openJson();
    const { value, damaged } = openRepairing(file, open, { clock });
    const movedTo = join(directory, `settings.corrupt-${STAMP}.json`);
    expect(value).toEqual({});
    expect(open).toHaveBeenCalledTimes(2);
    expect(damaged).toEqual({ file, movedTo, reason: expect.stringMatching(/JSON/) });
    expect(readFileSync(movedTo, 'utf8')).toBe('{"profiles": <half written');
    expect(readFileSync(file, 'utf8')).toBe('{}');
    expect((await readdir(directory)).sort()).toEqual([`settings.corrupt-${STAMP}.json`, 'settings.json']);
  });

  it('gives two damaged copies of the same millisecond distinct names', () => {
    writeFileSync(file, 'first damage');
    const first = openRepairing(file, openJson(), { clock }).damaged;
    writeFileSync(file, 'second damage');
    const second = openRepairing(file, openJson(), { clock }).damaged;
    expect(first?.movedTo).toBe(join(directory, `settings.corrupt-${STAMP}.json`));
    expect(second?.movedTo).toBe(join(directory, `settings.corrupt-${STAMP}-1.json`));
    expect(readFileSync(join(directory, `settings.corrupt-${STAMP}.json`), 'utf8')).toBe('first damage');
    expect(readFileSync(join(directory, `settings.corrupt-${STAMP}-1.json`), 'utf8')).toBe('second damage');
  });

  it('rethrows without renaming anything when the file does not exist (the folder is the problem)', async () => {
    const failure = new Error('EACCES: permission denied');
    const open = vi.fn(() => {
      throw failure;
    });
    expect(() => openRepairing(file, open, { clock })).toThrow(failure);
    expect(open).toHaveBeenCalledOnce();
    expect(await readdir(directory)).toEqual([]);
  });

  it('rethrows when even a fresh file cannot be opened, keeping the damaged copy', () => {
    writeFileSync(file, 'not json');
    const open = vi.fn(() => {
      throw new Error(existsSync(file) ? 'Unexpected token' : 'EROFS: read-only file system');
    });
    expect(() => openRepairing(file, open, { clock })).toThrow('EROFS: read-only file system');
    expect(open).toHaveBeenCalledTimes(2);
    expect(readFileSync(join(directory, `settings.corrupt-${STAMP}.json`), 'utf8')).toBe('not json');
  });
});
