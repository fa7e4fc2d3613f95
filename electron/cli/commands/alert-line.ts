// The one way an alert (a planned link missed or refused) is printed, by `taper sync`, `series add` and `alerts`.
import type { PlannedLink } from '../../../shared/schedule/plans.js';
import { formatUnix } from '../../../shared/time/index.js';
import type { CliIo } from '../cli-io.js';

/** One alert as `taper sync` and `taper alerts` print it (stderr), with the command that silences it. */
export function printAlert(io: CliIo, link: PlannedLink): void {
  io.stderr(
    `ALERT [${link.error?.code ?? link.status}]: recording ${link.recordingId} link ${link.index + 1} ` +
      `(${formatUnix(link.startTime, 'UTC')} → ${formatUnix(link.endTime, 'UTC')}) was ${link.status}: ${link.error?.message ?? ''} ` +
      `(taper alerts ack ${link.recordingId})\n`,
  );
}
