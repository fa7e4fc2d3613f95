// `alerts:*`: planned tasks missed or refused and windows that recorded nothing or with gaps, until acknowledged.
import { ok } from '../../../shared/result.js';
import { acknowledgeOutcomeAlerts } from '../../services/recording-files/outcome-alerts.js';
import { mapOk, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';
import { groupAlerts, outcomeAlertViews } from '../schedule-outcomes.js';

export function alertChannels({ services, hooks, schedule }: ChannelContext): ChannelBodies<ChannelsOf<'alerts'>> {
  const { scheduler } = schedule;
  return {
    'alerts:list': async () => {
      const [alerts, plans, entries] = await Promise.all([
        scheduler.listAlerts(),
        scheduler.listPlans(),
        services.history.list(),
      ]);
      if (!alerts.ok) return alerts;
      if (!entries.ok) return entries;
      return mapOk(plans, (recordings) => [
        ...groupAlerts(alerts.value, recordings),
        ...outcomeAlertViews(entries.value),
      ]);
    },
    'alerts:acknowledge': async (payload) => {
      // Outcome alerts live in the history (`outcomeDetail.acknowledgedAt`), as `taper alerts ack TASK_ID` stores them.
      const outcomeIds = 'all' in payload ? 'all' : 'outcomeIds' in payload ? payload.outcomeIds : [];
      const outcomes =
        outcomeIds === 'all' || outcomeIds.length > 0
          ? await acknowledgeOutcomeAlerts(services.history, outcomeIds, services.clock)
          : ok({ acknowledged: [], others: [] });
      if (!outcomes.ok) return outcomes;
      if (outcomes.value.acknowledged.length > 0) hooks.historyChanged();
      const recordingIds = 'all' in payload ? 'all' : 'recordingIds' in payload ? payload.recordingIds : [];
      const acknowledged =
        recordingIds === 'all' || recordingIds.length > 0 ? await scheduler.acknowledgeAlerts(recordingIds) : ok([]);
      if (acknowledged.ok) hooks.plansChanged();
      return mapOk(acknowledged, (links) => ({
        acknowledged: links.length,
        acknowledgedOutcomes: outcomes.value.acknowledged.length,
      }));
    },
  };
}
