import { describe, expect, it } from 'vitest';
import { hasDesktop, openerCommand } from '../../../../electron/serve/open-browser.js';

describe('hasDesktop', () => {
  it('needs a display on Linux, and no SSH session on macOS and Windows', () => {
    expect(hasDesktop('linux', {})).toBe(false);
    expect(hasDesktop('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDesktop('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDesktop('darwin', {})).toBe(true);
    expect(hasDesktop('darwin', { SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22' })).toBe(false);
    expect(hasDesktop('win32', { SSH_TTY: '/dev/pts/1' })).toBe(false);
  });
});

describe('openerCommand', () => {
  it('uses the platform opener', () => {
    const url = 'http://127.0.0.1:8765/?token=abc';
    expect(openerCommand('linux', url)).toEqual(['xdg-open', [url]]);
    expect(openerCommand('darwin', url)).toEqual(['open', [url]]);
    expect(openerCommand('win32', url)).toEqual(['cmd', ['/c', 'start', '""', url]]);
  });
});
