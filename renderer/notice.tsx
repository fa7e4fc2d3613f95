// What an action answered, shown above its view until the next one: a line of text, or the error box.
import type { AppError } from '../shared/result';
import { ErrorBox } from './error-box';

export type Notice =
  | {
      kind: 'info';
      text: string;
      /** A state the line is styled and tested by (a profile check's `ok`, `bad`, ...), as `data-status`. */
      status?: string;
    }
  | { kind: 'error'; error: AppError };

export function infoNotice(text: string, status?: string): Notice {
  return status === undefined ? { kind: 'info', text } : { kind: 'info', text, status };
}

export function errorNotice(error: AppError): Notice {
  return { kind: 'error', error };
}

interface Props {
  notice: Notice | null;
  /** The class of an info line. */
  className?: string | undefined;
  /** The `data-testid` of an info line. */
  testId?: string;
}

export function NoticeView({ notice, className, testId }: Props) {
  if (notice === null) return null;
  if (notice.kind === 'error') return <ErrorBox error={notice.error} />;
  return (
    <p role="status" className={className} data-testid={testId} data-status={notice.status}>
      {notice.text}
    </p>
  );
}
