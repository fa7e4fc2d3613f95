// One redaction pass for everything that leaves the process as text: every log line and the "Copy diagnostics"
// report. Keys must never reach a file a user attaches to a support ticket, whatever a message or a stack contains.
// The rules look for the *context* a secret sits in (a SecretKey field, an Authorization header, a URL's password),
// never for "long random-looking text": TaskIds are 54 base64-like characters and must stay readable.

/** What a removed value is replaced with. */
export const REDACTED = '***';

/** Characters a key, a token or a signature is made of, when nothing (a quote, an `&`) marks where it ends. */
const VALUE = String.raw`[^\s"'&,;#<>\\]+`;

/**
 * A named value: the name, then `=` or `:` (JSON, YAML, headers, `util.inspect`), optionally quoted, also inside an
 * escaped JSON string (`\"SecretKey\":\"…\"`), or a Map's `=>`. Names: `SecretKey` in any spelling (`secretKey`, `secret_key`,
 * `TENCENTCLOUD_SECRET_KEY`, `TmpSecretKey`), a bare `secret`, anything ending in `token` (`X-TC-Token`,
 * `SessionToken`, `token=` in a query), `password`/`passwd`, and `Signature` (`Signature=…`, `X-Amz-Signature=…`).
 */
const NAMED_VALUE = new RegExp(
  String.raw`((?:secret[_-]?key|(?<![a-z0-9])secret|token|passw(?:or)?d|signature)\\?["']?\s*(?:=>|[:=])\s*\\?["']?)(${VALUE})`,
  'gi',
);

/** `--secret-key VALUE`, `SecretKey VALUE`: a name, spaces, then something long enough to be a key or a token. */
const SPACED_VALUE = /((?:secret[_-]?key|token)\s+)([A-Za-z0-9+/=_.~%-]{16,})/gi;

/**
 * An Authorization header or field, TC3 (`TC3-HMAC-SHA256 Credential=AKID…/…, SignedHeaders=…, Signature=…`) or
 * Bearer: its whole value to the end of the line or the closing quote. Not `InvalidAuthorization:` (an error code).
 */
const AUTHORIZATION = /((?<![a-z0-9])authorization\\?["']?\s*(?:=>|[:=])\s*\\?["']?)([^\r\n"'\\]+)/gi;

/** `Bearer <token>` wherever it appears. */
const BEARER = /(\bbearer\s+)([^\s"',;]+)/gi;

/** `scheme://user:password@host` → `scheme://user:***@host`. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)([^\s/@]+)(@)/gi;

/** A SecretId: `AKID` and letters or digits. Not secret, but kept short so a log does not carry it whole. */
const SECRET_ID = /AKID([A-Za-z0-9]{16,})/g;

/** Keeps what names the value and replaces the value. */
const keepName = (_match: string, name: string): string => `${name}${REDACTED}`;

/**
 * `text` with every secret replaced by `***` and every SecretId shortened to `AKID…` and its last 4 characters.
 * Idempotent; ordinary text (stream names, TaskIds, RequestIds, paths) comes out unchanged.
 */
export function redact(text: string): string {
  return text
    .replace(AUTHORIZATION, keepName)
    .replace(BEARER, keepName)
    .replace(URL_PASSWORD, (_match, before: string, _password: string, at: string) => `${before}${REDACTED}${at}`)
    .replace(NAMED_VALUE, keepName)
    .replace(SPACED_VALUE, keepName)
    .replace(SECRET_ID, (_match, rest: string) => `AKID…${rest.slice(-4)}`);
}
