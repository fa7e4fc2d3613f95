// `history:*`: the list (works offline), the record form's choices and one stream's entries (so that the form
// never waits for the whole history), its export to a file the user picks, and a sync with the platform.
import { historyChoices } from '../../../shared/history-choices.js';
import { ok } from '../../../shared/result.js';
import { isStream } from '../../../shared/rules/record-warnings.js';
import { CSV_FILE_BOM } from '../../services/history/history-export.js';
import type { ChannelBodies, ChannelContext, ChannelsOf } from '../channel-kit.js';

export function historyChannels({ services, hooks }: ChannelContext): ChannelBodies<ChannelsOf<'history'>> {
  return {
    'history:list': async ({ filter }) => services.history.list(filter),
    'history:choices': async () => {
      const listed = await services.history.list();
      return listed.ok ? ok(historyChoices(listed.value)) : listed;
    },
    'history:stream-entries': async ({ stream }) => {
      if (services.history.listStream) return services.history.listStream(stream);
      const listed = await services.history.list();
      if (!listed.ok) return listed;
      const ofStream = isStream(stream);
      return ok(
        listed.value.filter((entry) =>
          ofStream({ domainName: entry.domain, appName: entry.app, streamName: entry.stream }),
        ),
      );
    },
    'history:export': async ({ format }) => {
      const content = format === 'csv' ? await services.history.exportCsv() : await services.history.exportJson();
      if (!content.ok) return content;
      // Saved to a file the user opens in a spreadsheet: the BOM keeps Chinese names intact in Excel.
      return hooks.saveExport(format, format === 'csv' ? `${CSV_FILE_BOM}${content.value}` : content.value);
    },
    'history:sync': async () => {
      const report = await services.sync.run();
      if (report.ok) hooks.historyChanged();
      return report;
    },
  };
}
