import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../../shared/history.js';
import type { RemoteTask } from '../../../../../shared/live-types.js';
import { reconcile } from '../../../../../electron/services/sync/sync-service.js';
import type { ResolvedProfile } from '../../../../../electron/services/app-services.js';

const NOW = 1_800_000_000;
const profile: ResolvedProfile = {
  profile: 'prod',
  credentials: { secretId: 'AKIDx', secretKey: 'k' },
  region: 'ap-guangzhou',
  endpoint: null,
};

function entry(overrides: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: 'e1',
    taskId: 'T1',
    requestId: 'r1',
    status: 'scheduled',
    domain: 'd.example.com',
    app: 'live',
    stream: 's1',
    startTime: NOW + 600,
    endTime: NOW + 4200,
    templateId: null,
    streamType: 0,
    profile: 'prod',
    region: 'ap-guangzhou',
    createdAt: NOW - 300,
    updatedAt: NOW - 300,
    error: null,
    source: 'taper',
    extension: null,
    ...overrides,
  };
}

function remote(overrides: Partial<RemoteTask>): RemoteTask {
  return {
    taskId: 'T1',
    domainName: 'd.example.com',
    appName: 'live',
    streamName: 's1',
    startTime: NOW + 600,
    endTime: NOW + 4200,
    templateId: null,
    streamType: 0,
    stopped: false,
    extension: null,
    ...overrides,
  };
}

describe('reconcile', () => {
  it('moves a task whose window has begun to recording, and a stopped one to stopped', () => {
    const entries = [entry({ id: 'a', taskId: 'A', startTime: NOW - 60 }), entry({ id: 'b', taskId: 'B' })];
    const result = reconcile(
      entries,
      [remote({ taskId: 'A', startTime: NOW - 60 }), remote({ taskId: 'B', stopped: true })],
      profile,
      NOW,
    );
    expect(result.entries.map((e) => e.status)).toEqual(['recording', 'stopped']);
    expect(result.report.updated).toBe(2);
    expect(result.toImport).toEqual([]);
  });

  it('resolves an unknown attempt to the task that matches its stream and window, exactly once', () => {
    const unknown = entry({ id: 'u', taskId: null, status: 'unknown', createdAt: NOW - 10 });
    const twin = entry({ id: 'u2', taskId: null, status: 'unknown', createdAt: NOW - 10 });
    const result = reconcile([unknown, twin], [remote({ taskId: 'NEW' })], profile, NOW);
    expect(result.entries[0]).toMatchObject({ taskId: 'NEW', status: 'scheduled', error: null });
    // The second identical attempt cannot claim the same task: it stays unknown while young.
    expect(result.entries[1]).toMatchObject({ taskId: null, status: 'unknown' });
    expect(result.report).toMatchObject({ resolved: 1, stillUnknown: 1, imported: 0 });
  });

  it('matches a "now" attempt by creation time, within slack', () => {
    const unknown = entry({
      taskId: null,
      status: 'unknown',
      startTime: null,
      createdAt: NOW - 30,
      endTime: NOW + 1800,
    });
    const result = reconcile(
      [unknown],
      [remote({ taskId: 'N', startTime: NOW - 28, endTime: NOW + 1800 })],
      profile,
      NOW,
    );
    expect(result.entries[0]).toMatchObject({ taskId: 'N', status: 'recording' });
  });

  it('marks an old unknown attempt the platform does not list as failed: it was never created', () => {
    const unknown = entry({ taskId: null, status: 'unknown', createdAt: NOW - 3600 });
    const result = reconcile([unknown], [], profile, NOW);
    expect(result.entries[0]?.status).toBe('failed');
    expect(result.entries[0]?.error?.code).toBe('Taper.UnknownOutcome');
  });

  it('imports tasks created elsewhere and leaves other profiles alone', () => {
    const other = entry({ id: 'o', taskId: 'O', profile: 'staging' });
    const result = reconcile(
      [other],
      [remote({ taskId: 'O', stopped: true }), remote({ taskId: 'CONSOLE' })],
      profile,
      NOW,
    );
    expect(result.entries[0]?.status).toBe('scheduled');
    expect(result.toImport.map((t) => t.taskId)).toEqual(['CONSOLE']);
  });

  it('never resurrects a deleted entry', () => {
    const deleted = entry({ status: 'deleted' });
    expect(reconcile([deleted], [remote({})], profile, NOW).entries[0]?.status).toBe('deleted');
  });
});
