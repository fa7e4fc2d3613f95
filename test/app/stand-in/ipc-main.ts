// ipcMain: `handle` as Electron has it (one handler per channel, a second registration throws), and the forged-call
// command a test uses to ask the app's handlers as a frame that is not ours would.
import { EventEmitter } from 'node:events';
import { onCommand } from './control.js';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();

class IpcMain extends EventEmitter {
  handle(channel: string, handler: Handler): void {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, async (event, ...args) => {
      handlers.delete(channel);
      return handler(event, ...args);
    });
  }
  removeHandler(channel: string): void {
    handlers.delete(channel);
  }
}

export const ipcMain = new IpcMain();

/** What `ipcRenderer.invoke` reaches; as in Electron, an unhandled channel or a thrown handler rejects the call. */
export async function invokeHandler(channel: string, event: unknown, args: unknown[]): Promise<unknown> {
  const handler = handlers.get(channel);
  if (handler === undefined)
    throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
  try {
    return await handler(event, ...args);
  } catch (error) {
    throw new Error(
      `Error invoking remote method '${channel}': ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
}

// A call as Electron would deliver it from another frame: a subframe, another window, a page that is not ours.
onCommand('invoke-as', ({ channel, args, frameUrl, mainFrame, webContentsId }) => {
  const frame: { url: string; parent: unknown; top: unknown } = { url: String(frameUrl), parent: null, top: null };
  if (mainFrame === false) {
    frame.parent = { url: 'taper://app/index.html' };
    frame.top = frame.parent;
  } else frame.top = frame;
  return invokeHandler(
    String(channel),
    { sender: { id: Number(webContentsId ?? 1) }, senderFrame: frame },
    (args as unknown[]) ?? [],
  );
});
