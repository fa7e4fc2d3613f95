// An independent TC3-HMAC-SHA256 implementation (Tencent Cloud API signature v3), written from the public
// specification rather than taken from the SDK, so the simulator really checks what the SDK signs.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** The parts of an HTTP request that the signature covers. */
export interface CanonicalInput {
  /** Upper-case HTTP method. */
  method: string;
  /** URI path, `/` for the API. */
  path: string;
  /** The raw query string without `?` (empty for POST). */
  query: string;
  /** Signed header names (lower case) mapped to their values, in the order of SignedHeaders. */
  headers: readonly (readonly [name: string, value: string])[];
  /** The request body exactly as sent. */
  payload: string | Buffer;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** UTC date (YYYY-MM-DD) of a Unix timestamp in seconds: the date part of the credential scope. */
export function utcDate(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

export function canonicalRequest(input: CanonicalInput): string {
  const canonicalHeaders = input.headers.map(([name, value]) => `${name.toLowerCase()}:${value.trim()}\n`).join('');
  const signedHeaders = input.headers.map(([name]) => name.toLowerCase()).join(';');
  return [input.method, input.path, input.query, canonicalHeaders, signedHeaders, sha256Hex(input.payload)].join('\n');
}

export function stringToSign(timestampSeconds: number, service: string, canonical: string): string {
  const scope = `${utcDate(timestampSeconds)}/${service}/tc3_request`;
  return [TC3_ALGORITHM, String(timestampSeconds), scope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secretKey: string, date: string, service: string): Buffer {
  const kDate = hmac(`TC3${secretKey}`, date);
  const kService = hmac(kDate, service);
  return hmac(kService, 'tc3_request');
}

/** The hex signature of a request, as it appears after `Signature=` in the Authorization header. */
export function sign(secretKey: string, timestampSeconds: number, service: string, input: CanonicalInput): string {
  const key = signingKey(secretKey, utcDate(timestampSeconds), service);
  return createHmac('sha256', key)
    .update(stringToSign(timestampSeconds, service, canonicalRequest(input)))
    .digest('hex');
}

/** The parsed Authorization header. */
export interface ParsedAuthorization {
  secretId: string;
  /** Credential scope date, YYYY-MM-DD. */
  date: string;
  /** Credential scope service, `live` for this API. */
  service: string;
  /** Lower-case signed header names in order. */
  signedHeaders: string[];
  signature: string;
}

/** Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=hex`; null if malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (header === undefined) return null;
  const match =
    /^TC3-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/i.exec(
      header.trim(),
    );
  if (match === null) return null;
  const [, secretId, date, service, signedHeaders, signature] = match;
  if (
    secretId === undefined ||
    date === undefined ||
    service === undefined ||
    signedHeaders === undefined ||
    signature === undefined
  )
    return null;
  return {
    secretId,
    date,
    service,
    signedHeaders: signedHeaders.toLowerCase().split(';'),
    signature: signature.toLowerCase(),
  };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
