// What a recording beyond one task's reach becomes before anything is sent: the links of its chain, which of them are
// created at once and when the others will be. The form's live preview and main's routing of `record:create` use the
// same rule, so what the user sees is what the scheduler does.
import type { Warning } from '../domain.js';
import { MAX_END_AHEAD_SECONDS, MAX_START_AHEAD_SECONDS, MAX_WINDOW_SECONDS } from '../rules/limits.js';
import { withinReach } from './plans.js';
import { chainTooLong, splitWindow } from './split-window.js';

/**
 * Whether one CreateRecordTask cannot take this window now: longer than 24 h, or not within reach (starts more than
 * 6 days ahead, or ends 7 days ahead or later). Such a window goes to the scheduler; any other keeps the one-task path.
 */
export function beyondOneTask(window: { startTime: number; endTime: number }, nowSeconds: number): boolean {
  return window.endTime - window.startTime > MAX_WINDOW_SECONDS || !withinReach(window, nowSeconds);
}

/** The first instant (Unix seconds) at which a link is within reach, i.e. when Taper creates its task. */
export function linkCreatableAt(link: { startTime: number; endTime: number }): number {
  // withinReach: start <= now + 6 d and end < now + 7 d.
  return Math.max(link.startTime - MAX_START_AHEAD_SECONDS, link.endTime - MAX_END_AHEAD_SECONDS + 1);
}

/** One link of a previewed chain. */
export interface PreviewLink {
  /** Position in the chain, from 0. */
  index: number;
  /** Unix seconds. */
  startTime: number;
  endTime: number;
  /** Unix seconds when its task will be created; null: right away (within reach now). */
  createAt: number | null;
}

export interface ChainPreview {
  links: PreviewLink[];
  /** `Chain.Rebalanced` when the last link was evened out (see splitWindow). */
  warnings: Warning[];
  /** More links than a recording may have (MAX_CHAIN_LINKS, one per day): the scheduler refuses it. */
  tooLong: boolean;
}

/** The chain the scheduler would make of [startTime, endTime) at `nowSeconds`. */
export function previewChain(startTime: number, endTime: number, nowSeconds: number): ChainPreview {
  // The scheduler's own bound, checked before splitting so a typo of ten years costs nothing here either.
  if (chainTooLong(startTime, endTime)) return { links: [], warnings: [], tooLong: true };
  const { links, warnings } = splitWindow(startTime, endTime);
  return {
    links: links.map((link) => ({ ...link, createAt: withinReach(link, nowSeconds) ? null : linkCreatableAt(link) })),
    warnings,
    tooLong: false,
  };
}
