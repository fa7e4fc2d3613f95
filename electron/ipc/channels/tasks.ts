// `tasks:*`: one task of the history, stopped or deleted on the platform.
import { accountOptions, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';

export function taskChannels({ services, hooks }: ChannelContext): ChannelBodies<ChannelsOf<'tasks'>> {
  return {
    'tasks:stop': async ({ id, profile }) => {
      const stopped = await services.recorder.stop(id, accountOptions(profile));
      if (stopped.ok) hooks.historyChanged();
      return stopped;
    },
    'tasks:delete': async ({ id, profile }) => {
      const removed = await services.recorder.remove(id, accountOptions(profile));
      if (removed.ok) hooks.historyChanged();
      return removed;
    },
  };
}
