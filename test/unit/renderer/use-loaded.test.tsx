/** @vitest-environment jsdom */
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnvironmentContext } from '../../../renderer/api-context.js';
import { useLoaded, type Loader } from '../../../renderer/use-loaded.js';
import type { TaperApi } from '../../../shared/ipc/contract.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { fakeApi } from '../support/fake-api.js';

afterEach(cleanup);

/** A loader whose answers the test gives, in any order. */
function deferredLoader<T>() {
  const pending: ((result: Result<T>) => void)[] = [];
  const load = vi.fn(() => new Promise<Result<T>>((resolve) => pending.push(resolve)));
  const answer = async (index: number, result: Result<T>) => {
    await act(async () => {
      pending[index]?.(result);
      await Promise.resolve();
    });
  };
  return { load, answer };
}

function wrapperFor(api: TaperApi) {
  return ({ children }: { children: ReactNode }) => (
    <EnvironmentContext value={{ api, clock: () => 0, systemTimeZone: 'UTC' }}>{children}</EnvironmentContext>
  );
}

describe('useLoaded', () => {
  it('loads on mount: the initial value, then the answer', async () => {
    const { load, answer } = deferredLoader<string[]>();
    const { result } = renderHook(() => useLoaded(load, { initial: [] as string[] }), {
      wrapper: wrapperFor(fakeApi()),
    });
    expect(result.current.value).toEqual([]);
    expect(load).toHaveBeenCalledTimes(1);
    await answer(0, ok(['a']));
    expect(result.current).toMatchObject({ value: ['a'], error: null });
  });

  it('renders nothing again for an answer that is the value already shown (the startup loads’)', async () => {
    const shown = ['early'];
    const { load, answer } = deferredLoader<string[]>();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return useLoaded(load, { initial: shown });
      },
      { wrapper: wrapperFor(fakeApi()) },
    );
    const before = renders;
    await answer(0, ok(shown));
    expect(renders).toBe(before);
    expect(result.current.value).toBe(shown);
    act(() => result.current.reload());
    await answer(1, ok(['early']));
    expect(renders).toBeGreaterThan(before);
  });

  it('keeps the last value on a failed load, shows the error, and clears it on the next success', async () => {
    const { load, answer } = deferredLoader<string>();
    const { result } = renderHook(() => useLoaded(load), { wrapper: wrapperFor(fakeApi()) });
    await answer(0, ok('first'));
    act(() => result.current.reload());
    await answer(1, err('Taper.Io', 'disk'));
    expect(result.current.value).toBe('first');
    expect(result.current.error?.code).toBe('Taper.Io');
    act(() => result.current.reload());
    await answer(2, ok('third'));
    expect(result.current).toMatchObject({ value: 'third', error: null });
  });

  it("a later request's answer wins, whichever arrives first", async () => {
    const { load, answer } = deferredLoader<string>();
    const { result } = renderHook(() => useLoaded(load), { wrapper: wrapperFor(fakeApi()) });
    act(() => result.current.reload());
    await answer(1, ok('newer'));
    await answer(0, ok('older'));
    expect(result.current.value).toBe('newer');
    // A late failure of the older request is not shown either.
    act(() => result.current.reload());
    await answer(2, ok('newest'));
    expect(result.current).toMatchObject({ value: 'newest', error: null });
  });

  it('loads again on each named change event and unsubscribes on unmount', async () => {
    const off = vi.fn();
    const listeners: (() => void)[] = [];
    const api = fakeApi({
      events: {
        onPlansChanged: vi.fn((listener: () => void) => {
          listeners.push(listener);
          return off;
        }),
      },
    });
    const { load, answer } = deferredLoader<number>();
    const { result, unmount } = renderHook(() => useLoaded(load, { on: ['onPlansChanged'] }), {
      wrapper: wrapperFor(api),
    });
    await answer(0, ok(1));
    act(() => listeners.forEach((listener) => listener()));
    expect(load).toHaveBeenCalledTimes(2);
    await answer(1, ok(2));
    expect(result.current.value).toBe(2);
    expect(api.events.onHistoryChanged).not.toHaveBeenCalled();
    unmount();
    expect(off).toHaveBeenCalledTimes(1);
  });

  it('drops an answer that arrives after unmount', async () => {
    const { load, answer } = deferredLoader<string>();
    const rendered = vi.fn();
    const { unmount } = renderHook(
      () => {
        const loaded = useLoaded(load);
        rendered(loaded.value);
        return loaded;
      },
      { wrapper: wrapperFor(fakeApi()) },
    );
    unmount();
    await answer(0, ok('late'));
    expect(rendered).not.toHaveBeenCalledWith('late');
  });

  it('loads again when the loader changes, and drops the previous loader’s answer', async () => {
    const answers: Record<string, (result: Result<string>) => void> = {};
    const loaderFor =
      (key: string): Loader<string> =>
      () =>
        new Promise((resolve) => {
          answers[key] = resolve;
        });
    const loaders = { a: loaderFor('a'), b: loaderFor('b') };
    const { result, rerender } = renderHook(({ key }: { key: 'a' | 'b' }) => useLoaded(loaders[key]), {
      wrapper: wrapperFor(fakeApi()),
      initialProps: { key: 'a' },
    });
    rerender({ key: 'b' });
    await act(async () => {
      answers['b']?.(ok('b'));
      answers['a']?.(ok('a'));
      await Promise.resolve();
    });
    expect(result.current.value).toBe('b');
  });

  it('a null loader asks nothing and keeps the value', () => {
    const { result } = renderHook(() => useLoaded<string>(null, { initial: 'kept' }), {
      wrapper: wrapperFor(fakeApi()),
    });
    act(() => result.current.reload());
    expect(result.current.value).toBe('kept');
  });

  it('with delayMs asks only once the value has settled; a change meanwhile cancels the request', async () => {
    vi.useFakeTimers();
    try {
      const asked: string[] = [];
      const loaderFor =
        (key: string): Loader<string> =>
        async () => {
          asked.push(key);
          return ok(key);
        };
      const loaders = { a: loaderFor('a'), b: loaderFor('b') };
      const { result, rerender } = renderHook(
        ({ key }: { key: 'a' | 'b' }) => useLoaded(loaders[key], { delayMs: 400 }),
        { wrapper: wrapperFor(fakeApi()), initialProps: { key: 'a' } },
      );
      await act(async () => {
        await vi.advanceTimersByTimeAsync(300);
      });
      rerender({ key: 'b' });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(400);
      });
      expect(asked).toEqual(['b']);
      expect(result.current.value).toBe('b');
    } finally {
      vi.useRealTimers();
    }
  });

  it('replace sets the value and drops answers still in flight', async () => {
    const { load, answer } = deferredLoader<string>();
    const { result } = renderHook(() => useLoaded(load, { initial: '' }), { wrapper: wrapperFor(fakeApi()) });
    act(() => result.current.replace(() => 'local'));
    await answer(0, ok('stale'));
    expect(result.current.value).toBe('local');
  });
});
