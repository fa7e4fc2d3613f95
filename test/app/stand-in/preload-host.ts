// What a sandboxed preload gets, as an init script for the page: `require('electron')` gives contextBridge and
// ipcRenderer, any other `require` throws; it runs in the main frame only (nodeIntegrationInSubFrames is false). The
// two bindings it talks through are taken off `window` before any page script runs, so the page itself gets no
// generic "invoke any channel" function: only what the preload exposes.
import { readFileSync } from 'node:fs';

export const IPC_BINDING = '__taperStandInIpc';
export const PERMISSION_BINDING = '__taperStandInPermission';
export const DELIVER = '__taperStandInDeliver';

/** Runs in the page (serialised with toString): the electron module of a sandboxed preload. */
function host(
  preload: (require: (name: string) => unknown, module: { exports: unknown }, exports: unknown) => void,
  names: { ipc: string; permission: string; deliver: string },
) {
  const scope = window as unknown as Record<string, unknown>;
  const binding = scope[names.ipc] as (channel: string, args: unknown[]) => Promise<string | undefined>;
  // Answers arrive as JSON text (see the binding in browser-window.ts): IPC payloads are plain data.
  const ipc = (channel: string, args: unknown[]) =>
    binding(channel, args).then((text) => (text === undefined ? undefined : JSON.parse(text)));
  const permission = scope[names.permission] as (name: string, value: string) => Promise<boolean>;
  delete scope[names.ipc];
  delete scope[names.permission];
  if (window !== window.top) return;

  // navigator.clipboard asks main's permission handlers, as Chromium does inside Electron.
  const clipboard = navigator.clipboard;
  if (clipboard !== undefined) {
    Object.defineProperty(clipboard, 'writeText', {
      value: async (text: string) => {
        if (!(await permission('clipboard-sanitized-write', String(text))))
          throw new DOMException('Write permission denied.', 'NotAllowedError');
      },
    });
  }

  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => ipc(channel, args),
    on(channel: string, listener: (...args: unknown[]) => void) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.defineProperty(window, names.deliver, {
    value: (channel: string, args: unknown[]) =>
      listeners.get(channel)?.forEach((listener) => listener({ sender: ipcRenderer }, ...args)),
  });

  // contextBridge copies what it exposes and freezes it; functions stay callable.
  const bridged = (value: unknown): unknown => {
    if (typeof value === 'function') return (...args: unknown[]) => (value as (...a: unknown[]) => unknown)(...args);
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = bridged(item);
    return Object.freeze(copy);
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      Object.defineProperty(window, key, { value: bridged(api), enumerable: true });
    },
  };
  const electron = { contextBridge, ipcRenderer };
  const module = { exports: {} };
  preload(
    (name) => {
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name} (a sandboxed preload can require only electron)`);
    },
    module,
    module.exports,
  );
}

/** The init script for a window whose webPreferences name `preloadPath`. */
export function preloadScript(preloadPath: string): string {
  const source = readFileSync(preloadPath, 'utf8');
  const names = { ipc: IPC_BINDING, permission: PERMISSION_BINDING, deliver: DELIVER };
  return `(${host.toString()})(function (require, module, exports) {\n${source}\n}, ${JSON.stringify(names)});`;
}
