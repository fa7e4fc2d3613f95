// `history:*`: the list (works offline), its export to a file the user picks, and a sync with the platform.
import { CSV_FILE_BOM } from '../../services/history/history-export.js';
import type { ChannelBodies, ChannelContext, ChannelsOf } from '../channel-kit.js';

export function historyChannels({ services, hooks }: ChannelContext): ChannelBodies<ChannelsOf<'history'>> {
  return {
    'history:list': async ({ filter }) => services.history.list(filter),
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
