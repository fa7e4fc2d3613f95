// What the tray's menu items do (setupX() per feature): the quick record and the stops call the services directly;
// the history and plans they write reach the window through the data watcher, so nothing here announces a change.
import { unixSeconds, type Clock } from '../../shared/clock.js';
import type { ViewName, RecordPrefill } from '../../shared/ipc/types.js';
import type { AppError, Result } from '../../shared/result.js';
import type { AppServices, RecordOutcome } from '../services/app-services.js';
import type { ScheduleServices } from '../services/schedule/schedule-services.js';
import type { TrayActions } from './tray-service.js';

export interface TrayActionDeps {
  services: AppServices;
  schedule: ScheduleServices;
  clock: Clock;
  /** Opens (or shows) the window, on a view, with a prefilled record form. */
  openWindow(view: ViewName | null, prefill?: RecordPrefill): void;
  /** A create from the tray: its notification and the push countdown, or the failure. */
  reportRecord(outcome: Result<RecordOutcome>): void;
  callFailed(error: AppError): void;
  copyDiagnostics(): void;
  quit(): void;
}

export function trayActions(deps: TrayActionDeps): TrayActions {
  const { services, clock } = deps;
  const options = (profile: string | null) => (profile === null ? undefined : { profile });
  return {
    quickRecord: (stream, profile, minutes) => {
      const request = { ...stream, endTime: unixSeconds(clock) + minutes * 60 };
      void services.recorder.record(request, options(profile)).then(deps.reportRecord);
    },
    recordUntil: (stream, profile) => deps.openWindow('record', profile === null ? stream : { ...stream, profile }),
    stop: (id, profile) => {
      void services.recorder.stop(id, options(profile)).then((stopped) => {
        if (!stopped.ok) deps.callFailed(stopped.error);
      });
    },
    stopRecording: (recordingId, profile) => {
      // Every link: the running one stops, later ones are deleted, planned ones cancelled.
      void deps.schedule.scheduler.stopRecording(recordingId, options(profile)).then((stopped) => {
        if (!stopped.ok) return deps.callFailed(stopped.error);
        for (const action of stopped.value) if (action.error) deps.callFailed(action.error);
      });
    },
    open: (view) => deps.openWindow(view),
    copyDiagnostics: () => deps.copyDiagnostics(),
    quit: () => deps.quit(),
  };
}
