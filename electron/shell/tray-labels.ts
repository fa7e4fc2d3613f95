// The tray's labels: the words from the main-side dictionary (main-text.ts), times shown in the operator's zone, with
// the date when the task is not today.
import type { Language } from '../../shared/errors/catalog.js';
import { mainText, type MainTextSource } from './main-text.js';
import type { TrayLabels } from './tray-menu.js';

function spanMinutes(seconds: number): number {
  // Round up: "0 min left" while still recording would be wrong.
  return Math.max(1, Math.ceil(seconds / 60));
}

function clock(timeZone: string, language: Language, nowSeconds: () => number) {
  const time = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(language, {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (unix: number) => {
    const sameDay = day.format(unix * 1000) === day.format(nowSeconds() * 1000);
    return (sameDay ? time : dateTime).format(unix * 1000);
  };
}

/** The tray's labels: the dictionary's words (MAIN_TEXT unless given) with times in `timeZone`. */
export function trayLabels(
  language: Language,
  timeZone: string,
  nowSeconds: () => number,
  text: MainTextSource = mainText,
): TrayLabels {
  const at = clock(timeZone, language, nowSeconds);
  const { hourUnit, minuteUnit, timeLeft, startsAt, ...words } = text(language).tray;
  const span = (seconds: number) => {
    const minutes = spanMinutes(seconds);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return hours === 0
      ? `${rest} ${minuteUnit}`
      : rest === 0
        ? `${hours} ${hourUnit}`
        : `${hours} ${hourUnit} ${rest} ${minuteUnit}`;
  };
  return { ...words, timeLeft: (seconds) => timeLeft(span(seconds)), startsAt: (unix) => startsAt(at(unix)) };
}
