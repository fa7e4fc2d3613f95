// A SecretId is not a secret, but shown in full it invites copying it around; the UI and the CLI show it masked.

/** Characters kept at the start (the `AKID` prefix) and at the end (enough to tell keys apart). */
const KEEP_START = 4;
const KEEP_END = 7;

/** `AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE` → `AKID****EXAMPLE`; ids too short to keep both ends are fully masked. */
export function maskSecretId(id: string): string {
  const trimmed = typeof id === 'string' ? id.trim() : '';
  // Keep the ends only if at least as many characters stay hidden as are shown at the start.
  if (trimmed.length < KEEP_START + KEEP_END + KEEP_START) return '****';
  return `${trimmed.slice(0, KEEP_START)}****${trimmed.slice(-KEEP_END)}`;
}
