// `recordings:*`, `plans:*`: recordings of several links (chains, far-ahead plans) and the planned ones, from the
// scheduler.
import type { Result } from '../../../shared/result.js';
import { mapOk, accountOptions, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';
import { toActionSummaries } from '../schedule-outcomes.js';

type Channel = ChannelsOf<'recordings'> | ChannelsOf<'plans'>;

export function recordingChannels({ hooks, schedule }: ChannelContext): ChannelBodies<Channel> {
  const { scheduler } = schedule;
  const recordingActed = (acted: Result<unknown>) => {
    if (!acted.ok) return;
    hooks.historyChanged();
    hooks.plansChanged();
  };
  return {
    'recordings:stop': async ({ recordingId, profile }) => {
      const acted = await scheduler.stopRecording(recordingId, accountOptions(profile));
      recordingActed(acted);
      return mapOk(acted, toActionSummaries);
    },
    'recordings:delete': async ({ recordingId, profile }) => {
      const acted = await scheduler.deleteRecording(recordingId, accountOptions(profile));
      recordingActed(acted);
      return mapOk(acted, toActionSummaries);
    },
    'plans:list': async () => scheduler.listPlans(),
  };
}
