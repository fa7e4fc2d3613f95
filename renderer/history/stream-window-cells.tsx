// The first two cells of every history row, a single task or a whole recording: the stream and its window.
import { formatUnix } from '../../shared/time/format-unix';
import { useT } from '../i18n/i18n';

export interface StreamWindowProps {
  stream: string;
  domain: string;
  app: string;
  /** Unix seconds. */
  startTime: number;
  endTime: number;
  timeZone: string;
}

export function StreamWindowCells({ stream, domain, app, startTime, endTime, timeZone }: StreamWindowProps) {
  const { language } = useT();
  return (
    <>
      <span className="cell stream">
        <strong>{stream}</strong>
        <span className="hint mono">
          {domain}/{app}
        </span>
      </span>
      <span className="cell window">
        <span>{formatUnix(startTime, timeZone, language)}</span>
        <span className="hint">→ {formatUnix(endTime, timeZone, language)}</span>
      </span>
    </>
  );
}
