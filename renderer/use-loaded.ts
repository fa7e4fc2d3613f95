// The renderer's one way to load data from main (docs/style.md §10: stale async results are discarded): load on mount and
// whenever the loader changes, again on the named change events and on reload(); a later request's answer always
// wins, and an answer that arrives after unmount (or after the loader changed) is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../shared/result';
import { useApi } from './api-context';

/** The events of `api.events` that say "something changed, load again" (their listener takes no argument). */
export type ChangeEvent = 'onHistoryChanged' | 'onPlansChanged';

/** Asks main once; null: nothing to load now (the value stays as it is). Keep it stable (useCallback): it is the deps. */
export type Loader<T> = (() => Promise<Result<T>>) | null;

export interface LoadedOptions<T> {
  /** Loads again whenever main sends one of these. */
  on?: readonly ChangeEvent[];
  /** Waits this long before asking (a value still being typed); a change meanwhile cancels the request. */
  delayMs?: number;
  /** Loads again whenever this changes (the profiles changed, say), as when the loader changes. */
  version?: string;
  /** The value before the first answer. */
  initial?: T;
}

export interface Loaded<T> {
  /** The last answer's value (kept when a later load fails). */
  value: T;
  /** The last load's error; null once a load succeeds. */
  error: AppError | null;
  /** Asks again now; answers to earlier requests still in flight are then dropped. */
  reload: () => void;
  /** Sets the value from elsewhere (an answer that already holds it); answers still in flight are dropped. */
  replace: (update: (current: T) => T) => void;
}

export function useLoaded<T>(load: Loader<T>, options: LoadedOptions<T> & { initial: T }): Loaded<T>;
export function useLoaded<T>(load: Loader<T>, options?: LoadedOptions<T>): Loaded<T | undefined>;
export function useLoaded<T>(load: Loader<T>, options: LoadedOptions<T> = {}): Loaded<T | undefined> {
  const api = useApi();
  const [state, setState] = useState<{ value: T | undefined; error: AppError | null }>({
    value: options.initial,
    error: null,
  });
  const request = useRef(0);
  const { delayMs, version } = options;
  // A string, so that a literal array at the call site does not subscribe anew on every render.
  const events = (options.on ?? []).join(' ');

  const reload = useCallback(() => {
    if (load === null) return;
    const mine = ++request.current;
    void load().then((result) => {
      // A later request was started meanwhile (or the view is gone): its answer wins.
      if (mine !== request.current) return;
      setState((current) => {
        if (!result.ok) return { value: current.value, error: result.error };
        // The very value already shown (the first render's, from the startup loads): nothing to render again.
        if (result.value === current.value && current.error === null) return current;
        return { value: result.value, error: null };
      });
    });
  }, [load]);

  useEffect(() => {
    const requests = request;
    const offs = events === '' ? [] : events.split(' ').map((name) => api.events[name as ChangeEvent](reload));
    const timer = delayMs === undefined ? undefined : setTimeout(reload, delayMs);
    if (delayMs === undefined) reload();
    return () => {
      // Unmounted, or another loader: whatever is still in flight is not this one's answer.
      requests.current++;
      clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [api, reload, events, delayMs, version]);

  const replace = useCallback((update: (current: T | undefined) => T | undefined) => {
    request.current++;
    setState((current) => ({ ...current, value: update(current.value) }));
  }, []);

  return { value: state.value, error: state.error, reload, replace };
}
