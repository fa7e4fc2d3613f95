// `series:*`: recurring recordings (the Shows view). Answers are rebuilt field by field, so nothing else a service
// returns crosses over.
import { unixSeconds } from '../../../shared/clock.js';
import type { SeriesSummary } from '../../../shared/ipc/series-import-types.js';
import { ok, type AppError } from '../../../shared/result.js';
import type { PlannedRecording, StoredSeries } from '../../../shared/schedule/plans.js';
import { seriesOccurrences } from '../../../shared/schedule/series-overview.js';
import type { AccountOptions } from '../../services/app-services.js';
import { accountOptions, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';

/** The series as the Shows view lists it: the stored fields (not the bookkeeping) and its occurrences' states. */
export function toSeriesSummary(
  series: StoredSeries,
  recordings: readonly PlannedRecording[],
  nowSeconds: number,
): SeriesSummary {
  return {
    id: series.id,
    name: series.name,
    stream: {
      domainName: series.stream.domainName,
      appName: series.stream.appName,
      streamName: series.stream.streamName,
    },
    daysOfWeek: [...series.daysOfWeek],
    startWallTime: series.startWallTime,
    durationSeconds: series.durationSeconds,
    timeZone: series.timeZone,
    ...(series.templateId === undefined ? {} : { templateId: series.templateId }),
    ...(series.streamType === undefined ? {} : { streamType: series.streamType }),
    ...(series.startDate === undefined ? {} : { startDate: series.startDate }),
    ...(series.endDate === undefined ? {} : { endDate: series.endDate }),
    cancelledDates: [...series.cancelledDates],
    ...(series.overrides === undefined
      ? {}
      : {
          overrides: Object.fromEntries(
            Object.entries(series.overrides).map(([date, change]) => [date, { ...change }]),
          ),
        }),
    profile: series.profile,
    region: series.region,
    createdAt: series.createdAt,
    upcoming: seriesOccurrences(series, recordings, nowSeconds),
  };
}

export function seriesChannels({ services, hooks, schedule }: ChannelContext): ChannelBodies<ChannelsOf<'series'>> {
  const { scheduler } = schedule;
  const changed = () => {
    hooks.historyChanged();
    hooks.plansChanged();
  };

  /** Creates what came within reach (as `taper series add` does), then answers the series with its occurrences. */
  async function afterChange(
    series: StoredSeries,
    options: AccountOptions | undefined,
  ): Promise<{ series: SeriesSummary; dueError: AppError | null }> {
    const due = await scheduler.runDue(options);
    changed();
    const plans = await scheduler.listPlans();
    return {
      series: toSeriesSummary(series, plans.ok ? plans.value : [], unixSeconds(services.clock)),
      dueError: due.ok ? null : due.error,
    };
  }

  return {
    'series:list': async () => {
      const [series, plans] = await Promise.all([scheduler.listSeries(), scheduler.listPlans()]);
      if (!series.ok) return series;
      const now = unixSeconds(services.clock);
      return ok(series.value.map((item) => toSeriesSummary(item, plans.ok ? plans.value : [], now)));
    },
    'series:add': async ({ series, profile }) => {
      const added = await scheduler.addSeries(series, accountOptions(profile));
      if (!added.ok) return added;
      return ok({
        ...(await afterChange(added.value.series, accountOptions(profile))),
        warnings: added.value.warnings,
      });
    },
    'series:update': async ({ id, patch, profile }) => {
      const updated = await scheduler.updateSeries(id, patch);
      if (!updated.ok) return updated;
      const { series, replanned, kept, warnings } = updated.value;
      const options = accountOptions(profile) ?? (series.profile === null ? undefined : { profile: series.profile });
      return ok({
        ...(await afterChange(series, options)),
        warnings,
        replanned,
        kept: kept.map((item) => ({
          date: item.date,
          startTime: item.startTime,
          endTime: item.endTime,
          taskIds: [...item.taskIds],
          status: item.status,
        })),
      });
    },
    'series:remove': async ({ id }) => {
      const removed = await scheduler.removeSeries(id);
      if (!removed.ok) return removed;
      hooks.plansChanged();
      return ok({ cancelledLinks: removed.value.cancelledLinks, keptTaskIds: [...removed.value.keptTaskIds] });
    },
    'series:cancel-occurrence': async ({ id, date, profile }) => {
      const cancelled = await scheduler.cancelOccurrence(id, date, accountOptions(profile));
      if (!cancelled.ok) return cancelled;
      changed();
      return ok({
        actions: cancelled.value.actions.map((action) => ({
          taskId: action.taskId,
          action: action.action,
          error: action.error,
        })),
      });
    },
    'series:edit-occurrence': async ({ id, date, patch, profile }) => {
      const edited = await scheduler.editOccurrence(id, date, patch, accountOptions(profile));
      if (!edited.ok) return edited;
      const { moved, series, occurrence, actions, events, warnings } = edited.value;
      changed();
      const plans = await scheduler.listPlans();
      const failed = events.find(
        (happened) => happened.error !== null && happened.kind !== 'created' && happened.kind !== 'adopted',
      );
      return ok({
        moved,
        series: toSeriesSummary(series, plans.ok ? plans.value : [], unixSeconds(services.clock)),
        startTime: occurrence.startTime,
        endTime: occurrence.endTime,
        actions: actions.map((action) => ({ taskId: action.taskId, action: action.action, error: action.error })),
        createdTaskIds: events.flatMap((happened) =>
          (happened.kind === 'created' || happened.kind === 'adopted') && happened.link.taskId
            ? [happened.link.taskId]
            : [],
        ),
        error: failed?.error ?? null,
        warnings,
      });
    },
  };
}
