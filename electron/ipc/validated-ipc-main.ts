// The only file that touches ipcMain (docs/style.md §2, §6): registers exactly the contract's channels, checks that
// each call comes from the main frame of one of our windows showing our renderer entry (taper://app/index.html), then answers the
// handler's value. ipcMain is passed in, so the check is unit-tested with a fake.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type IpcChannel } from '../../shared/ipc/contract.js';
import { err } from '../../shared/result.js';
import { isRendererEntry } from '../shell/renderer-protocol.js';
import type { IpcHandlers } from './channel-kit.js';
import { IpcErrorCode } from './ipc-errors.js';

/** The part of ipcMain used here. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** The part of an invoke event the sender check reads. */
export interface SenderEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown; top: unknown } | null;
}

export interface SenderPolicy {
  /** webContents ids of the windows we created. */
  windowIds(): ReadonlySet<number>;
}

/** Why a sender is refused, or null when it is ours. */
export function senderRejection(event: SenderEvent, policy: SenderPolicy): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'no sender frame (destroyed or navigated)';
  if (frame.parent !== null || frame.top !== frame) return 'not the main frame';
  if (!policy.windowIds().has(event.sender.id)) return 'not one of our windows';
  // One fixed origin and path (taper://app/index.html, any route): no file path to compare.
  if (!isRendererEntry(frame.url)) return 'not our renderer entry';
  return null;
}

export interface RegisterOptions {
  ipcMain: IpcMainLike;
  handlers: IpcHandlers;
  policy: SenderPolicy;
  /** A warning for a refused call; gets the channel and the reason, never the payload. */
  warn(message: string): void;
}

/** Registers every channel; returns a function that removes them all again. */
export function registerIpcHandlers({ ipcMain, handlers, policy, warn }: RegisterOptions): () => void {
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel] as (payload: unknown) => Promise<unknown>;
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const rejection = senderRejection(event as unknown as SenderEvent, policy);
      if (rejection !== null) {
        // The sender's id and frame URL (never the payload) say which page tried.
        warn(
          `IPC ${channel} refused: ${rejection} (webContents ${event.sender.id}, ${event.senderFrame?.url ?? 'no frame'})`,
        );
        return err(IpcErrorCode.Forbidden, 'This window may not call Taper.');
      }
      // One payload per call; extra arguments are a sign of a forged call.
      if (args.length > 1)
        return err(IpcErrorCode.InvalidInput, `Invalid payload for ${channel}: one argument expected`);
      return handler(args[0]);
    });
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel satisfies IpcChannel);
  };
}
