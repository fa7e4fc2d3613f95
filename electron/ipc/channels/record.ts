// `record:*`: the record form. A window within one task's reach is one CreateRecordTask; a longer or far-ahead one is
// a recording of several links, made by the scheduler.
import { unixSeconds } from '../../../shared/clock.js';
import { ok } from '../../../shared/result.js';
import { normalizeRecordRequest } from '../../../shared/rules/validate-record.js';
import { beyondOneTask } from '../../../shared/schedule/chain-preview.js';
import { mapOk, accountOptions, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';
import { toChainOutcome } from '../schedule-outcomes.js';

export function recordChannels({ services, hooks, schedule }: ChannelContext): ChannelBodies<ChannelsOf<'record'>> {
  const { scheduler } = schedule;
  return {
    'record:preview': async ({ request }) => ok(await services.recorder.preview(request)),
    'record:create': async ({ request, profile }) => {
      const now = unixSeconds(services.clock);
      if (beyondOneTask({ startTime: request.startTime ?? now, endTime: request.endTime }, now)) {
        // Over 24 h or beyond the 6-day reach: one recording of several links, the later ones planned.
        const recorded = await scheduler.record(request, accountOptions(profile));
        hooks.historyChanged();
        hooks.plansChanged();
        const first = recorded.ok ? recorded.value.created[0] : undefined;
        if (!recorded.ok) hooks.recordAttempted(recorded);
        else if (first !== undefined) hooks.recordAttempted(ok({ entry: first }));
        const stream = normalizeRecordRequest(request);
        return mapOk(recorded, (scheduled) => toChainOutcome(scheduled, stream));
      }
      const outcome = await services.recorder.record(request, accountOptions(profile));
      // Failed and unknown attempts are in the history too.
      hooks.historyChanged();
      hooks.recordAttempted(outcome);
      return outcome;
    },
  };
}
