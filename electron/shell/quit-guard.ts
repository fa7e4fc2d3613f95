// Quitting while an import is sending rows stops it: the rows not sent yet are never created. The operator is asked
// first (the tray's Quit is one click away from a 200-row import), in the app's language (main-text.ts).
import type { Language } from '../../shared/errors/catalog.js';
import type { ImportProgress } from '../../shared/ipc/series-import-types.js';
import { mainText, type MainTextSource } from './main-text.js';

export interface QuitQuestion {
  message: string;
  detail: string;
  /** [keep the app running, quit anyway]: the first is the default and what Escape chooses. */
  buttons: [string, string];
}

/** The question to ask before quitting, or null when nothing would be lost. */
export function quitQuestion(
  running: ImportProgress | null,
  language: Language,
  text: MainTextSource = mainText,
): QuitQuestion | null {
  if (running === null) return null;
  const left = Math.max(0, running.total - running.done);
  const words = text(language).quit;
  return {
    message: words.message(running.done, running.total),
    detail: words.detail(left),
    buttons: [words.keepRunning, words.quitAnyway],
  };
}
