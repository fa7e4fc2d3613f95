// Turns --from/--until/--for/--tz into Unix seconds, with the same parser the app's form uses.
import { parseDuration, parseUserTime } from '../../shared/time/index.js';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../shared/result.js';

export interface WindowFlags {
  from?: string;
  until?: string;
  for?: string;
  tz: string;
}

export interface ParsedWindow {
  /** undefined: record from now (no StartTime is sent). */
  startTime?: number;
  endTime: number;
}

export function parseTimeFlag(flag: string, text: string, nowSeconds: number, timeZone: string): Result<number> {
  const parsed = parseUserTime(text, { nowSeconds, timeZone });
  if (parsed.ok) return ok(parsed.unix);
  return err(LocalErrorCode.InvalidInput, `${flag} ${JSON.stringify(text)}: ${parsed.message}`);
}

export function parseWindowFlags(flags: WindowFlags, nowSeconds: number): Result<ParsedWindow> {
  if (flags.until !== undefined && flags.for !== undefined) {
    return err(LocalErrorCode.InvalidInput, 'Give either --until or --for, not both.');
  }
  if (flags.until === undefined && flags.for === undefined) {
    return err(LocalErrorCode.InvalidInput, 'Say when the recording ends: --until TIME or --for DURATION.');
  }
  let startTime: number | undefined;
  if (flags.from !== undefined) {
    const from = parseTimeFlag('--from', flags.from, nowSeconds, flags.tz);
    if (!from.ok) return from;
    startTime = from.value;
  }
  if (flags.until !== undefined) {
    const until = parseTimeFlag('--until', flags.until, nowSeconds, flags.tz);
    if (!until.ok) return until;
    return ok({ ...(startTime === undefined ? {} : { startTime }), endTime: until.value });
  }
  const duration = parseDuration(flags.for ?? '');
  if (!duration.ok) return err(LocalErrorCode.InvalidInput, `--for ${JSON.stringify(flags.for)}: ${duration.message}`);
  const endTime = (startTime ?? nowSeconds) + duration.seconds;
  return ok({ ...(startTime === undefined ? {} : { startTime }), endTime });
}
