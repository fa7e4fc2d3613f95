// Collects every check's outcome, so one run lists all that is wrong instead of stopping at the first miss.
export function createReport() {
  const results = [];
  return {
    /** Records one check; `detail` says what was found when it fails. Returns `ok`. */
    check(name, ok, detail = '') {
      results.push({ name, status: ok ? 'pass' : 'FAIL', detail: ok ? '' : detail });
      return ok;
    },
    /** A check that could not run on this machine: listed as skipped, never counted as passed. */
    skip(name, reason) {
      results.push({ name, status: 'skip', detail: reason });
    },
    /** A fact worth knowing that is neither a pass nor a failure. */
    note(name, detail) {
      results.push({ name, status: 'note', detail });
    },
    results,
    failures: () => results.filter((result) => result.status === 'FAIL'),
  };
}
