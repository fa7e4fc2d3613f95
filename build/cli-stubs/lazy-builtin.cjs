// A Node built-in module loaded on first use rather than when the CLI bundle starts (see lazyBuiltins in build.mjs). The bundle evaluates every module
// it imports at start-up, so `taper history` paid for crypto, http, https, tls, net and dns (~15 ms) that only a
// command calling the API or writing a file needs. Every property access, key listing or `in` loads the real module,
// so a default or namespace import (which lists the keys at once) still gets every export, only not lazily.
// Used for built-ins whose export is a plain object (not stream, whose export is a constructor).
'use strict';

module.exports = (name) => {
  let real;
  const load = () => (real ??= require(name));
  return new Proxy(
    {},
    {
      get: (_target, key) => load()[key],
      has: (_target, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        // A proxy may not report a property as non-configurable unless its target has it.
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    },
  );
};
