// The sandboxed preload (bundled to one CommonJS file): exposes exactly one typed object, `window.api`, with one
// function per contract channel and one subscription per event. The only file that uses ipcRenderer; the page
// never supplies a channel name, and nothing from process.env or Node crosses the bridge.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildTaperApi, IPC_CHANNELS, IPC_EVENTS, type ApiTransport } from '../shared/ipc/api.js';

const channels: ReadonlySet<string> = new Set(IPC_CHANNELS);
const events: ReadonlySet<string> = new Set(IPC_EVENTS);

const transport: ApiTransport = {
  invoke(channel, payload) {
    // buildTaperApi only passes contract channels; the check keeps it that way if someone changes it.
    if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return payload === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, payload);
  },
  subscribe(event, listener) {
    if (!events.has(event)) throw new Error(`Unknown event ${String(event)}`);
    // The Electron event object (with its `sender`) never reaches the page: only the payload does.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', buildTaperApi(transport));
