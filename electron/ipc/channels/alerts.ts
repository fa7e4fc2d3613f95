// `alerts:*`: planned tasks missed or refused and windows that recorded nothing or with gaps, until acknowledged.
import { mapOk, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';
import { groupAlerts } from '../schedule-outcomes.js';

export function alertChannels({ hooks, schedule }: ChannelContext): ChannelBodies<ChannelsOf<'alerts'>> {
  const { scheduler } = schedule;
  return {
    'alerts:list': async () => {
      const [alerts, plans] = await Promise.all([scheduler.listAlerts(), scheduler.listPlans()]);
      if (!alerts.ok) return alerts;
      return mapOk(plans, (recordings) => groupAlerts(alerts.value, recordings));
    },
    'alerts:acknowledge': async (payload) => {
      const acknowledged = await scheduler.acknowledgeAlerts('all' in payload ? 'all' : payload.recordingIds);
      if (acknowledged.ok) hooks.plansChanged();
      return mapOk(acknowledged, (links) => ({ acknowledged: links.length }));
    },
  };
}
