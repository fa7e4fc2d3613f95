// Temporal for the renderer: Chromium ships it natively (Electron's and the test browser's both do), so the 55 KB
// polyfill is fetched only where it is missing instead of being parsed before the record form can be used. The build
// points every `temporal-polyfill` import of the renderer here (vite.config.ts); shared/ code is unchanged.
import type { Temporal as PolyfilledTemporal } from 'temporal-polyfill';

type TemporalApi = typeof PolyfilledTemporal;

const native = (globalThis as { Temporal?: TemporalApi }).Temporal;

export const Temporal: TemporalApi = native ?? (await import('temporal-polyfill')).Temporal;
