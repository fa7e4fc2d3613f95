// Planned recordings and their open alerts, loaded at start and again whenever main says plans or history changed. Either may be
// unavailable (plans.json unreadable, an older main): the history then works on without them, as it does offline.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppAlert } from '../../shared/ipc/contract';
import type { PlannedRecording } from '../../shared/schedule/plans';
import { useApi } from '../api-context';

export interface PlansState {
  plans: PlannedRecording[];
  alerts: AppAlert[];
  /** Loads both again (after an acknowledge, a stop or a delete). */
  reload: () => void;
}

export function usePlans(): PlansState {
  const api = useApi();
  const [plans, setPlans] = useState<PlannedRecording[]>([]);
  const [alerts, setAlerts] = useState<AppAlert[]>([]);
  const request = useRef(0);

  const reload = useCallback(() => {
    const mine = ++request.current;
    void Promise.all([api.plans.list(), api.alerts.list()]).then(([planned, open]) => {
      // A later reload was started meanwhile: its answer wins.
      if (mine !== request.current) return;
      if (planned.ok && Array.isArray(planned.value)) setPlans(planned.value);
      if (open.ok && Array.isArray(open.value)) setAlerts(open.value);
    });
  }, [api]);

  useEffect(() => {
    reload();
    const offPlans = api.events.onPlansChanged(reload);
    // Outcome alerts live in the history: a settle, or `taper alerts ack` in a terminal, changes it, not the plans.
    const offHistory = api.events.onHistoryChanged(reload);
    return () => {
      offPlans();
      offHistory();
    };
  }, [api, reload]);

  return { plans, alerts, reload };
}
