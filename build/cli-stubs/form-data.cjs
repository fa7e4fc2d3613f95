// The SDK builds multipart bodies with form-data only for file uploads; Live's task calls are JSON. Leaving it
// out drops mime-db (140 KB of JSON parsed on every `taper` run). Should a future call need it, fail loudly.
module.exports = function FormData() {
  throw new Error('taper CLI bundle: multipart requests are not bundled (build/cli-stubs/form-data.cjs)');
};
