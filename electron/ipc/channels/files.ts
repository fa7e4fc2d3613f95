// `files:*`: a recording file's URL from the history, opened in the user's browser only if it is https on Tencent
// Cloud's VOD hosts (file-url-allowlist.ts). The page supplies the URL, so the check is here, in main, whatever the
// shell.
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import { err } from '../../../shared/result.js';
import { isAllowedRecordingFileUrl, RECORDING_FILE_HOST_SUFFIXES } from '../../shell/file-url-allowlist.js';
import type { ChannelBodies, ChannelContext, ChannelsOf } from '../channel-kit.js';

export function fileChannels({ hooks }: ChannelContext): ChannelBodies<ChannelsOf<'files'>> {
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
