// A window longer than the API's 24 h becomes a chain of consecutive links: link i+1 starts exactly where link i
// ends (no second unrecorded, none recorded twice), each at most MAX_WINDOW_SECONDS long.
import type { Warning } from '../domain.js';
import { MAX_WINDOW_SECONDS, MIN_USEFUL_WINDOW_SECONDS } from '../rules/limits.js';

/** One link of a chain: the window of one CreateRecordTask. */
export interface WindowLink {
  /** Position in the chain, from 0. */
  index: number;
  /** Unix seconds, inclusive. */
  startTime: number;
  /** Unix seconds; the next link starts here. */
  endTime: number;
}

/** The links of a window, and what the user should know about how it was cut. */
export interface SplitWindow {
  /** Consecutive links covering exactly [startTime, endTime); empty when endTime <= startTime. */
  links: WindowLink[];
  /** `Chain.Rebalanced` when an uselessly short last link was avoided by cutting evenly. */
  warnings: Warning[];
}

/** Upper bound on links in one chain (a year of 24 h links): a typo of 10 years must not make 3,650 tasks. */
export const MAX_CHAIN_LINKS = 366;

/** Whether [startTime, endTime) needs more links than one recording may have (one per started day). */
export const chainTooLong = (startTime: number, endTime: number): boolean =>
  Math.ceil((endTime - startTime) / 86_400) > MAX_CHAIN_LINKS;

/** What the scheduler and the form say about such a window. */
export const CHAIN_TOO_LONG_MESSAGE = `A recording may last at most ${MAX_CHAIN_LINKS} days (one task per day).`;

/**
 * Cuts [startTime, endTime) into links of at most `maxSeconds` (default 24 h). Full-length links first and a short
 * last one, unless that last one would be shorter than MIN_USEFUL_WINDOW_SECONDS (a push under 10 s yields no file):
 * then the whole window is cut into the same number of links of (almost) equal length, which are all long enough.
 */
export function splitWindow(startTime: number, endTime: number, maxSeconds: number = MAX_WINDOW_SECONDS): SplitWindow {
  const total = endTime - startTime;
  if (!Number.isSafeInteger(startTime) || !Number.isSafeInteger(endTime) || total <= 0 || maxSeconds <= 0) {
    return { links: [], warnings: [] };
  }
  const count = Math.ceil(total / maxSeconds);
  const last = total - (count - 1) * maxSeconds;
  if (count === 1 || last >= MIN_USEFUL_WINDOW_SECONDS) {
    const links = Array.from({ length: count }, (_, index) => ({
      index,
      startTime: startTime + index * maxSeconds,
      endTime: Math.min(endTime, startTime + (index + 1) * maxSeconds),
    }));
    return { links, warnings: [] };
  }
  // total > (count - 1) * max, so an even share is > max/2 for count >= 2 and never above max.
  const base = Math.floor(total / count);
  const remainder = total - base * count;
  const links: WindowLink[] = [];
  let cursor = startTime;
  for (let index = 0; index < count; index += 1) {
    const length = base + (index < remainder ? 1 : 0);
    links.push({ index, startTime: cursor, endTime: cursor + length });
    cursor += length;
  }
  return {
    links,
    warnings: [
      {
        code: 'Chain.Rebalanced',
        message: `The last ${maxSeconds}-second link would have lasted only ${last} s (a push under ${MIN_USEFUL_WINDOW_SECONDS} s records nothing), so the window was cut into ${count} links of about ${base} s each.`,
      },
    ],
  };
}
