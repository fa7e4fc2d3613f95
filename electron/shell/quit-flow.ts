// What happens on `before-quit`: while an import runs, the user is asked first (and may stay); once a quit goes ahead,
// the background work stops and the tray goes away.
import type { Language } from '../../shared/errors/catalog.js';
import type { ImportProgress } from '../../shared/ipc/series-import-types.js';
import type { QuitDialogOptions } from './app-ports.js';
import { quitQuestion } from './quit-guard.js';

export interface QuitFlowDeps {
  runningImport(): ImportProgress | null;
  language(): Language;
  /** Asks the question; answers the button's index (0: stay). */
  ask(options: QuitDialogOptions): number;
  /** The quit goes ahead: stop timers, watchers and the tray. */
  teardown(): void;
}

export function beforeQuitHandler(deps: QuitFlowDeps): (event: { preventDefault(): void }) => void {
  return (event) => {
    const question = quitQuestion(deps.runningImport(), deps.language());
    if (question !== null) {
      const choice = deps.ask({
        type: 'warning',
        message: question.message,
        detail: question.detail,
        buttons: question.buttons,
        defaultId: 0,
        cancelId: 0,
      });
      if (choice === 0) {
        event.preventDefault();
        return;
      }
    }
    deps.teardown();
  };
}
