// The tray menu as a pure function of the tray state (docs/style.md §11: built from state, never mutated). Items carry
// an action *value*; the tray service turns actions into click handlers, so templates compare with JSON.
import type { StreamKey } from '../../shared/domain.js';
import type { ViewName } from '../../shared/ipc/contract.js';
import type { RecentStream, TrayState, TrayTask } from './tray-state.js';

/** What a click on a menu item does. */
export type TrayAction =
  | { kind: 'quick-record'; stream: StreamKey; profile: string | null; minutes: number }
  | { kind: 'record-until'; stream: StreamKey; profile: string | null }
  | { kind: 'stop'; id: string; profile: string | null }
  /** Stops a recording of several links (every link: running one stopped, later ones deleted, planned cancelled). */
  | { kind: 'stop-recording'; recordingId: string; profile: string | null }
  | { kind: 'open'; view: ViewName | null }
  /** Versions, OS, recent error codes and RequestIds and the log's end, for a support ticket (no secrets). */
  | { kind: 'copy-diagnostics' }
  | { kind: 'quit' };

export interface TrayMenuItem {
  /** Text shown; absent for separators. */
  label?: string;
  type?: 'normal' | 'separator' | 'submenu';
  /** Disabled items are headings or placeholders. */
  enabled?: boolean;
  action?: TrayAction;
  submenu?: TrayMenuItem[];
}

export type TrayMenuTemplate = TrayMenuItem[];

export type TrayStatus = 'idle' | 'scheduled' | 'recording';

/** Texts of the menu, per language; time formatting included so the menu stays pure. */
export interface TrayLabels {
  quickRecord: string;
  noRecentStreams: string;
  minutes30: string;
  hour1: string;
  hours2: string;
  until: string;
  nowRecording: string;
  upNext: string;
  nothingScheduled: string;
  stopRecording: string;
  openTaper: string;
  history: string;
  settings: string;
  copyDiagnostics: string;
  quit: string;
  /** e.g. `3 links`: how many tasks a recording is made of. */
  links(count: number): string;
  /** e.g. `⚠ 2 recordings missed or failed`: opens the alerts. */
  alerts(count: number): string;
  /** e.g. `42 min left`. */
  timeLeft(seconds: number): string;
  /** e.g. `starts 20:00`. */
  startsAt(unixSeconds: number): string;
  /** Tooltip per status; `count` is the number of running or scheduled tasks. */
  tooltip(status: TrayStatus, count: number): string;
}

/** Quick record durations, in minutes, in menu order. */
export const QUICK_RECORD_MINUTES = [30, 60, 120] as const;

export function trayStatus(state: TrayState): TrayStatus {
  if (state.recording.length > 0) return 'recording';
  if (state.upNext.length > 0) return 'scheduled';
  return 'idle';
}

/**
 * A stream named outside Taper may hold a tab, a CR or another control character: in a menu label it would break the
 * line or the columns, so each shows as a space. Unicode (Chinese names) stays as it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

export function streamLabel(stream: StreamKey): string {
  return `${stream.appName}/${stream.streamName} · ${stream.domainName}`.replace(CONTROL_CHARACTERS, ' ');
}

function quickRecordItem(stream: RecentStream, labels: TrayLabels): TrayMenuItem {
  const profile = stream.profile;
  const key: StreamKey = { domainName: stream.domainName, appName: stream.appName, streamName: stream.streamName };
  const durations = [labels.minutes30, labels.hour1, labels.hours2];
  return {
    label: streamLabel(key),
    type: 'submenu',
    submenu: [
      ...QUICK_RECORD_MINUTES.map((minutes, index) => ({
        label: durations[index] ?? `${minutes} min`,
        action: { kind: 'quick-record', stream: key, profile, minutes } as const,
      })),
      { label: labels.until, action: { kind: 'record-until', stream: key, profile } },
    ],
  };
}

/** The stream, and for a recording of several links how many: one item per recording, never one per link. */
function taskLabel(task: TrayTask, labels: TrayLabels): string {
  return task.links > 1 ? `${streamLabel(task.stream)} (${labels.links(task.links)})` : streamLabel(task.stream);
}

function recordingItem(task: TrayTask, state: TrayState, labels: TrayLabels): TrayMenuItem {
  return { label: `${taskLabel(task, labels)} — ${labels.timeLeft(task.endTime - state.nowSeconds)}`, enabled: false };
}

function upNextItem(task: TrayTask, labels: TrayLabels): TrayMenuItem {
  return { label: `${taskLabel(task, labels)} — ${labels.startsAt(task.startTime)}`, enabled: false };
}

function stopAction(task: TrayTask): TrayAction {
  return task.recordingId === null
    ? { kind: 'stop', id: task.id, profile: task.profile }
    : { kind: 'stop-recording', recordingId: task.recordingId, profile: task.profile };
}

export function buildTrayMenu(state: TrayState, labels: TrayLabels): TrayMenuTemplate {
  const quick: TrayMenuItem = {
    label: labels.quickRecord,
    type: 'submenu',
    submenu:
      state.recentStreams.length === 0
        ? [
            { label: labels.noRecentStreams, enabled: false },
            { label: labels.openTaper, action: { kind: 'open', view: 'record' } },
          ]
        : state.recentStreams.map((stream) => quickRecordItem(stream, labels)),
  };
  // Open alerts first: a missed recording must not hide below the fold (the history view shows them on top).
  const alerts: TrayMenuTemplate =
    state.alerts > 0
      ? [{ label: labels.alerts(state.alerts), action: { kind: 'open', view: 'history' } }, { type: 'separator' }]
      : [];
  const template: TrayMenuTemplate = [...alerts, quick, { type: 'separator' }];
  if (state.recording.length > 0) {
    template.push(
      { label: labels.nowRecording, enabled: false },
      ...state.recording.map((task) => recordingItem(task, state, labels)),
    );
  }
  template.push({ label: labels.upNext, enabled: false });
  template.push(
    ...(state.upNext.length === 0
      ? [{ label: labels.nothingScheduled, enabled: false }]
      : state.upNext.map((task) => upNextItem(task, labels))),
  );
  if (state.recording.length > 0) {
    template.push({
      label: labels.stopRecording,
      type: 'submenu',
      submenu: state.recording.map((task) => ({ label: taskLabel(task, labels), action: stopAction(task) })),
    });
  }
  template.push(
    { type: 'separator' },
    { label: labels.openTaper, action: { kind: 'open', view: null } },
    { label: labels.history, action: { kind: 'open', view: 'history' } },
    { label: labels.settings, action: { kind: 'open', view: 'settings' } },
    { label: labels.copyDiagnostics, action: { kind: 'copy-diagnostics' } },
    { type: 'separator' },
    { label: labels.quit, action: { kind: 'quit' } },
  );
  return template;
}

/** Tooltip for the state. */
export function trayTooltip(state: TrayState, labels: TrayLabels): string {
  const status = trayStatus(state);
  return labels.tooltip(status, status === 'recording' ? state.recording.length : state.upNext.length);
}
