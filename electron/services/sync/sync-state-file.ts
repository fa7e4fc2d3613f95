// When the last sync succeeded, kept beside the history so the app and the CLI show the same "last synced".
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../storage/atomic-write.js';
import type { SyncState } from './sync-service.js';

export function createSyncStateFile(directory: string): SyncState {
  const file = join(directory, 'sync-state.json');
  return {
    async lastSyncedAt() {
      try {
        const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
        const value = (parsed as { lastSyncedAt?: unknown }).lastSyncedAt;
        return typeof value === 'number' ? value : null;
      } catch {
        return null; // Never synced, or unreadable: both mean "unknown" to the user.
      }
    },
    async setLastSyncedAt(unix) {
      await writeFileAtomic(file, JSON.stringify({ lastSyncedAt: unix }));
    },
  };
}
