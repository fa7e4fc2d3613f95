// The one way an alert (a planned link missed or refused) is printed, by `taper sync`, `series add` and `alerts`.
import type { PlannedLink, PlannedRecording } from '../../../shared/schedule/plans.js';
import { formatUnix } from '../../../shared/time/index.js';
import type { CliIo } from '../cli-io.js';

/** An alert with the stream it was for (`taper alerts --json`, `taper sync --json`): the link's fields, and these. */
export interface NamedAlert extends PlannedLink {
  /** Push domain (DomainName); null only when the recording is no longer in the plans read. */
  domain: string | null;
  /** Push path (AppName); null as `domain`. */
  app: string | null;
  /** StreamName; null as `domain`. */
  stream: string | null;
}

/** Adds each alert's stream from its recording (links do not carry it). */
export function nameAlerts(links: readonly PlannedLink[], recordings: readonly PlannedRecording[]): NamedAlert[] {
  const byId = new Map(recordings.map((recording) => [recording.recordingId, recording.stream]));
  return links.map((link) => {
    const stream = byId.get(link.recordingId);
    return {
      ...link,
      domain: stream?.domainName ?? null,
      app: stream?.appName ?? null,
      stream: stream?.streamName ?? null,
    };
  });
}

/**
 * One alert as text, e.g. `ALERT [Taper.Schedule.Missed]: recording R: evening-show (live · 5000.livepush.myqcloud.com)
 * link 1 (… → …) was missed: … (taper alerts ack R)`.
 */
export function alertLine(alert: NamedAlert): string {
  const named = alert.stream === null ? '' : `: ${alert.stream} (${alert.app ?? '?'} · ${alert.domain ?? '?'})`;
  return (
    `ALERT [${alert.error?.code ?? alert.status}]: recording ${alert.recordingId}${named} link ${alert.index + 1} ` +
    `(${formatUnix(alert.startTime, 'UTC')} → ${formatUnix(alert.endTime, 'UTC')}) was ${alert.status}: ${alert.error?.message ?? ''} ` +
    `(taper alerts ack ${alert.recordingId})\n`
  );
}

/** Alerts are the command's result, not a diagnostic: stdout, so `taper sync | mail` carries them. */
export function printAlert(io: CliIo, alert: NamedAlert): void {
  io.stdout(alertLine(alert));
}
