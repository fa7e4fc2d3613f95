// The one channel table (docs/style.md §15): every renderer → main channel with its response type and where it sits on
// `window.api`, and every main → renderer event with its payload and its subscription. The request schemas are in
// schemas.ts, keyed the same way (a type-level test checks the keys agree); this module imports them as types only,
// so the renderer and the preload, which import it, never bundle zod. Everything else (IpcResponses, TaperApi,
// API_METHODS, IPC_CHANNELS, IPC_EVENTS, the HTTP routes of `taper serve`) is derived from the two tables below.
//
// Adding a channel: one entry in CHANNELS, its schema in requestSchemas, its handler in electron/ipc/channels/.
import type { z } from 'zod';
import type { StreamKey } from '../domain.js';
import type { HistoryChoices } from '../history-choices.js';
import type { HistoryEntry } from '../history.js';
import type { LiveDomain, RecordTemplate, StreamState } from '../live-types.js';
import type { Result } from '../result.js';
import type { PlannedRecording } from '../schedule/plans.js';
import type { requestSchemas } from './schemas.js';
import type {
  ImportPreview,
  ImportReport,
  ImportStatus,
  OccurrenceAction,
  OccurrenceEditOutcome,
  SeriesChange,
  SeriesRemoval,
  SeriesUpdateOutcome,
  SeriesSummary,
} from './series-import-types.js';
import type {
  AppInfo,
  AppNotice,
  CreateOutcome,
  ExportResult,
  ImportProgress,
  NewProfile,
  ProfileCheck,
  ProfileSummary,
  RecordPrefill,
  RecordPreview,
  RecordingActionSummary,
  AppAlert,
  SandboxInfo,
  SandboxPushInfo,
  Settings,
  SyncReport,
  ViewName,
} from './types.js';

/** A channel's place on window.api; `Response` (and `Request`, where the page's type is not the schema's) are types only. */
export interface ChannelSpec<Response, Area extends string, Method extends string, Request = never> {
  readonly area: Area;
  readonly method: Method;
  /** Never set: carries the response type. */
  readonly response?: Response;
  /** Never set: the page's request type where it is named by the contract rather than inferred from the schema. */
  readonly request?: Request;
}

/** `channel<Response>()(area, method)`: the response type is given, area and method are inferred as literals. */
const channel =
  <Response, Request = never>() =>
  <Area extends string, Method extends string>(area: Area, method: Method) =>
    ({ area, method }) as ChannelSpec<Response, Area, Method, Request>;

/** Every renderer → main channel: `[area, method]` on window.api and the response value (the wire carries a Result). */
export const CHANNELS = {
  'app:info': channel<AppInfo>()('app', 'info'),
  'profiles:list': channel<ProfileSummary[]>()('profiles', 'list'),
  'profiles:add': channel<ProfileSummary, NewProfile>()('profiles', 'add'),
  'profiles:remove': channel<null>()('profiles', 'remove'),
  'profiles:set-default': channel<null>()('profiles', 'setDefault'),
  'profiles:test': channel<ProfileCheck>()('profiles', 'test'),
  'profiles:set-default-template': channel<ProfileSummary>()('profiles', 'setDefaultTemplate'),
  'sandbox:start': channel<SandboxInfo>()('sandbox', 'start'),
  'sandbox:push': channel<SandboxPushInfo>()('sandbox', 'push'),
  'record:preview': channel<RecordPreview>()('record', 'preview'),
  'record:create': channel<CreateOutcome>()('record', 'create'),
  'tasks:stop': channel<HistoryEntry>()('tasks', 'stop'),
  'tasks:delete': channel<HistoryEntry>()('tasks', 'delete'),
  'history:list': channel<HistoryEntry[]>()('history', 'list'),
  /** The record form's recent domains, apps and streams (at most 200 each, newest first): not the whole history. */
  'history:choices': channel<HistoryChoices>()('history', 'choices'),
  /** One stream's entries (the overlap rules' "same stream"), newest first: the record form's overlap warnings. */
  'history:stream-entries': channel<HistoryEntry[]>()('history', 'streamEntries'),
  'history:export': channel<ExportResult>()('history', 'export'),
  'history:sync': channel<SyncReport>()('history', 'sync'),
  'live:templates': channel<RecordTemplate[]>()('live', 'templates'),
  'live:domains': channel<LiveDomain[]>()('live', 'domains'),
  /** The new template's id (and the RequestId of the call that made it); the list is `live.templates`. */
  'templates:add': channel<{ templateId: number; requestId: string }>()('templates', 'add'),
  'live:stream-state': channel<StreamState, { stream: StreamKey; profile?: string }>()('live', 'streamState'),
  'settings:get': channel<Settings>()('settings', 'get'),
  'settings:set': channel<Settings>()('settings', 'set'),
  /** Recordings made of several tasks (chains, far-ahead plans): stop/delete act on every link. */
  'recordings:stop': channel<RecordingActionSummary[]>()('recordings', 'stop'),
  'recordings:delete': channel<RecordingActionSummary[]>()('recordings', 'delete'),
  'plans:list': channel<PlannedRecording[]>()('plans', 'list'),
  /** Planned links missed or refused, and windows that recorded nothing or with gaps (`kind: 'outcome'`). */
  'alerts:list': channel<AppAlert[]>()('alerts', 'list'),
  /** How many alert links were acknowledged; `acknowledgedOutcomes`: how many outcome alerts. */
  'alerts:acknowledge': channel<{ acknowledged: number; acknowledgedOutcomes: number }>()('alerts', 'acknowledge'),
  /** Recurring recordings (weekly shows). */
  'series:list': channel<SeriesSummary[]>()('series', 'list'),
  'series:add': channel<SeriesChange>()('series', 'add'),
  'series:update': channel<SeriesUpdateOutcome>()('series', 'update'),
  'series:remove': channel<SeriesRemoval>()('series', 'remove'),
  'series:cancel-occurrence': channel<{ actions: OccurrenceAction[] }>()('series', 'cancelOccurrence'),
  'series:edit-occurrence': channel<OccurrenceEditOutcome>()('series', 'editOccurrence'),
  /** Bulk import of a CSV file (read in the page, parsed and sent by main). */
  'import:preview': channel<ImportPreview>()('imports', 'preview'),
  'import:run': channel<ImportReport>()('imports', 'run'),
  'import:status': channel<ImportStatus>()('imports', 'status'),
  /** A settled window's recording files: opened in the user's browser by main, after its allowlist. */
  'files:open': channel<null>()('files', 'open'),
} as const;

type Channels = typeof CHANNELS;

/** Every renderer → main channel. */
export type IpcChannel = keyof Channels;

/** The payload of a channel, as parsed by its schema (`undefined` for channels without one). */
export type IpcRequest<C extends IpcChannel> = z.output<(typeof requestSchemas)[C]>;

/** Response value per channel (the wire carries `Result<value>`). */
export type IpcResponses = { [C in IpcChannel]: Exclude<Channels[C]['response'], undefined> };

/** What `invoke(channel)` resolves to. */
export type IpcResponse<C extends IpcChannel> = Result<IpcResponses[C]>;

/** Where each channel sits on TaperApi: [area, method]. The preload and the e2e bridge build the object from it. */
export const API_METHODS = Object.fromEntries(
  Object.entries(CHANNELS).map(([name, spec]) => [name, [spec.area, spec.method] as const]),
) as { readonly [C in IpcChannel]: readonly [Channels[C]['area'], Channels[C]['method']] };

/** All channels, in table order, for main's registration loop, the preload and the contract tests. */
export const IPC_CHANNELS = Object.keys(CHANNELS) as IpcChannel[];

/** `taper serve`'s API root: `POST <root><channel>` calls a channel, `GET <root>events` is the event stream. */
export const API_ROOT = '/api/';
export const EVENTS_ROUTE = 'events';

/** The path of a channel under `taper serve`'s API root (`POST /api/<channel>`): its name, checked against the table. */
export function channelRoute(name: string): IpcChannel | null {
  return Object.hasOwn(CHANNELS, name) ? (name as IpcChannel) : null;
}

/** A main → renderer push: its payload type and its subscription on `window.api.events`. */
export interface EventSpec<Payload, Method extends string> {
  readonly method: Method;
  /** A signal (payload null): the listener takes no argument. */
  readonly bare: boolean;
  /** Never set: carries the payload type. */
  readonly payload?: Payload;
}

const event =
  <Payload>() =>
  <Method extends string>(method: Method) =>
    ({ method, bare: false }) as EventSpec<Payload, Method>;
const signal = <Method extends string>(method: Method) => ({ method, bare: true }) as EventSpec<null, Method>;

/** Main → renderer pushes (webContents.send), each with its subscription on `window.api.events`. */
export const EVENTS = {
  /** The history file changed (a create, a sync, the CLI in another process): reload the list. */
  'history:changed': signal('onHistoryChanged'),
  /** The tray asks for a view, optionally with a prefilled record form. */
  navigate: event<{ view: ViewName; prefill?: RecordPrefill }>()('onNavigate'),
  /** A task was created from outside the form (tray): show the push countdown. */
  'task:created-countdown': event<{ entryId: string; taskId: string; startTime: number | null }>()(
    'onTaskCreatedCountdown',
  ),
  /** Planned recordings or their alerts changed (a create, a scheduler run, an acknowledge, the CLI): reload them. */
  'plans:changed': signal('onPlansChanged'),
  /** A bulk import made progress (one event per row handled). */
  'import:progress': event<ImportProgress>()('onImportProgress'),
  /** A notification the OS could not show (none supported, or it failed): a banner in the window instead. */
  'app:notice': event<AppNotice>()('onNotice'),
} as const;

type Events = typeof EVENTS;

export type IpcEventName = keyof Events;

/** The payload of each main → renderer push. */
export type IpcEvent = { [E in IpcEventName]: Exclude<Events[E]['payload'], undefined> };

export const IPC_EVENTS = Object.keys(EVENTS) as IpcEventName[];

/** Removes the listener. */
export type Unsubscribe = () => void;

type Call<C extends IpcChannel> = [Channels[C]['request']] extends [undefined]
  ? DefaultCall<C>
  : (payload: NonNullable<Channels[C]['request']>) => Promise<IpcResponse<C>>;
type DefaultCall<C extends IpcChannel> =
  undefined extends IpcRequest<C>
    ? IpcRequest<C> extends undefined
      ? () => Promise<IpcResponse<C>>
      : (payload?: IpcRequest<C>) => Promise<IpcResponse<C>>
    : (payload: IpcRequest<C>) => Promise<IpcResponse<C>>;

type Area = Channels[IpcChannel]['area'];
type ChannelsOf<A extends Area> = { [C in IpcChannel]: Channels[C]['area'] extends A ? C : never }[IpcChannel];
type AreaApi<A extends Area> = { [C in ChannelsOf<A> as Channels[C]['method']]: Call<C> };

/** The channel part of window.api: one function per channel, grouped by area. */
export type ChannelApi = { [A in Area]: AreaApi<A> };

type Listener<E extends IpcEventName> = [IpcEvent[E]] extends [null] ? () => void : (event: IpcEvent[E]) => void;

/** window.api.events: one subscription per event. */
export type EventApi = { [E in IpcEventName as Events[E]['method']]: (listener: Listener<E>) => Unsubscribe };
