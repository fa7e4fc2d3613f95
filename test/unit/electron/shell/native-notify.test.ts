import { describe, expect, it, vi } from 'vitest';
import {
  createNativeNotify,
  type NativeNotifyDeps,
  type NotificationLike,
} from '../../../../electron/shell/native-notify.js';
import type { AppNotice } from '../../../../shared/ipc/types.js';

const NOTICE: AppNotice = {
  title: 'Recording started',
  body: 'push.example.com/live/show is being recorded.',
  view: 'history',
};

/** A Notification that records its handlers so a test can fire what the OS would. */
function fakeNotification() {
  let click: (() => void) | undefined;
  let failed: ((event: unknown, error: string) => void) | undefined;
  const notification = {
    on: (event: 'click' | 'failed', listener: (() => void) | ((event: unknown, error: string) => void)) => {
      if (event === 'click') click = listener as () => void;
      else failed = listener as (event: unknown, error: string) => void;
    },
    show: vi.fn(),
  } as NotificationLike & { show: ReturnType<typeof vi.fn> };
  return { notification, click: () => click?.(), fail: (error: string) => failed?.({}, error) };
}

function notifier(supported: boolean) {
  const created: ReturnType<typeof fakeNotification>[] = [];
  const deps = {
    isSupported: vi.fn(() => supported),
    create: vi.fn(() => {
      const fake = fakeNotification();
      created.push(fake);
      return fake.notification;
    }),
    fallback: vi.fn(),
    open: vi.fn(),
    warn: vi.fn(),
  } satisfies NativeNotifyDeps;
  return { notify: createNativeNotify(deps), deps, created };
}

describe('createNativeNotify', () => {
  it('shows the banner only where the OS has no notifications', () => {
    const { notify, deps } = notifier(false);
    notify(NOTICE);
    expect(deps.fallback.mock.calls).toEqual([[NOTICE]]);
    expect(deps.create).not.toHaveBeenCalled();
    expect(deps.warn).not.toHaveBeenCalled();
  });

  it('shows an OS notification with the title and body, and no banner', () => {
    const { notify, deps, created } = notifier(true);
    notify(NOTICE);
    expect(deps.create.mock.calls).toEqual([[{ title: NOTICE.title, body: NOTICE.body, silent: false }]]);
    expect(created).toHaveLength(1);
    expect(created[0]?.notification.show).toHaveBeenCalledOnce();
    expect(deps.fallback).not.toHaveBeenCalled();
    expect(deps.open).not.toHaveBeenCalled();
  });

  it('turns a notification the OS refused into one banner with the same text and view, and warns', () => {
    const { notify, deps, created } = notifier(true);
    notify(NOTICE);
    created[0]?.fail('app is not code-signed');
    expect(deps.fallback.mock.calls).toEqual([[{ title: NOTICE.title, body: NOTICE.body, view: NOTICE.view }]]);
    expect(deps.warn).toHaveBeenCalledOnce();
    expect(deps.warn.mock.calls[0]?.[0]).toContain('app is not code-signed');
    expect(created[0]?.notification.show).toHaveBeenCalledOnce();
    expect(deps.open).not.toHaveBeenCalled();
  });

  it('opens the view the notification is about when it is clicked', () => {
    const { notify, deps, created } = notifier(true);
    notify({ title: 'Settings', body: 'Check your keys.', view: 'settings' });
    created[0]?.click();
    expect(deps.open.mock.calls).toEqual([['settings']]);
    expect(deps.fallback).not.toHaveBeenCalled();
  });

  it('delivers each notice once: only the refused one becomes a banner', () => {
    const { notify, deps, created } = notifier(true);
    const second: AppNotice = { title: 'Recording stopped', body: 'show stopped.', view: 'record' };
    notify(NOTICE);
    notify(second);
    expect(created).toHaveLength(2);
    created[1]?.fail('denied');
    created[0]?.click();
    expect(deps.fallback.mock.calls).toEqual([[second]]);
    expect(deps.open.mock.calls).toEqual([['history']]);
    expect(created.map((fake) => fake.notification.show.mock.calls.length)).toEqual([1, 1]);
  });
});
