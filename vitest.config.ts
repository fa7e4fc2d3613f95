import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { reactOnPreact, usesReact } from './build/react-on-preact.mjs';

export default defineConfig({
  plugins: [react()],
  // Component tests render with what the built renderer ships (build/react-on-preact.mjs).
  resolve: {
    alias: [
      // Its ESM build, inlined below: the CommonJS one would require react-dom past the aliases.
      {
        find: /^@testing-library\/react$/,
        replacement: fileURLToPath(
          new URL('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js', import.meta.url),
        ),
      },
      ...reactOnPreact,
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          server: { deps: { inline: usesReact } },
          setupFiles: ['test/unit/support/preact-settle.ts'],
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Component tests opt into jsdom with a `@vitest-environment jsdom` docblock.
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Integration files share one keychain session and spawn processes: keep the 2-core machine calm.
          maxWorkers: 2,
        },
      },
    ],
  },
});
