// The renderer is written against React's API and runs on Preact's compatibility layer (preact/compat): the same
// components, hooks, lazy and Suspense, about 25 KB instead of react-dom's 220 KB, which took ~100 ms of a cold
// window's start to load and parse before the record form could show (npm run bench, "first form interactive";
// docs/performance.md). The types stay React's (@types/react). One list, for the build (vite.config.ts) and for the
// component tests (vitest.config.ts), so that the tests run what ships.
export const reactOnPreact = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/** Packages that import React themselves: the tests must load them through the aliases too (not from node_modules). */
export const usesReact = [/@testing-library\/react/, /@tanstack\/react-virtual/, /@tanstack\/virtual-core/];
