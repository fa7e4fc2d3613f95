// `sandbox:*`: the in-process Live API simulator, which only the shell can start.
import type { ChannelBodies, ChannelContext, ChannelsOf } from '../channel-kit.js';

export function sandboxChannels({ hooks }: ChannelContext): ChannelBodies<ChannelsOf<'sandbox'>> {
  return {
    'sandbox:start': async () => hooks.startSandbox(),
    'sandbox:push': async (request) => hooks.sandboxPush(request),
  };
}
