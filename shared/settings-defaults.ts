// The app's settings before anything is stored: one value for main (what it stores and answers) and the renderer (what
// it shows until main has answered), so the two can never disagree.
import type { Settings } from './ipc/types.js';

export const DEFAULT_SETTINGS: Settings = {
  language: 'en',
  theme: 'system',
  launchAtLogin: false,
  defaultTimeZone: null,
  showTimeZone: null,
};
