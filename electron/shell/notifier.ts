// Native notifications: task created, "safe to start pushing" 3 s later, a recording window began / ended, a call
// failed. The notify function, timers and clock are injected; the schedule is rebuilt from the history on every
// change, so it never drifts from what the history says.
import { unixSeconds, type Clock } from '../../shared/clock.js';
import { describeError, type Language } from '../../shared/errors/catalog.js';
import type { HistoryEntry } from '../../shared/history.js';
import { PUSH_DELAY_SECONDS } from '../../shared/rules/limits.js';
import type { AppError } from '../../shared/result.js';
import { roundedDurationText } from '../../shared/time/duration.js';
import { mainText, type MainTextSource, type NotificationText } from './main-text.js';
import { streamLabel } from './tray-menu.js';

export interface NotificationContent {
  title: string;
  body: string;
  /** The view a click opens: every notification here is about a task in the history. */
  view?: 'history';
}

/** Timer functions (the real ones: globalThis.setTimeout / clearTimeout). */
export interface Timers {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface NotifierDeps {
  notify(content: NotificationContent): void;
  timers: Timers;
  clock: Clock;
  language(): Language;
  /** The words, per language (default: the main-side dictionary, main-text.ts). */
  text?: MainTextSource;
}

/** Window events further ahead than this are scheduled at the next rebuild (timers beyond ~24.8 days overflow). */
export const SCHEDULE_HORIZON_SECONDS = 2 * 86_400;

function stream(entry: HistoryEntry): string {
  return streamLabel({ domainName: entry.domain, appName: entry.app, streamName: entry.stream });
}

export class Notifier {
  private windowTimers: unknown[] = [];
  private readonly pushTimers = new Set<unknown>();

  constructor(private readonly deps: NotifierDeps) {}

  private text(): NotificationText {
    return (this.deps.text ?? mainText)(this.deps.language()).notifications;
  }

  /** A task was created: tell the user now, and again when the platform is ready for the push. */
  taskCreated(entry: HistoryEntry): void {
    const text = this.text();
    this.deps.notify({ title: text.created, body: `${stream(entry)} (${entry.taskId ?? ''})`, view: 'history' });
    const handle = this.deps.timers.setTimeout(() => {
      this.pushTimers.delete(handle);
      this.deps.notify({
        title: this.text().safeToPush,
        body: this.text().safeToPushBody(stream(entry)),
        view: 'history',
      });
    }, PUSH_DELAY_SECONDS * 1000);
    this.pushTimers.add(handle);
  }

  /** A call failed: the catalog's words, never the raw error object. */
  callFailed(error: AppError): void {
    const description = describeError(error, this.deps.language());
    const requestId = error.requestId === undefined ? '' : ` (RequestId ${error.requestId})`;
    this.deps.notify({
      title: this.text().failed,
      body: `${description.title} ${description.nextStep}${requestId}`.trim(),
      view: 'history',
    });
  }

  /**
   * A window's outcome was settled: "evening-show recorded: 2 files, 1 h 58 min", or what went wrong, with the reason
   * (never pushed, pushed but no file) as the body.
   */
  outcomeSettled(entry: HistoryEntry): void {
    if (entry.outcome === undefined || entry.outcomeDetail === undefined) return;
    const text = this.text();
    const name = entry.stream;
    const { files, reason } = entry.outcomeDetail;
    if (entry.outcome === 'recorded') {
      const seconds = files.reduce((sum, file) => sum + file.durationSeconds, 0);
      this.deps.notify({
        title: text.recorded(name, files.length, roundedDurationText(seconds)),
        body: stream(entry),
        view: 'history',
      });
    } else {
      this.deps.notify({ title: text[entry.outcome](name), body: reason ?? stream(entry), view: 'history' });
    }
  }

  /** Replaces the began / ended schedule with the one for `entries` (call after every history change). */
  scheduleFromHistory(entries: readonly HistoryEntry[]): void {
    for (const handle of this.windowTimers) this.deps.timers.clearTimeout(handle);
    this.windowTimers = [];
    const nowMs = this.deps.clock();
    const now = unixSeconds(this.deps.clock);
    for (const entry of entries) {
      if (entry.taskId === null || (entry.status !== 'scheduled' && entry.status !== 'recording')) continue;
      const start = entry.startTime ?? entry.createdAt;
      const events: [number, 'began' | 'ended'][] = [
        [start, 'began'],
        [entry.endTime, 'ended'],
      ];
      for (const [at, kind] of events) {
        // Only future events inside the horizon; a "now" task's start was announced by taskCreated.
        if (at <= now || at - now > SCHEDULE_HORIZON_SECONDS) continue;
        this.windowTimers.push(
          this.deps.timers.setTimeout(
            () => {
              this.deps.notify({ title: this.text()[kind], body: stream(entry), view: 'history' });
            },
            at * 1000 - nowMs,
          ),
        );
      }
    }
  }

  /** Number of pending window timers (for tests and diagnostics). */
  get scheduledCount(): number {
    return this.windowTimers.length;
  }

  dispose(): void {
    for (const handle of [...this.windowTimers, ...this.pushTimers]) this.deps.timers.clearTimeout(handle);
    this.windowTimers = [];
    this.pushTimers.clear();
  }
}
