// Error codes the IPC layer itself answers with. They are local `Taper.*` codes; the catalog falls back to its
// generic entry for them until it gets entries of its own.
import { LocalErrorCode } from '../../shared/errors/local-codes.js';

export const IpcErrorCode = {
  /** The payload did not match the channel's schema. */
  InvalidInput: LocalErrorCode.InvalidInput,
  /** The call came from a frame that is not our renderer's main frame. */
  Forbidden: 'Taper.Ipc.Forbidden',
  /** A service or shell hook threw instead of answering a value: a bug, logged in main. */
  Internal: 'Taper.Ipc.Internal',
} as const;
