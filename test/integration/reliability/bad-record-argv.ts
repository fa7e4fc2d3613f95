// Generated bad `taper record` invocations. Each corruption breaks exactly one field group in a way that no other
// corruption can repair, so every generated argv is invalid input however the corruptions combine.
import fc from 'fast-check';

const VALID = { domain: 'push.example.com', app: 'live', stream: 'prop-stream', for: '1h' };

/** Text that is never a valid name: starts with a non-ASCII or separator character (no NUL: argv cannot carry it). */
const nonAsciiText = fc
  .tuple(
    fc.constantFrom('é', '直播', '🎥', ' ', '/', '%', 'ｓ', '\u200b'),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  )
  .map(([head, tail]) => `${head}${tail}`.replaceAll('\u0000', ''));
const huge = (min: number) => fc.integer({ min, max: 20_000 }).map((length) => 'a'.repeat(length));

const badDomain = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('rtmp', 'http', 'https', 'srt', 'webrtc'),
      fc.constantFrom('push.example.com', '5000.livepush.myqcloud.com'),
    )
    .map(([scheme, host]) => `${scheme}://${host}/live`),
  fc.constantFrom(
    '',
    ' ',
    'push.example.com/live',
    'push..example.com',
    '-push.example.com',
    'push_example.com',
    'push.example.com:1935',
  ),
  nonAsciiText,
  huge(254).map((text) => `${text}.com`),
);
const badPathName = fc.oneof(
  fc.constantFrom('', '   ', 'a b', 'a//b', '/lead', 'trail/', 'a?b', 'a#b'),
  nonAsciiText,
  huge(129),
);
const badStream = fc.oneof(fc.constantFrom('', ' ', 'a/b', 'a b', 'show?x=1'), nonAsciiText, huge(129));
const badTime = fc.oneof(
  fc.constantFrom(
    'tomorrow-ish',
    '25:99',
    '2026-13-45T00:00',
    '2026-02-30 10:00',
    '+-5m',
    '++1h',
    '1h',
    'now+1h',
    '',
    ' ',
    '9'.repeat(30),
  ),
  nonAsciiText,
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => `x${text}`.replaceAll('\u0000', '')),
);
const badDuration = fc.oneof(
  fc.constantFrom('0m', '0s', '-5m', '25h', '2d', '90', '1.5h', '1h1h', '30m1h', 'abc', '', ' ', `${'9'.repeat(30)}h`),
  fc.integer({ min: 86_401, max: 10_000_000 }).map((seconds) => `${seconds}s`),
  nonAsciiText,
);
const badTemplate = fc.oneof(
  fc.constantFrom('-1', '1.5', 'abc', '', ' ', '1e3', '0x10', '99999999999999999999'),
  fc.integer({ max: -1 }).map(String),
  nonAsciiText,
);

/** How the end of the window is broken: both flags, none, an unreadable one, or an end in the past / too far ahead. */
const badEnd = fc.oneof(
  fc.constant({ until: '+2h', for: '1h' }),
  fc.constant({}),
  badTime.map((until) => ({ until })),
  badDuration.map((duration) => ({ for: duration })),
  fc.integer({ min: 1, max: 48 }).map((hours) => ({ until: `-${hours}h` })),
  fc.integer({ min: 8, max: 300 }).map((days) => ({ until: `+${days}d` })),
);
/** A start that is unreadable or more than 6 days ahead. */
const badFrom = fc.oneof(
  badTime,
  fc.integer({ min: 7, max: 300 }).map((days) => `+${days}d`),
);

export interface BadRecord {
  argv: string[];
  /** Which groups were corrupted (for failure messages). */
  corrupted: string[];
}

type Group = 'domain' | 'app' | 'stream' | 'from' | 'end' | 'template' | 'missingFlag' | 'unknownFlag' | 'tz';

export const badRecordInvocation: fc.Arbitrary<BadRecord> = fc
  .record(
    {
      domain: badDomain,
      app: badPathName,
      stream: badStream,
      from: badFrom,
      end: badEnd,
      template: badTemplate,
      missingFlag: fc.constantFrom('--domain', '--app', '--stream'),
      unknownFlag: fc.constantFrom('--bogus', '--start', '--duration', '--secret-key', '-x'),
      tz: fc.constantFrom('Mars/Olympus_Mons', 'UTC+25', 'Not a zone', '直播/时区'),
    },
    { requiredKeys: [] },
  )
  .filter((corruption) => Object.keys(corruption).length > 0)
  .map((corruption) => {
    const flags: Record<string, string | undefined> = { ...VALID };
    if (corruption.domain !== undefined) flags.domain = corruption.domain;
    if (corruption.app !== undefined) flags.app = corruption.app;
    if (corruption.stream !== undefined) flags.stream = corruption.stream;
    if (corruption.end !== undefined) {
      delete flags.for;
      Object.assign(flags, corruption.end);
    }
    if (corruption.from !== undefined) flags.from = corruption.from;
    if (corruption.template !== undefined) flags.template = corruption.template;
    // A bad zone only matters for a wall time: give one, so the zone is actually read.
    if (corruption.tz !== undefined) {
      flags.tz = corruption.tz;
      flags.from ??= '23:30';
    }
    if (corruption.missingFlag !== undefined) delete flags[corruption.missingFlag.slice(2)];
    // `--flag=value` keeps values that start with '-' (e.g. a negative template) attached to their flag.
    const argv = [
      'record',
      ...Object.entries(flags).flatMap(([name, value]) => (value === undefined ? [] : [`--${name}=${value}`])),
    ];
    if (corruption.unknownFlag !== undefined) argv.push(corruption.unknownFlag);
    argv.push('--json');
    return { argv, corrupted: Object.keys(corruption) as Group[] };
  });
