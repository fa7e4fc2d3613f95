/* global window, document, MutationObserver -- runs inside the app's window, not in Node */
// Init script of the app bench: logs the wall-clock time at which the record form became usable (stream input present
// and enabled, submit button rendered), from a MutationObserver, i.e. right after React's commit.
(() => {
  if (window !== window.top) return;
  const usable = () => {
    const input = document.getElementById('streamName');
    const submit = document.querySelector('form.record-form button[type="submit"]');
    return input !== null && !input.disabled && submit !== null;
  };
  const observer = new MutationObserver(() => {
    if (usable()) {
      observer.disconnect();
      console.log(`taper-bench form-ready ${performance.timeOrigin + performance.now()}`);
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
