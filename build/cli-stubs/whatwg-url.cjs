// node-fetch 2 takes `Url.URL || whatwgUrl.URL`; Node always has url.URL, so the whatwg-url polyfill (and its
// 260 KB tr46 Unicode table, ~60 ms to parse on every `taper` run) is never used. Exporting nothing keeps it so.
module.exports = {};
