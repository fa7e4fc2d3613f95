// A stand-in of Electron's main-process API for the app suite (`npm run test:app`): the built app runs in Node
// with `require('electron')` resolved here (register.cjs). Windows are pages in Debian's Chromium; tray, menus,
// notifications, dialogs and the OS are recorded and driven over the process's IPC channel (control.ts).
// Each part is checked against electron.d.ts where its shape allows (`satisfies`), so API drift is a type error.
import { app } from './app.js';
import './clock.js';
import { BrowserWindow } from './browser-window.js';
import { ipcMain } from './ipc-main.js';
import { protocol, session } from './session.js';
import { clipboard, dialog, Notification, powerMonitor, shell } from './system.js';
import { Menu, Tray } from './tray-menu.js';

export {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray,
};

const nativeTheme = { shouldUseDarkColors: false, themeSource: 'system', on: () => nativeTheme };
export { nativeTheme };

export default {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray,
  nativeTheme,
};
