/* global window, document, requestAnimationFrame -- runs inside a page, not in Node */
// Init script of every "form interactive" figure (the app's windows, the renderer in Chromium, their floors). The
// record form counts as interactive when what an operator needs is there: the stream input enabled, the submit button
// rendered, the recent-stream choices from the history (main works them out from its copy; the whole history follows
// once the form is up), and the system's zone as the default zone; and then a frame painted after that. Sets window.benchFormReadyAt (ms since navigation start) and logs the
// wall-clock time as `taper-bench form-ready <ms since the epoch>` for a process that reads the page's console.
(() => {
  if (window !== window.top) return;
  const systemZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  const interactive = () => {
    const input = document.getElementById('streamName');
    const submit = document.querySelector('form.record-form button[type="submit"]');
    const zone = document.getElementById('timeZone');
    return (
      input !== null &&
      !input.disabled &&
      submit !== null &&
      document.querySelector('#recent-streams option') !== null &&
      zone !== null &&
      zone.value === systemZone
    );
  };
  // Checked every frame, before its paint: a condition met without a DOM mutation (an input's value property set by
  // React) is seen too. Once met, a task queued from the next frame's callback runs after that frame's paint.
  const check = () => {
    if (!interactive()) return void requestAnimationFrame(check);
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.benchFormReadyAt = performance.now();
        console.log(`taper-bench form-ready ${performance.timeOrigin + window.benchFormReadyAt}`);
      }, 0),
    );
  };
  requestAnimationFrame(check);
})();
