// A window that ended with `nothing` or `partial` is an alert, as a missed link is: `taper sync` and `taper alerts`
// print it (stdout, naming the stream) and end with 6 until `taper alerts ack TASK_ID` (or --all) acknowledges it.
// Which entries are open alerts, and acknowledging them, is services/recording-files/outcome-alerts.ts (the app's too).
import { formatUnix } from '../../../shared/time/index.js';
import type { OutcomeAlert } from '../../services/recording-files/outcome-alerts.js';
import type { CliIo } from '../cli-io.js';

/** `ALERT [nothing]: evening-show (live · push.example.com) task T (… → …): No file: … (taper alerts ack T)` */
export function outcomeAlertLine(alert: OutcomeAlert): string {
  const id = alert.taskId ?? alert.id;
  return (
    `ALERT [${alert.outcome}]: ${alert.stream} (${alert.app} · ${alert.domain}) task ${id} ` +
    `(${formatUnix(alert.startTime, 'UTC')} → ${formatUnix(alert.endTime, 'UTC')}): ${alert.reason ?? (alert.outcome === 'nothing' ? 'nothing was recorded.' : 'the recording has gaps.')} ` +
    `(taper alerts ack ${id})\n`
  );
}

export function printOutcomeAlert(io: CliIo, alert: OutcomeAlert): void {
  io.stdout(outcomeAlertLine(alert));
}
