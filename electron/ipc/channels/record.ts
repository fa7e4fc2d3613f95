// `record:*`: the record form. A window within one task's reach is one CreateRecordTask; a longer or far-ahead one is
// a recording of several links, made by the scheduler (the routing: services/schedule/record-routing.ts).
import { ok } from '../../../shared/result.js';
import { normalizeRecordRequest } from '../../../shared/rules/validate-record.js';
import { recordRouted } from '../../services/schedule/record-routing.js';
import { mapOk, accountOptions, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';
import { toChainOutcome } from '../schedule-outcomes.js';

export function recordChannels({ services, hooks, schedule }: ChannelContext): ChannelBodies<ChannelsOf<'record'>> {
  const { scheduler } = schedule;
  const routing = { clock: services.clock, recorder: services.recorder, scheduler: () => scheduler };
  return {
    'record:preview': async ({ request }) => ok(await services.recorder.preview(request)),
    'record:create': async ({ request, profile }) => {
      const routed = await recordRouted(routing, request, accountOptions(profile));
      if (routed.kind === 'chain') {
        // Over 24 h or beyond the 6-day reach: one recording of several links, the later ones planned.
        const { recorded } = routed;
        hooks.historyChanged();
        hooks.plansChanged();
        const first = recorded.ok ? recorded.value.created[0] : undefined;
        if (!recorded.ok) hooks.recordAttempted(recorded);
        else if (first !== undefined) hooks.recordAttempted(ok({ entry: first }));
        const stream = normalizeRecordRequest(request);
        return mapOk(recorded, (scheduled) => toChainOutcome(scheduled, stream));
      }
      const { outcome } = routed;
      // Failed and unknown attempts are in the history too.
      hooks.historyChanged();
      hooks.recordAttempted(outcome);
      return outcome;
    },
  };
}
