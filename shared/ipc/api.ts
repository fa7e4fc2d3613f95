// The renderer-facing half of the IPC contract: window.api's shape, the events, and the builder the preload and the
// e2e bridge share. No runtime import of the zod schemas, so the sandboxed preload bundle stays a few KB.
import type { StreamKey } from '../domain.js';
import type { IpcChannel, IpcRequest, IpcResponse } from './contract.js';
import type { AppNotice, ImportProgress, NewProfile, RecordPrefill, ViewName } from './types.js';

/** Main → renderer pushes (webContents.send). */
export interface IpcEvent {
  /** The history file changed (a create, a sync, the CLI): reload the list. */
  'history:changed': null;
  /** The tray asks for a view, optionally with a prefilled record form. */
  navigate: { view: ViewName; prefill?: RecordPrefill };
  /** A task was created from outside the form (tray): show the push countdown. */
  'task:created-countdown': { entryId: string; taskId: string; startTime: number | null };
  /** Planned recordings or their alerts changed (a create, a scheduler run, an acknowledge): reload plans and alerts. */
  'plans:changed': null;
  /** A bulk import made progress (one event per row handled). */
  'import:progress': ImportProgress;
  /** A notification the OS could not show (none supported, or it failed): a banner in the window instead. */
  'app:notice': AppNotice;
}

export type IpcEventName = keyof IpcEvent;
export const IPC_EVENTS: readonly IpcEventName[] = [
  'history:changed',
  'navigate',
  'task:created-countdown',
  'plans:changed',
  'import:progress',
  'app:notice',
];

type Call<C extends IpcChannel> =
  undefined extends IpcRequest<C>
    ? IpcRequest<C> extends undefined
      ? () => Promise<IpcResponse<C>>
      : (payload?: IpcRequest<C>) => Promise<IpcResponse<C>>
    : (payload: IpcRequest<C>) => Promise<IpcResponse<C>>;

/** Removes the listener. */
export type Unsubscribe = () => void;

/**
 * `window.api`: one function per channel, grouped by area, and one subscription per event.
 * There is deliberately no generic "invoke any channel" member.
 */
export interface TaperApi {
  app: { info: Call<'app:info'> };
  profiles: {
    list: Call<'profiles:list'>;
    add: (payload: NewProfile) => Promise<IpcResponse<'profiles:add'>>;
    remove: Call<'profiles:remove'>;
    setDefault: Call<'profiles:set-default'>;
    test: Call<'profiles:test'>;
    setDefaultTemplate: Call<'profiles:set-default-template'>;
  };
  /** Recording templates of the account (the list is `live.templates`). */
  templates: { add: Call<'templates:add'> };
  sandbox: { start: Call<'sandbox:start'>; push: Call<'sandbox:push'> };
  record: { preview: Call<'record:preview'>; create: Call<'record:create'> };
  tasks: { stop: Call<'tasks:stop'>; delete: Call<'tasks:delete'> };
  history: { list: Call<'history:list'>; export: Call<'history:export'>; sync: Call<'history:sync'> };
  live: {
    templates: Call<'live:templates'>;
    domains: Call<'live:domains'>;
    streamState: (payload: { stream: StreamKey; profile?: string }) => Promise<IpcResponse<'live:stream-state'>>;
  };
  settings: { get: Call<'settings:get'>; set: Call<'settings:set'> };
  /** Recordings made of several tasks (chains, far-ahead plans): stop/delete act on every link. */
  recordings: { stop: Call<'recordings:stop'>; delete: Call<'recordings:delete'> };
  plans: { list: Call<'plans:list'> };
  alerts: { list: Call<'alerts:list'>; acknowledge: Call<'alerts:acknowledge'> };
  /** Recurring recordings (weekly shows). */
  series: {
    list: Call<'series:list'>;
    add: Call<'series:add'>;
    update: Call<'series:update'>;
    remove: Call<'series:remove'>;
    cancelOccurrence: Call<'series:cancel-occurrence'>;
    editOccurrence: Call<'series:edit-occurrence'>;
  };
  /** Bulk import of a CSV file (read in the page, parsed and sent by main). */
  imports: { preview: Call<'import:preview'>; run: Call<'import:run'>; status: Call<'import:status'> };
  /** A settled window's recording files: opened in the user's browser by main, after its allowlist. */
  files: { open: Call<'files:open'> };
  events: {
    onHistoryChanged(listener: () => void): Unsubscribe;
    onNavigate(listener: (event: IpcEvent['navigate']) => void): Unsubscribe;
    onTaskCreatedCountdown(listener: (event: IpcEvent['task:created-countdown']) => void): Unsubscribe;
    onPlansChanged(listener: () => void): Unsubscribe;
    onImportProgress(listener: (event: IpcEvent['import:progress']) => void): Unsubscribe;
    onNotice(listener: (event: IpcEvent['app:notice']) => void): Unsubscribe;
  };
}

/** Where each channel sits on TaperApi: [area, method]. The preload and the e2e bridge build the object from it. */
export const API_METHODS = {
  'app:info': ['app', 'info'],
  'profiles:list': ['profiles', 'list'],
  'profiles:add': ['profiles', 'add'],
  'profiles:remove': ['profiles', 'remove'],
  'profiles:set-default': ['profiles', 'setDefault'],
  'profiles:test': ['profiles', 'test'],
  'profiles:set-default-template': ['profiles', 'setDefaultTemplate'],
  'sandbox:start': ['sandbox', 'start'],
  'sandbox:push': ['sandbox', 'push'],
  'record:preview': ['record', 'preview'],
  'record:create': ['record', 'create'],
  'tasks:stop': ['tasks', 'stop'],
  'tasks:delete': ['tasks', 'delete'],
  'history:list': ['history', 'list'],
  'history:export': ['history', 'export'],
  'history:sync': ['history', 'sync'],
  'live:templates': ['live', 'templates'],
  'live:domains': ['live', 'domains'],
  'templates:add': ['templates', 'add'],
  'live:stream-state': ['live', 'streamState'],
  'settings:get': ['settings', 'get'],
  'settings:set': ['settings', 'set'],
  'recordings:stop': ['recordings', 'stop'],
  'recordings:delete': ['recordings', 'delete'],
  'plans:list': ['plans', 'list'],
  'alerts:list': ['alerts', 'list'],
  'alerts:acknowledge': ['alerts', 'acknowledge'],
  'series:list': ['series', 'list'],
  'series:add': ['series', 'add'],
  'series:update': ['series', 'update'],
  'series:remove': ['series', 'remove'],
  'series:cancel-occurrence': ['series', 'cancelOccurrence'],
  'series:edit-occurrence': ['series', 'editOccurrence'],
  'import:preview': ['imports', 'preview'],
  'import:run': ['imports', 'run'],
  'import:status': ['imports', 'status'],
  'files:open': ['files', 'open'],
} as const satisfies { [C in IpcChannel]: readonly [string, string] };

/** All channels, for main's registration loop and the contract tests (a contract test checks it against the schemas). */
export const IPC_CHANNELS = Object.keys(API_METHODS) as IpcChannel[];

/** The two primitives a preload (ipcRenderer) or a test bridge provides. */
export interface ApiTransport {
  /** Sends one known channel; `channel` always comes from IPC_CHANNELS, never from the page. */
  invoke(channel: IpcChannel, payload: unknown): Promise<unknown>;
  /** Subscribes to one known event; returns the unsubscribe function. */
  subscribe(event: IpcEventName, listener: (payload: unknown) => void): Unsubscribe;
}

/**
 * Builds the fixed TaperApi object over a transport: every method closes over its own channel
 * name, so the page can call only these functions (no channel string ever comes from the page).
 */
export function buildTaperApi(transport: ApiTransport): TaperApi {
  const areas: Record<string, Record<string, (payload?: unknown) => Promise<unknown>>> = {};
  for (const channel of IPC_CHANNELS) {
    const [area, method] = API_METHODS[channel];
    const group = (areas[area] ??= {});
    group[method] = (payload?: unknown) => transport.invoke(channel, payload);
  }
  const events: TaperApi['events'] = {
    onHistoryChanged: (listener) => transport.subscribe('history:changed', () => listener()),
    onNavigate: (listener) => transport.subscribe('navigate', (payload) => listener(payload as IpcEvent['navigate'])),
    onTaskCreatedCountdown: (listener) =>
      transport.subscribe('task:created-countdown', (payload) =>
        listener(payload as IpcEvent['task:created-countdown']),
      ),
    onPlansChanged: (listener) => transport.subscribe('plans:changed', () => listener()),
    onImportProgress: (listener) =>
      transport.subscribe('import:progress', (payload) => listener(payload as IpcEvent['import:progress'])),
    onNotice: (listener) => transport.subscribe('app:notice', (payload) => listener(payload as IpcEvent['app:notice'])),
  };
  // The cast is checked by the contract tests, which call every method through a recording transport.
  return { ...areas, events } as unknown as TaperApi;
}
