// File sizes as people read them in a file manager: `1.2 GB`, `350 MB`. Decimal units (1 GB = 10^9 bytes), as VOD's
// console and its bills count storage.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** `1_234_567_890` → `1.2 GB`; one decimal under 10 of a unit, whole numbers above. */
export function humanSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  // 9.96 rounds to "10.0": show it as 10 then.
  const text = value < 9.95 ? value.toFixed(1) : String(Math.round(value));
  return `${text} ${UNITS[unit]}`;
}
