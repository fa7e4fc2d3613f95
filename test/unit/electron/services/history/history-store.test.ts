import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../../shared/history.js';
import { COMPACT_EVERY, createHistoryStore } from '../../../../../electron/services/history/history-store.js';

type NewEntry = Omit<HistoryEntry, 'id' | 'updatedAt'>;

function entry(overrides: Partial<NewEntry> = {}): NewEntry {
  return {
    taskId: null,
    requestId: null,
    status: 'scheduled',
    domain: '5000.livepush.myqcloud.com',
    app: 'live',
    stream: 'show',
    startTime: 1_800_000_000,
    endTime: 1_800_003_600,
    templateId: null,
    streamType: 0,
    profile: 'default',
    region: 'ap-guangzhou',
    createdAt: 1_799_990_000,
    error: null,
    source: 'taper',
    extension: null,
    ...overrides,
  };
}

let directory: string;
let now = 1_799_990_000_000;
const clock = () => now;
let counter = 0;
const newId = () => `id-${++counter}`;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taper-history-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('history store', () => {
  it('appends, updates and lists newest first, across store instances', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    const first = await store.append(entry({ stream: 'a', createdAt: 100 }));
    const second = await store.append(entry({ stream: 'b', createdAt: 200 }));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok) return;
    now += 5000;
    const updated = await store.update(first.value.id, { status: 'recording', taskId: 'T-1' });
    expect(updated).toMatchObject({
      ok: true,
      value: { status: 'recording', taskId: 'T-1', updatedAt: Math.floor(now / 1000) },
    });

    const other = createHistoryStore({ directory, clock, newId });
    const listed = await other.list();
    expect(listed.ok && listed.value.map((e) => e.stream)).toEqual(['b', 'a']);
    expect(await other.findByTaskId('T-1')).toMatchObject({ ok: true, value: { stream: 'a' } });
    expect(await other.findByTaskId('T-404')).toEqual({ ok: true, value: null });
  });

  it('filters by stream (substring, any case), status and window', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    await store.append(entry({ stream: 'Morning-Show', status: 'finished', startTime: 1000, endTime: 2000 }));
    await store.append(entry({ stream: 'evening', status: 'scheduled', startTime: 5000, endTime: 6000 }));
    await store.append(entry({ stream: 'news', status: 'failed', startTime: null, createdAt: 9000, endTime: 9500 }));
    const names = async (filter: Parameters<typeof store.list>[0]) => {
      const listed = await store.list(filter);
      return listed.ok ? listed.value.map((e) => e.stream).sort() : listed.error.code;
    };
    expect(await names({ stream: 'SHOW' })).toEqual(['Morning-Show']);
    expect(await names({ status: 'scheduled' })).toEqual(['evening']);
    expect(await names({ from: 1500, until: 5500 })).toEqual(['Morning-Show', 'evening']);
    expect(await names({ from: 8000 })).toEqual(['news']);
  });

  it('update of an unknown id is TaskNotFound and a duplicate id is refused', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    expect(await store.update('nope', { status: 'failed' })).toMatchObject({
      ok: false,
      error: { code: 'Taper.Task.NotFound' },
    });
    await store.append({ ...entry(), id: 'fixed' });
    expect(await store.append({ ...entry(), id: 'fixed' })).toMatchObject({
      ok: false,
      error: { code: 'Taper.InvalidInput' },
    });
  });

  it('mutate is one read-modify-write and compacts the journal into history.json', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    for (let i = 0; i < 5; i += 1) await store.append(entry({ stream: `s${i}` }));
    const result = await store.mutate((entries) => ({
      entries: entries.filter((e) => e.stream !== 's0').map((e) => ({ ...e, status: 'finished' as const })),
      result: entries.length,
    }));
    expect(result).toEqual({ ok: true, value: 5 });
    const onDisk = JSON.parse(await readFile(join(directory, 'history.json'), 'utf8')) as {
      version: number;
      entries: HistoryEntry[];
    };
    expect(onDisk.version).toBe(1);
    expect(onDisk.entries.map((e) => e.status)).toEqual(['finished', 'finished', 'finished', 'finished']);
    expect((await stat(join(directory, 'history.journal'))).size).toBe(0);
  });

  it('keeps every entry across compactions', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    const total = COMPACT_EVERY + 20;
    for (let i = 0; i < total; i += 1) await store.append(entry({ stream: `s${i}` }));
    const fresh = await createHistoryStore({ directory, clock }).list();
    expect(fresh.ok && fresh.value.length).toBe(total);
    const onDisk = JSON.parse(await readFile(join(directory, 'history.json'), 'utf8')) as { entries: unknown[] };
    expect(onDisk.entries.length).toBeGreaterThanOrEqual(COMPACT_EVERY);
  }, 60_000);

  it('writes history.json with mode 0600', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    await store.append(entry());
    await store.append(entry());
    for (const name of ['history.json', 'history.journal']) {
      expect((await stat(join(directory, name))).mode & 0o777).toBe(0o600);
    }
  });

  it('migrates a version-0 file (a bare array without source/extension)', async () => {
    const { source: _source, extension: _extension, ...legacy } = entry({ stream: 'old' });
    await writeFile(join(directory, 'history.json'), JSON.stringify([{ ...legacy, id: 'legacy-1', updatedAt: 1 }]));
    const store = createHistoryStore({ directory, clock, newId });
    const listed = await store.list();
    expect(listed).toMatchObject({
      ok: true,
      value: [{ id: 'legacy-1', stream: 'old', source: 'taper', extension: null }],
    });
    await store.append(entry({ stream: 'new' }));
    const onDisk = JSON.parse(await readFile(join(directory, 'history.json'), 'utf8')) as { version: number };
    expect(onDisk.version).toBe(1);
  });

  it('refuses to touch a file from a newer Taper', async () => {
    const file = join(directory, 'history.json');
    await writeFile(file, JSON.stringify({ version: 99, seq: 0, entries: [] }));
    const store = createHistoryStore({ directory, clock, newId });
    expect(await store.list()).toMatchObject({ ok: false, error: { code: 'Taper.History.Unavailable' } });
    expect(await store.append(entry())).toMatchObject({ ok: false, error: { code: 'Taper.History.Unavailable' } });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 99, seq: 0, entries: [] });
  });

  it('moves a truncated file aside, reports it, and starts a new file only after the move', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    await store.append(entry({ stream: 'kept' }));
    await store.mutate((entries) => ({ entries, result: null }));
    const file = join(directory, 'history.json');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.slice(0, original.length / 2));

    const listed = await store.list();
    expect(listed).toMatchObject({ ok: false, error: { code: 'Taper.History.Corrupt' } });
    const moved = (await readdir(directory)).filter((name) => name.startsWith('history.corrupt-'));
    expect(moved).toHaveLength(1);
    if (!listed.ok) expect(listed.error.message).toContain(moved[0]);
    expect(await readFile(join(directory, moved[0] as string), 'utf8')).toBe(original.slice(0, original.length / 2));

    const reported: string[] = [];
    const next = createHistoryStore({ directory, clock, newId, onCorrupt: (error) => reported.push(error.code) });
    expect(await next.append(entry({ stream: 'after' }))).toMatchObject({ ok: true });
    const after = await next.list();
    expect(after.ok && after.value.map((e) => e.stream)).toEqual(['after']);
    expect(reported).toEqual([]); // Already moved by list(): nothing left to move.
  });

  it('a write that finds a corrupt file moves it aside, tells onCorrupt, and still saves the entry', async () => {
    await writeFile(join(directory, 'history.json'), '{"version":1,"seq":3,"entries":[{"id":');
    const reported: string[] = [];
    const store = createHistoryStore({ directory, clock, newId, onCorrupt: (error) => reported.push(error.message) });
    expect(await store.append(entry({ stream: 'saved' }))).toMatchObject({ ok: true });
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/history\.corrupt-.*\.json/);
    const listed = await store.list();
    expect(listed.ok && listed.value.map((e) => e.stream)).toEqual(['saved']);
  });

  it('moves a corrupt file and damaged journal lines aside with no onCorrupt listener too (as the CLI runs it)', async () => {
    await writeFile(join(directory, 'history.json'), '{"version":1,"seq":3,"entries":[{"id":');
    const store = createHistoryStore({ directory, clock, newId });
    expect(await store.append(entry({ stream: 'saved' }))).toMatchObject({ ok: true });
    await writeFile(join(directory, 'history.journal'), 'not json\n', { flag: 'a' });
    const listed = await createHistoryStore({ directory, clock }).list();
    expect(listed.ok && listed.value.map((e) => e.stream)).toEqual(['saved']);
    const moved = (await readdir(directory))
      .filter((name) => name.startsWith('history.corrupt-'))
      .map((name) => name.replace(/^.*\./, ''));
    expect(moved.sort()).toEqual(['journal-lines', 'json']);
  });

  it('moves only a damaged journal line aside: the entries before and after it stay, and the journal is whole again', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    await store.append(entry({ stream: 'first', createdAt: 1 }));
    await store.append(entry({ stream: 'before', createdAt: 2 }));
    await store.append(entry({ stream: 'after', createdAt: 3 }));
    // The damage goes between the journal's lines: one line that is not JSON, one that is no record.
    const journal = join(directory, 'history.journal');
    const [beforeLine, afterLine] = (await readFile(journal, 'utf8'))
      .split('\n')
      .filter((line) => line.includes('"before"') || line.includes('"after"'));
    await writeFile(journal, `${beforeLine}\n{"seq":2,"entry":{"id":"x" GARBAGE}\n${afterLine}\n{"seq":4}\n`);
    const reported: string[] = [];
    const reader = createHistoryStore({ directory, clock, newId, onCorrupt: (error) => reported.push(error.message) });
    const listed = await reader.list();
    expect(listed.ok && listed.value.map((e) => e.stream)).toEqual(['after', 'before', 'first']);
    const moved = (await readdir(directory)).filter((name) => name.startsWith('history.corrupt-'));
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(/\.journal-lines$/);
    expect(await readFile(join(directory, moved[0] as string), 'utf8')).toBe(
      '{"seq":2,"entry":{"id":"x" GARBAGE}\n{"seq":4}\n',
    );
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(
      /line \d+ \(not valid JSON\), line \d+ \(no seq or entry\).*moved to .*\.journal-lines; every other entry is kept/,
    );
    // Folded into history.json: the journal holds whole records again, and a fresh reader sees the same history.
    expect((await stat(join(directory, 'history.journal'))).size).toBe(0);
    const again = await createHistoryStore({ directory, clock }).list();
    expect(again.ok && again.value.map((e) => e.stream)).toEqual(['after', 'before', 'first']);
    expect((await readdir(directory)).filter((name) => name.startsWith('history.corrupt-'))).toHaveLength(1);
  });

  it('ignores a torn journal tail (a killed writer) and cuts it off before the next append', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    await store.append(entry({ stream: 'one' }));
    await store.append(entry({ stream: 'two' }));
    await writeFile(join(directory, 'history.journal'), '{"seq":99,"entry":{"id":"torn","str', { flag: 'a' });
    const reader = createHistoryStore({ directory, clock, newId });
    const listed = await reader.list();
    expect(listed.ok && listed.value.map((e) => e.stream).sort()).toEqual(['one', 'two']);
    await reader.append(entry({ stream: 'three' }));
    const again = await createHistoryStore({ directory, clock }).list();
    expect(again.ok && again.value.map((e) => e.stream).sort()).toEqual(['one', 'three', 'two']);
  });

  it('keeps up with another instance: its appends, updates and compactions', async () => {
    const writer = createHistoryStore({ directory, clock, newId });
    const reader = createHistoryStore({ directory, clock, newId });
    const streams = async (store: typeof reader) => {
      const listed = await store.list();
      return listed.ok ? listed.value.map((e) => `${e.stream}:${e.status}`) : listed.error.code;
    };
    const first = await writer.append(entry({ stream: 'a', createdAt: 1 }));
    expect(await streams(reader)).toEqual(['a:scheduled']);
    await writer.append(entry({ stream: 'b', createdAt: 2 })); // A journal line: read as the file's new tail.
    expect(await streams(reader)).toEqual(['b:scheduled', 'a:scheduled']);
    await writer.mutate((entries) => ({
      entries: [...entries, { ...entries[0], id: 'c', stream: 'c', createdAt: 3 } as HistoryEntry],
      result: null,
    }));
    await writer.append(entry({ stream: 'd', createdAt: 4 }));
    expect(await streams(reader)).toEqual(['d:scheduled', 'c:scheduled', 'b:scheduled', 'a:scheduled']);
    if (first.ok) await reader.update(first.value.id, { status: 'finished' });
    expect(await streams(writer)).toEqual(['d:scheduled', 'c:scheduled', 'b:scheduled', 'a:finished']);
  });

  it('never reads a tail of a journal that a compaction was emptying when it last read it', async () => {
    // Same-length lines, so the old read position falls exactly on a line boundary of the new journal: reading from
    // there would silently skip lines instead of failing to parse.
    const writer = createHistoryStore({ directory, clock, newId });
    for (const id of ['e1', 'e2', 'e3']) await writer.append({ ...entry({ stream: id }), id });
    const listed = await writer.list();
    if (!listed.ok) throw new Error(listed.error.message);
    // A compaction half done by another process: the snapshot (seq 3) is renamed in, the journal not emptied yet.
    const folded = listed.value.slice().reverse();
    await writeFile(
      join(directory, 'history.json'),
      `{"version":1,"seq":3,"entries":[\n${folded.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`,
    );
    const reader = createHistoryStore({ directory, clock, newId });
    expect((await reader.list()).ok).toBe(true);
    // The compaction ends (journal emptied), then new lines are appended past the length the reader had read.
    await writeFile(join(directory, 'history.journal'), '');
    for (const id of ['e4', 'e5', 'e6']) await writer.append({ ...entry({ stream: id }), id });
    const after = await reader.list();
    expect(after.ok && after.value.map((e) => e.id).sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });

  it('stays consistent with the files when its own lists and appends interleave', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    await store.append(entry({ stream: 'first' }));
    const calls = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        index % 3 === 0 ? store.append(entry({ stream: `s${index}` })) : store.list(),
      ),
    );
    expect(calls.every((call) => call.ok)).toBe(true);
    const mine = await store.list();
    const fresh = await createHistoryStore({ directory, clock }).list();
    expect(mine.ok && mine.value.length).toBe(9);
    expect(mine.ok && mine.value.map((e) => e.id)).toEqual(fresh.ok && fresh.value.map((e) => e.id));
    // Another append on top: still counted once (a list may have read our line before the append applied it).
    await store.append(entry({ stream: 'last' }));
    const again = await store.list();
    expect(again.ok && again.value.length).toBe(10);
  });

  it('lists one stream newest first, the domain in any case and names trimmed', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    await store.append(entry({ stream: 'show', createdAt: 1 }));
    await store.append(entry({ stream: 'other', createdAt: 2 }));
    await store.append(entry({ stream: 'show', domain: '5000.LIVEPUSH.myqcloud.com', createdAt: 3 }));
    const other = createHistoryStore({ directory, clock, newId });
    await other.append(entry({ stream: 'show', createdAt: 4, status: 'failed' }));
    const listed = await store.listStream?.({
      domainName: '5000.livepush.myqcloud.com ',
      appName: 'live',
      streamName: ' show',
    });
    expect(listed?.ok && listed.value.map((e) => e.createdAt)).toEqual([4, 3, 1]);
  });

  it('returns frozen entries, so a caller cannot change the cache behind the store', async () => {
    const store = createHistoryStore({ directory, clock, newId });
    await store.append(entry());
    const listed = await store.list();
    expect(listed.ok && Object.isFrozen(listed.value[0])).toBe(true);
  });
});
