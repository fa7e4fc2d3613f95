// Where the app suite leaves what a person should look at: window screenshots and the tray menu as text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunningApp } from './app-harness.js';

export const APP_SCREENSHOTS = resolve('test/artifacts/screenshots/app');
export const TRAY_DUMPS = resolve('test/artifacts/tray');
mkdirSync(APP_SCREENSHOTS, { recursive: true });
mkdirSync(TRAY_DUMPS, { recursive: true });

/** `test/artifacts/tray/<name>.txt`: the tooltip, then the menu as a user reads it. */
export function saveTrayDump(name: string, app: RunningApp): string {
  const text = [
    `tooltip: ${String(app.last('tray-tooltip')?.['text'] ?? '')}`,
    `icon: ${String(app.last('tray-image')?.['image'] ?? app.last('tray-created')?.['image'] ?? '')}`,
    '',
    ...app.trayMenu(),
    '',
  ].join('\n');
  const file = join(TRAY_DUMPS, `${name}.txt`);
  writeFileSync(file, text);
  return file;
}
