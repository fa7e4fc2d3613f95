// History entries for the shell tests.
import type { HistoryEntry } from '../../../shared/history.js';

export const NOW = 1_800_000_000;

export function entry(overrides: Partial<HistoryEntry> & { id: string }): HistoryEntry {
  return {
    taskId: `task-${overrides.id}`,
    requestId: 'req-1',
    status: 'scheduled',
    domain: 'push.example.com',
    app: 'live',
    stream: 'show',
    startTime: NOW + 600,
    endTime: NOW + 4_200,
    templateId: null,
    streamType: 0,
    profile: 'main',
    region: 'ap-guangzhou',
    createdAt: NOW - 60,
    updatedAt: NOW - 60,
    error: null,
    source: 'taper',
    extension: null,
    ...overrides,
  };
}
