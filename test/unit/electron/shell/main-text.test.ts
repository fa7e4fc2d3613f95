import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/errors/catalog.js';
import { MAIN_TEXT, mainText, shellText, type MainText } from '../../../../electron/shell/main-text.js';
import { Notifier, type NotificationContent } from '../../../../electron/shell/notifier.js';
import { quitQuestion } from '../../../../electron/shell/quit-guard.js';
import { trayLabels } from '../../../../electron/shell/tray-labels.js';

/** The dictionary with every string and every function's answer marked, to see which words a consumer used. */
function marked(language: Language): MainText {
  const mark = <T extends object>(part: T): T =>
    Object.fromEntries(
      Object.entries(part).map(([key, value]) => [
        key,
        typeof value === 'function'
          ? (...args: unknown[]) => `[${String((value as (...a: unknown[]) => unknown)(...args))}]`
          : `[${String(value)}]`,
      ]),
    ) as T;
  const text = MAIN_TEXT[language];
  return {
    shell: mark(text.shell),
    tray: { ...mark(text.tray), hourUnit: text.tray.hourUnit, minuteUnit: text.tray.minuteUnit },
    notifications: mark(text.notifications),
    quit: mark(text.quit),
  };
}

describe('main-side text', () => {
  it('has the same parts and keys in every language', () => {
    const shape = (text: MainText) =>
      Object.fromEntries(Object.entries(text).map(([part, words]) => [part, Object.keys(words).sort()]));
    expect(shape(MAIN_TEXT['zh-CN'])).toEqual(shape(MAIN_TEXT.en));
    expect(mainText('zh-CN')).toBe(MAIN_TEXT['zh-CN']);
    expect(shellText('en')).toBe(MAIN_TEXT.en.shell);
  });

  it('is what the tray, the quit guard and the notifier say when given as their dictionary', () => {
    const labels = trayLabels('en', 'UTC', () => 0, marked);
    expect(labels.quit).toBe('[Quit]');
    expect(labels.links(2)).toBe('[2 links]');
    expect(labels.timeLeft(65 * 60)).toBe('[1 h 5 min left]');
    expect(trayLabels('zh-CN', 'UTC', () => 0, marked).timeLeft(30 * 60)).toBe('[剩余 30 分钟]');

    expect(quitQuestion({ done: 1, total: 3, created: 1, unknown: 0, failed: 0 }, 'en', marked)?.buttons).toEqual([
      '[Keep importing]',
      '[Quit anyway]',
    ]);

    const shown: NotificationContent[] = [];
    const notifier = new Notifier({
      notify: (content) => shown.push(content),
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
      clock: () => 0,
      language: () => 'zh-CN',
      text: marked,
    });
    notifier.callFailed({ code: 'Taper.Network', message: 'down' });
    expect(shown[0]?.title).toBe('[Taper：调用失败]');
  });
});
