// commander requires node:child_process when it loads, for executable subcommands, which taper does not have.
// Loading it (with dgram and the socket list) cost ~1 ms of every command; this is the same module, loaded on
// first use instead.
'use strict';

let childProcess;
const load = () => (childProcess ??= require('node:child_process'));

module.exports = new Proxy(
  {},
  {
    get: (_target, key) => load()[key],
    has: (_target, key) => key in load(),
  },
);
