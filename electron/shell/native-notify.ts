// Shows a notification through the OS, and never loses it: where the OS has no notification service, or refuses one
// (macOS refuses every notification of an app without a code signature since Electron 42 and says so only by a
// `failed` event), the same text becomes a banner in the window. A click opens the view the notification is about.
import type { AppNotice } from '../../shared/ipc/types.js';

/** The part of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
}

export interface NativeNotifyDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NotificationLike;
  /** The in-window banner (kept until a window shows it). */
  fallback(notice: AppNotice): void;
  /** Opens the window on a view. */
  open(view: AppNotice['view']): void;
  warn(message: string): void;
}

export function createNativeNotify(deps: NativeNotifyDeps): (notice: AppNotice) => void {
  // Kept referenced until clicked, closed or failed: a collected Notification loses its click handler.
  const live = new Set<NotificationLike>();
  return (notice) => {
    if (!deps.isSupported()) {
      deps.fallback(notice);
      return;
    }
    const notification = deps.create({ title: notice.title, body: notice.body, silent: false });
    live.add(notification);
    notification.on('click', () => {
      live.delete(notification);
      deps.open(notice.view);
    });
    notification.on('close', () => live.delete(notification));
    notification.on('failed', (_event, error) => {
      live.delete(notification);
      deps.warn(`notification failed (${error}); shown in the window instead`);
      deps.fallback(notice);
    });
    notification.show();
  };
}
