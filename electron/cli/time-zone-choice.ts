// The zone a CLI command reads and shows wall times in: `--tz`, else the environment's. Never a silent UTC: a zone
// Taper cannot follow exactly is an error that says what to set, before anything is sent. TZ takes the forms the C
// library reads: an IANA name (`Asia/Shanghai`, also `:Asia/Shanghai`), a zoneinfo file (`:/etc/localtime`), a POSIX
// rule (`CST-8`, `EST5EDT`), or empty (UTC, as POSIX defines it).
import { realpathSync } from 'node:fs';
import { LocalErrorCode } from '../../shared/errors/local-codes.js';
import { err, ok, type Result } from '../../shared/result.js';
import { canonicalTimeZone, systemTimeZone } from '../../shared/time/index.js';

const IANA_EXAMPLE = 'an IANA name such as Asia/Shanghai or Europe/Berlin';

/** A POSIX rule without daylight saving: a name of 3+ letters (or <+08>) and an offset west of UTC, e.g. `CST-8`. */
const FIXED_POSIX_RULE = /^(?:[A-Za-z]{3,}|<[+-]?[A-Za-z0-9]+>)([+-]?)(\d{1,2})(?::(\d{2}))?$/;

export function chooseTimeZone(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Result<string> {
  if (flag !== undefined) {
    const zone = canonicalTimeZone(flag.trim());
    return zone === undefined
      ? err(
          LocalErrorCode.InvalidInput,
          `--tz ${JSON.stringify(flag)} is not a time zone Taper knows: use ${IANA_EXAMPLE}.`,
        )
      : ok(zone);
  }
  const tz = env['TZ'];
  // Unset: the system's zone (/etc/localtime on Linux, the OS setting elsewhere), as Intl reads it.
  if (tz === undefined) return ok(systemTimeZone());
  return zoneFromTz(tz);
}

function zoneFromTz(tz: string): Result<string> {
  const spec = tz.startsWith(':') ? tz.slice(1) : tz;
  if (spec.trim() === '') return ok('UTC');
  const named = canonicalTimeZone(spec);
  if (named !== undefined) return ok(named);
  if (spec.startsWith('/')) return zoneOfFile(tz, spec);
  const fixed = FIXED_POSIX_RULE.exec(spec);
  if (fixed !== null) {
    // POSIX offsets count west of UTC: CST-8 is 8 hours east, +08:00.
    const [, sign, hours = '0', minutes = '00'] = fixed;
    if (Number(hours) <= 24 && Number(minutes) < 60)
      return ok(`${sign === '-' ? '+' : '-'}${hours.padStart(2, '0')}:${minutes}`);
  }
  return err(
    LocalErrorCode.InvalidInput,
    `TZ=${JSON.stringify(tz)} is not a zone Taper can follow exactly (a POSIX rule with daylight saving, or an unknown name): set TZ to ${IANA_EXAMPLE}, or pass --tz.`,
  );
}

/** `:/etc/localtime` and other zoneinfo files: the zone is the file's name under a zoneinfo folder. */
function zoneOfFile(tz: string, path: string): Result<string> {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return err(
      LocalErrorCode.InvalidInput,
      `TZ=${JSON.stringify(tz)} names a file that cannot be read: set TZ to ${IANA_EXAMPLE}, or pass --tz.`,
    );
  }
  const name = /\/zoneinfo\/(?:posix\/|right\/)?(.+)$/.exec(real)?.[1];
  const zone = name === undefined ? undefined : canonicalTimeZone(name);
  return zone === undefined
    ? err(
        LocalErrorCode.InvalidInput,
        `TZ=${JSON.stringify(tz)} is a zone file Taper cannot name (${real}): set TZ to ${IANA_EXAMPLE}, or pass --tz.`,
      )
    : ok(zone);
}
