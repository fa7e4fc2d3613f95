// The handler body of `files:open`, spread into createIpcHandlers' map: a recording file's URL from the history,
// opened in the user's browser only if it is https on Tencent Cloud's VOD hosts (file-url-allowlist.ts). The page
// supplies the URL, so the check is here, in main, whatever the shell.
import type { z } from 'zod';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import type { IpcResponses, requestSchemas } from '../../shared/ipc/contract.js';
import { err, type Result } from '../../shared/result.js';
import { isAllowedRecordingFileUrl, RECORDING_FILE_HOST_SUFFIXES } from '../shell/file-url-allowlist.js';
import type { ShellHooks } from './handlers.js';

type Channel = 'files:open';
type Bodies = { [C in Channel]: (payload: z.output<(typeof requestSchemas)[C]>) => Promise<Result<IpcResponses[C]>> };

export function fileBodies(hooks: ShellHooks): Bodies {
  return {
    'files:open': async ({ url }) => {
      if (!isAllowedRecordingFileUrl(url)) {
        // The URL itself is not echoed: it came from the page and may be anything.
        return err(
          LocalErrorCode.FileUrlRefused,
          `Not an https recording file on a Tencent Cloud VOD host (*${RECORDING_FILE_HOST_SUFFIXES.join(', *')}).`,
        );
      }
      return hooks.openExternal(url);
    },
  };
}
