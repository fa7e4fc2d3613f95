// Error codes the IPC layer itself answers with: local `Taper.*` codes with catalog entries of their own.
import { LocalErrorCode } from '../../shared/errors/local-codes.js';

export const IpcErrorCode = {
  /** The payload did not match the channel's schema. */
  InvalidInput: LocalErrorCode.InvalidInput,
  /** The call came from a frame that is not our renderer's main frame. */
  Forbidden: LocalErrorCode.IpcForbidden,
  /** A service or shell hook threw instead of answering a value: a bug, logged in main. */
  Internal: LocalErrorCode.IpcInternal,
} as const;
