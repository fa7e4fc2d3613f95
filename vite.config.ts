import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { reactOnPreact } from './build/react-on-preact.mjs';

const temporalShim = fileURLToPath(new URL('./renderer/temporal.ts', import.meta.url));

/** In the built renderer, `temporal-polyfill` resolves to renderer/temporal.ts (native Temporal first), except from the shim itself. */
function nativeTemporalFirst(): Plugin {
  return {
    name: 'taper-native-temporal-first',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'temporal-polyfill' && importer !== temporalShim ? temporalShim : null;
    },
  };
}

// The renderer is loaded from file:// inside Electron (and in the e2e suite), so asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [nativeTemporalFirst(), react()],
  resolve: { alias: reactOnPreact },
  // es2022: the Temporal shim awaits the polyfill at top level where Temporal is not native.
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'es2022' },
});
