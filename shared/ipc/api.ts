// The renderer-facing half of the IPC contract: window.api's shape and the builder the preload and the e2e bridge
// share, both derived from the channel table (channels.ts). No runtime import of the zod schemas, so the sandboxed
// preload bundle stays a few KB and the renderer bundle holds no zod.
import {
  API_METHODS,
  EVENTS,
  IPC_CHANNELS,
  IPC_EVENTS,
  type ChannelApi,
  type EventApi,
  type IpcChannel,
  type IpcEventName,
  type Unsubscribe,
} from './channels.js';

export * from './channels.js';

/**
 * `window.api`: one function per channel, grouped by area, and one subscription per event.
 * There is deliberately no generic "invoke any channel" member.
 */
export interface TaperApi extends ChannelApi {
  events: EventApi;
}

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
  const events: Record<string, (listener: (payload?: unknown) => void) => Unsubscribe> = {};
  for (const name of IPC_EVENTS) {
    const { method, bare } = EVENTS[name];
    // A signal's listener gets no argument; the others get the payload only, never a transport's event object.
    events[method] = (listener) => transport.subscribe(name, (payload) => (bare ? listener() : listener(payload)));
  }
  // The cast is checked by the contract tests, which call every method through a recording transport.
  return { ...areas, events } as unknown as TaperApi;
}
