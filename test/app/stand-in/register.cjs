// `node --require test/app/stand-in/register.cjs dist/electron/main.cjs`: `require('electron')` in the app (and in
// electron-store) gets the built stand-in instead of the npm package, which only knows the binary's path.
'use strict';
const Module = require('node:module');
const { join } = require('node:path');

const standIn =
  process.env.TAPER_STANDIN_BUNDLE || join(__dirname, '..', '..', '..', 'test-results', 'app', 'electron-stand-in.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveElectron(request, ...rest) {
  if (request === 'electron') return standIn;
  return resolve.call(this, request, ...rest);
};
// What Electron's Node reports: code that branches on it takes the Electron path.
process.versions.electron = require(
  join(__dirname, '..', '..', '..', 'node_modules', 'electron', 'package.json'),
).version;
process.type = 'browser';

// A movable clock for the app suite: `Date.now()` and `new Date()` read the real clock plus an offset that the test
// moves forward (the stand-in's `clock` command, clock.ts). The app, its in-process simulator and every "now" they
// compute shift together, so a window that ends in an hour settles in a test of seconds. Timers (setTimeout,
// setInterval) and performance.now() keep real time. Test-only: the app's code is unchanged.
const RealDate = Date;
const movable = { offsetMs: 0 };
globalThis[Symbol.for('taper.stand-in.clock')] = movable;
const shiftedNow = () => RealDate.now() + movable.offsetMs;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) =>
    Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget),
  // `Date()` called as a function answers the current time as a string.
  apply: () => new RealDate(shiftedNow()).toString(),
  get: (target, property, receiver) => (property === 'now' ? shiftedNow : Reflect.get(target, property, receiver)),
});
