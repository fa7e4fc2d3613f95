// The application menu: macOS needs one for the standard shortcuts (copy, paste, quit, close); elsewhere the
// window has none (autoHideMenuBar) and the edit shortcuts work without it.
import type { MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}
