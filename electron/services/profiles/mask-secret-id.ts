// Duplicate of shared/format/mask.ts (written in parallel by another engineer); kept here so the profile service has
// no dependency on a file still in flux. One of the two should go once both land.

/** `AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE` → `AKID****EXAMPLE`; ids too short to keep both ends are fully masked. */
export function maskSecretId(id: string): string {
  const trimmed = id.trim();
  // First 4 and last 7 characters are shown only when at least 4 more stay hidden.
  if (trimmed.length < 15) return '****';
  return `${trimmed.slice(0, 4)}****${trimmed.slice(-7)}`;
}
