// Work that must not delay what the window is drawing: run once the page is idle, or after `timeoutMs` at the latest
// (a hidden window gets few idle periods). Where the page has no requestIdleCallback (jsdom), on the next task.

/** Runs `task` once; returns a function that cancels it if it has not run yet. */
export function whenIdle(task: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
}
