// Planned recordings and their open alerts, loaded at start and again whenever main says plans or history changed. Either may be
// unavailable (plans.json unreadable, an older main): the history then works on without them, as it does offline.
import { useCallback } from 'react';
import type { AppAlert } from '../../shared/ipc/contract';
import { LocalErrorCode } from '../../shared/errors/local-codes';
import { err, type Result } from '../../shared/result';
import type { PlannedRecording } from '../../shared/schedule/plans';
import { useApi } from '../api-context';
import { useLoaded } from '../use-loaded';

export interface PlansState {
  plans: PlannedRecording[];
  alerts: AppAlert[];
  /** Loads both again (after an acknowledge, a stop or a delete). */
  reload: () => void;
}

const NO_PLANS: PlannedRecording[] = [];
const NO_ALERTS: AppAlert[] = [];

export function usePlans(): PlansState {
  const api = useApi();
  const plans = useLoaded(
    useCallback(() => api.plans.list().then(onlyLists), [api]),
    { initial: NO_PLANS, on: ['onPlansChanged'] },
  );
  // Outcome alerts live in the history: a settle, or `taper alerts ack` in a terminal, changes it, not the plans.
  const alerts = useLoaded(
    useCallback(() => api.alerts.list().then(onlyLists), [api]),
    { initial: NO_ALERTS, on: ['onPlansChanged', 'onHistoryChanged'] },
  );
  const { reload: reloadPlans } = plans;
  const { reload: reloadAlerts } = alerts;
  const reload = useCallback(() => {
    reloadPlans();
    reloadAlerts();
  }, [reloadPlans, reloadAlerts]);
  return { plans: plans.value, alerts: alerts.value, reload };
}

/** An older main may answer something else than a list: kept as a failed load (the last list stays). */
function onlyLists<T>(result: Result<T[]>): Result<T[]> {
  return !result.ok || Array.isArray(result.value) ? result : err(LocalErrorCode.InvalidResponse, 'not a list');
}
