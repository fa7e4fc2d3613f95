// Stop and delete a recording as one, whether it is one task, a chain or a planned occurrence: links not created yet
// are cancelled (no call), created tasks are stopped or deleted through the RecordService, earliest first.
import { unixSeconds } from '../../../shared/clock.js';
import { ok, type Result } from '../../../shared/result.js';
import type { PlannedLink } from '../../../shared/schedule/plans.js';
import {
  acknowledgeAlertsIn,
  actionSteps,
  actionTargets,
  cancelPlannedLinks,
  recordingEntries,
  type RecordingAction,
} from '../../../shared/schedule/recording-targets.js';
import { recordingNotFound } from '../../../shared/schedule/schedule-errors.js';
import type { AccountOptions } from '../app-services.js';
import type { LinkRunnerDeps } from './link-runner.js';

export type RecordingActionDeps = Pick<LinkRunnerDeps, 'clock' | 'recorder' | 'history' | 'plans'>;

async function actOnRecording(
  deps: RecordingActionDeps,
  recordingId: string,
  mode: 'stop' | 'delete',
  options?: AccountOptions,
): Promise<Result<RecordingAction[]>> {
  const now = unixSeconds(deps.clock);
  // Links not created yet are cancelled first, under the plans lock: a runDue that held it has finished creating, and
  // none can create a link of this recording afterwards. So the history and plans read below show every task made.
  const cancelled = await deps.plans.transact(async (document) => {
    const stored = document.recordings.find((candidate) => candidate.recordingId === recordingId);
    const indexes = cancelPlannedLinks(stored, now);
    return { document, result: ok({ recording: stored ? structuredClone(stored) : undefined, indexes }) };
  });
  if (!cancelled.ok) return cancelled;
  const { recording, indexes } = cancelled.value;
  const listed = await deps.history.list();
  if (!listed.ok) return listed;
  const entries = recordingEntries(listed.value, recordingId);
  if (!recording && entries.length === 0) return recordingNotFound([recordingId]);

  const actions: RecordingAction[] = indexes.map((index) => ({
    index,
    taskId: null,
    action: 'cancelled',
    error: null,
  }));
  for (const step of actionSteps(actionTargets(recording, entries), mode, now)) {
    if (step.kind === 'decided') {
      actions.push(step.action);
      continue;
    }
    const id = step.historyId ?? step.taskId;
    const done =
      step.action === 'deleted' ? await deps.recorder.remove(id, options) : await deps.recorder.stop(id, options);
    actions.push({ index: step.index, taskId: step.taskId, action: step.action, error: done.ok ? null : done.error });
  }
  return ok(actions);
}

/** Stops the recording now: the running link is stopped, later links deleted, planned ones cancelled. */
export const stopRecording = (deps: RecordingActionDeps, recordingId: string, options?: AccountOptions) =>
  actOnRecording(deps, recordingId, 'stop', options);

/** Deletes every link's task and cancels the planned ones. */
export const deleteRecording = (deps: RecordingActionDeps, recordingId: string, options?: AccountOptions) =>
  actOnRecording(deps, recordingId, 'delete', options);

/** Marks the open alerts of these recordings (or all) as seen; unknown ids are an error and change nothing. */
export async function acknowledgeAlerts(
  deps: Pick<RecordingActionDeps, 'clock' | 'plans'>,
  recordingIds: readonly string[] | 'all',
): Promise<Result<PlannedLink[]>> {
  return deps.plans.transact(async (document) => ({
    document,
    result: acknowledgeAlertsIn(document, recordingIds, unixSeconds(deps.clock)),
  }));
}
