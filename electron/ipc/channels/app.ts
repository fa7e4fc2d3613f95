// `app:*`: what the window shows about the app itself.
import { ok } from '../../../shared/result.js';
import type { ChannelBodies, ChannelContext, ChannelsOf } from '../channel-kit.js';

export function appChannels({ hooks }: ChannelContext): ChannelBodies<ChannelsOf<'app'>> {
  return {
    'app:info': async () => ok(await hooks.appInfo()),
  };
}
