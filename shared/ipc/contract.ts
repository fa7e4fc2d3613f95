// The one IPC contract (STYLE.md §2): every renderer → main channel with its request and response,
// every main → renderer event, and the shape of the object the preload exposes as `window.api`.
// Main registers exactly the channels in IPC_CHANNELS and parses every payload with requestSchemas.
import type { z } from 'zod';
import type { HistoryEntry } from '../history.js';
import type { LiveDomain, RecordTemplate, StreamState } from '../live-types.js';
import type { Result } from '../result.js';
import { requestSchemas } from './schemas.js';
import type {
  ImportPreview,
  ImportReport,
  ImportStatus,
  OccurrenceAction,
  OccurrenceEditOutcome,
  SeriesChange,
  SeriesRemoval,
  SeriesUpdateOutcome,
  SeriesView,
} from './series-import-types.js';
import type { PlannedRecording } from '../schedule/plans.js';
import type {
  AppAlert,
  AppInfo,
  CreateOutcome,
  ExportResult,
  ProfileCheck,
  ProfileSummary,
  RecordPreview,
  RecordingActionSummary,
  SandboxInfo,
  SandboxPushInfo,
  Settings,
  SyncReport,
} from './types.js';

export { requestSchemas } from './schemas.js';
export type * from './types.js';

/** Response value per channel (the wire carries `Result<value>`). */
export interface IpcResponses {
  'app:info': AppInfo;
  'profiles:list': ProfileSummary[];
  'profiles:add': ProfileSummary;
  'profiles:remove': null;
  'profiles:set-default': null;
  'profiles:test': ProfileCheck;
  'profiles:set-default-template': ProfileSummary;
  'sandbox:start': SandboxInfo;
  'sandbox:push': SandboxPushInfo;
  'record:preview': RecordPreview;
  'record:create': CreateOutcome;
  'tasks:stop': HistoryEntry;
  'tasks:delete': HistoryEntry;
  'history:list': HistoryEntry[];
  'history:export': ExportResult;
  'history:sync': SyncReport;
  'live:templates': RecordTemplate[];
  'live:domains': LiveDomain[];
  /** The new template's id (and the RequestId of the call that made it). */
  'templates:add': { templateId: number; requestId: string };
  'live:stream-state': StreamState;
  'settings:get': Settings;
  'settings:set': Settings;
  'recordings:stop': RecordingActionSummary[];
  'recordings:delete': RecordingActionSummary[];
  'plans:list': PlannedRecording[];
  'alerts:list': AppAlert[];
  /** How many alert links were acknowledged; `acknowledgedOutcomes`: how many outcome alerts. */
  'alerts:acknowledge': { acknowledged: number; acknowledgedOutcomes: number };
  'series:list': SeriesView[];
  'series:add': SeriesChange;
  'series:update': SeriesUpdateOutcome;
  'series:remove': SeriesRemoval;
  'series:cancel-occurrence': { actions: OccurrenceAction[] };
  'series:edit-occurrence': OccurrenceEditOutcome;
  'import:preview': ImportPreview;
  'import:run': ImportReport;
  'import:status': ImportStatus;
  'files:open': null;
}

/** Every renderer → main channel. */
export type IpcChannel = keyof typeof requestSchemas;

/** The payload of a channel, as parsed by its schema (`undefined` for channels without one). */
export type IpcRequest<C extends IpcChannel> = z.output<(typeof requestSchemas)[C]>;

/** What `invoke(channel)` resolves to. */
export type IpcResponse<C extends IpcChannel> = Result<IpcResponses[C]>;

export * from './api.js';
