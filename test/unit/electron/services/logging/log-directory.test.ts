import { describe, expect, it } from 'vitest';
import { logDirectory, logFile } from '../../../../../electron/services/logging/log-directory.js';

describe('log directory', () => {
  it("is Electron's app.getPath('logs') for productName Taper", () => {
    // Linux and Windows: <userData>/logs; macOS: ~/Library/Logs/<name> (electron.d.ts, app.setAppLogsPath).
    expect(logDirectory({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Taper/logs');
    expect(logDirectory({ XDG_CONFIG_HOME: '/srv/cfg' }, 'linux', '/home/ana')).toBe('/srv/cfg/Taper/logs');
    expect(logDirectory({ XDG_CONFIG_HOME: 'relative/cfg' }, 'linux', '/home/ana')).toBe(
      '/home/ana/.config/Taper/logs',
    );
    expect(logDirectory({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Logs/Taper');
    expect(logDirectory({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Taper\\logs',
    );
    expect(logDirectory({}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Taper\\logs');
  });

  it('TAPER_LOG_DIR wins; TAPER_HOME moves the data, not the log', () => {
    expect(logDirectory({ TAPER_LOG_DIR: ' /var/tmp/taper-logs ' }, 'linux', '/home/ana')).toBe('/var/tmp/taper-logs');
    expect(logDirectory({ TAPER_LOG_DIR: 'D:\\logs' }, 'win32', 'C:\\Users\\ana')).toBe('D:\\logs');
    expect(logDirectory({ TAPER_HOME: '/srv/taper' }, 'linux', '/home/ana')).toBe('/home/ana/.config/Taper/logs');
    expect(logDirectory({ TAPER_LOG_DIR: '  ' }, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Logs/Taper');
  });

  it('names one file per program', () => {
    expect(logFile('/home/ana/.config/Taper/logs', 'app', 'linux')).toBe('/home/ana/.config/Taper/logs/main.log');
    expect(logFile('/home/ana/.config/Taper/logs', 'cli', 'linux')).toBe('/home/ana/.config/Taper/logs/cli.log');
    expect(logFile('/home/ana/.config/Taper/logs', 'serve', 'linux')).toBe('/home/ana/.config/Taper/logs/serve.log');
    expect(logFile('C:\\Users\\ana\\AppData\\Roaming\\Taper\\logs', 'cli', 'win32')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Taper\\logs\\cli.log',
    );
  });
});
