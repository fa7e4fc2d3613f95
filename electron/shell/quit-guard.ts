// Quitting while an import is sending rows stops it: the rows not sent yet are never created. The operator is asked
// first (the tray's Quit is one click away from a 200-row import), in the app's language.
import type { Language } from '../../shared/errors/catalog.js';
import type { ImportProgress } from '../../shared/ipc/series-import-types.js';

export interface QuitQuestion {
  message: string;
  detail: string;
  /** [keep the app running, quit anyway]: the first is the default and what Escape chooses. */
  buttons: [string, string];
}

/** The question to ask before quitting, or null when nothing would be lost. */
export function quitQuestion(running: ImportProgress | null, language: Language): QuitQuestion | null {
  if (running === null) return null;
  const left = Math.max(0, running.total - running.done);
  if (language === 'zh-CN') {
    return {
      message: `正在导入（${running.done}/${running.total}）。现在退出会停止导入。`,
      detail: `还有 ${left} 行尚未发送，退出后不会创建。已创建的任务不受影响，并保留在历史中。`,
      buttons: ['继续导入', '仍然退出'],
    };
  }
  return {
    message: `An import is running (${running.done}/${running.total}). Quitting now stops it.`,
    detail: `${left} row(s) not sent yet would not be created. Tasks already created are not affected and stay in the history.`,
    buttons: ['Keep importing', 'Quit anyway'],
  };
}
