// The scheduler's answers as the renderer sees them (shared/ipc/types.ts): rebuilt field by field, so nothing else a
// service returns crosses the boundary, and shaped for display (every link of a chain in order, alerts per recording).
import type {
  ChainLinkOutcome,
  ChainOutcome,
  OutcomeAlertView,
  RecordingActionSummary,
  RecordingAlert,
} from '../../shared/ipc/contract.js';
import type { StreamKey } from '../../shared/domain.js';
import type { HistoryEntry } from '../../shared/history.js';
import { nothingReason } from '../../shared/recordings/outcome.js';
import type { PlannedLink, PlannedRecording } from '../../shared/schedule/plans.js';
import { linkCreatableAt } from '../../shared/schedule/chain-preview.js';
import { isOpenOutcomeAlert } from '../services/recording-files/outcome-alerts.js';
import type { RecordingAction, ScheduledRecording } from '../services/schedule/scheduler.js';

/** Every link of a new recording: those handled now (created, failed, ...) from its events, the rest as planned. */
export function toChainOutcome(scheduled: ScheduledRecording, stream: StreamKey): ChainOutcome {
  const links = new Map<number, ChainLinkOutcome>();
  for (const happened of scheduled.events) {
    const { link, entry } = happened;
    links.set(link.index, {
      index: link.index,
      startTime: link.startTime,
      endTime: link.endTime,
      status: link.status,
      taskId: link.taskId,
      requestId: entry?.requestId ?? null,
      createAt: link.status === 'planned' ? linkCreatableAt(link) : null,
      error: link.error ?? happened.error,
    });
  }
  for (const link of scheduled.planned) {
    // A deferred link (e.g. no network) is both an event and still planned: the plan is its current state.
    links.set(link.index, {
      index: link.index,
      startTime: link.startTime,
      endTime: link.endTime,
      status: 'planned',
      taskId: null,
      requestId: null,
      createAt: linkCreatableAt(link),
      error: link.error,
    });
  }
  // Created entries without an event of their own (not expected from the scheduler, cheap to cover).
  for (const entry of scheduled.created) {
    if ([...links.values()].some((link) => link.taskId !== null && link.taskId === entry.taskId)) continue;
    const index = links.size === 0 ? 0 : Math.max(...links.keys()) + 1;
    links.set(index, {
      index,
      startTime: entry.startTime ?? entry.createdAt,
      endTime: entry.endTime,
      status: 'created',
      taskId: entry.taskId,
      requestId: entry.requestId,
      createAt: null,
      error: null,
    });
  }
  return {
    recordingId: scheduled.recordingId,
    stream: { domainName: stream.domainName, appName: stream.appName, streamName: stream.streamName },
    links: [...links.values()].sort((a, b) => a.index - b.index),
    warnings: scheduled.warnings.map(({ code, message }) => ({ code, message })),
  };
}

export function toActionSummaries(actions: readonly RecordingAction[]): RecordingActionSummary[] {
  return actions.map(({ index, taskId, action, error }) => ({ index, taskId, action, error }));
}

/** Open alert links grouped per recording (oldest window first), with the recording's stream and whole window. */
export function groupAlerts(alerts: readonly PlannedLink[], recordings: readonly PlannedRecording[]): RecordingAlert[] {
  const byId = new Map(recordings.map((recording) => [recording.recordingId, recording]));
  const groups = new Map<string, RecordingAlert>();
  for (const link of alerts) {
    const recording = byId.get(link.recordingId);
    // An alert is always listed in the plans it was read from; one that is not cannot be shown with its stream.
    if (recording === undefined) continue;
    const group = groups.get(link.recordingId) ?? {
      recordingId: recording.recordingId,
      stream: { ...recording.stream },
      seriesId: recording.seriesId,
      startTime: recording.startTime,
      endTime: recording.endTime,
      linkCount: recording.links.length,
      links: [],
    };
    group.links.push({ ...link });
    groups.set(link.recordingId, group);
  }
  return [...groups.values()].sort((a, b) => a.startTime - b.startTime || a.recordingId.localeCompare(b.recordingId));
}

/**
 * The open outcome alerts of the history (what `taper alerts` lists), oldest window first, with the stream and the
 * cause as data (why nothing, the gaps) so the window can say it in its language.
 */
export function outcomeAlertViews(entries: readonly HistoryEntry[]): OutcomeAlertView[] {
  return entries
    .filter(isOpenOutcomeAlert)
    .map((entry): OutcomeAlertView => {
      const window = { startTime: entry.startTime ?? entry.createdAt, endTime: entry.endTime };
      const detail = entry.outcomeDetail;
      return {
        kind: 'outcome',
        id: entry.id,
        taskId: entry.taskId,
        recordingId: entry.recordingId ?? null,
        stream: { domainName: entry.domain, appName: entry.app, streamName: entry.stream },
        ...window,
        outcome: entry.outcome,
        nothingReason: entry.outcome === 'nothing' ? nothingReason([window], detail?.pushes ?? null) : null,
        gaps: (detail?.gaps ?? []).map(({ startTime, endTime, pushed }) => ({ startTime, endTime, pushed })),
        reason: detail?.reason ?? null,
      };
    })
    .sort((a, b) => a.startTime - b.startTime || a.id.localeCompare(b.id));
}
