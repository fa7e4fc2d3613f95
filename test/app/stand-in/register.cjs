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
