// Dates of a show in Asia/Shanghai relative to today, as the series CLI tests need them.
import { Temporal } from 'temporal-polyfill';

export const ZONE = 'Asia/Shanghai';
const DAY_NAMES = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The date `days` from today in the show's zone, and its weekday as `taper` reads it. */
export function dayAhead(days: number): { date: string; name: string } {
  const date = Temporal.Now.plainDateISO(ZONE).add({ days });
  return { date: date.toString(), name: DAY_NAMES[date.dayOfWeek] as string };
}

/** Unix seconds of `time` on `date` in the show's zone. */
export const noonAt = (date: string, time = '12:00'): number =>
  Math.floor(Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(ZONE).epochMilliseconds / 1000);
