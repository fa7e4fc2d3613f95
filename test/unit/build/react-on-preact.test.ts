// The component tests must run what the renderer ships: every React entry point they (and the libraries that render
// for them) import is Preact's compatibility layer, as in the build. Without the aliases they would quietly test
// react-dom instead.
import { describe, expect, it } from 'vitest';
import { reactOnPreact } from '../../../build/react-on-preact.mjs';

describe('React on Preact', () => {
  it('resolves react, react-dom and their entry points to preact/compat in the tests', async () => {
    const compat = await import('preact/compat');
    expect(await import('react')).toBe(compat);
    expect(await import('react-dom')).toBe(compat);
    expect(await import('react-dom/client')).toBe(await import('preact/compat/client'));
  });

  it('aliases every entry point the build resolves', () => {
    const sources = ['react', 'react-dom', 'react-dom/client', 'react-dom/test-utils', 'react/jsx-runtime'];
    for (const source of sources)
      expect(
        reactOnPreact.some(({ find }) => find.test(source)),
        source,
      ).toBe(true);
    expect(reactOnPreact.some(({ find }) => find.test('react-virtual'))).toBe(false);
  });
});
