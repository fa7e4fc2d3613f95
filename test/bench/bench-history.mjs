// The history entries every bench seeds (finished tasks of 400 streams, one every `spacing` seconds back from now),
// and their writing through the real history store, as Taper writes them.
export function benchEntry(index, now, { spacing = 60, status = 'finished' } = {}) {
  const start = now - index * spacing;
  return {
    id: `bench-${index}`,
    taskId: `T${index}`,
    requestId: `R${index}`,
    status,
    domain: 'bench.livepush.example.com',
    app: 'live',
    stream: `stream-${index % 400}`,
    startTime: start,
    endTime: start + 3600,
    templateId: 1,
    streamType: 0,
    profile: 'bench',
    region: 'ap-guangzhou',
    createdAt: start,
    updatedAt: start,
    error: null,
    source: 'taper',
    extension: null,
  };
}

/** Writes `entries` as the whole history of `directory` (one compaction: history.json). */
export async function writeHistory(directory, entries) {
  const { createHistoryStore } = await import(
    new URL('../../dist/electron/services/history/history-store.js', import.meta.url).href
  );
  const seeded = await createHistoryStore({ directory, clock: Date.now }).mutate(() => ({ entries, result: null }));
  if (!seeded.ok) throw new Error(seeded.error.message);
}
