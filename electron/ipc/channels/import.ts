// `import:*`: bulk import of a CSV file (read in the page, parsed and run by main, paced at the API's rate), with one
// progress push per row and the last report kept on disk.
import { unixSeconds } from '../../../shared/clock.js';
import { ok } from '../../../shared/result.js';
import { previewImport, runImport } from '../../services/schedule/import-run.js';
import { accountOptions, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';

export function importChannels({
  services,
  hooks,
  schedule,
  imports,
}: ChannelContext): ChannelBodies<ChannelsOf<'import'>> {
  const changed = () => {
    hooks.historyChanged();
    hooks.plansChanged();
  };
  return {
    'import:preview': async (file) => ok(previewImport(file, unixSeconds(services.clock))),
    'import:run': async ({ csv, timeZone, skipInvalid, profile }) => {
      const options = accountOptions(profile);
      const report = await imports.run((track) =>
        runImport(services, schedule.plans, {
          csv,
          timeZone,
          skipInvalid,
          ...(options ? { record: options } : {}),
          onStart: (total) => track({ done: 0, total, created: 0, unknown: 0, failed: 0 }),
          onProgress: (progress) => {
            track(progress);
            hooks.importProgress(progress);
          },
        }),
      );
      if (report.ok) changed();
      return report;
    },
    'import:status': async () => ok(await imports.status()),
  };
}
