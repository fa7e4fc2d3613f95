// Opens the printed URL in the desktop's browser, where there is a desktop: a server over SSH or under systemd has
// none, and its user opens the URL through a tunnel instead. Best effort: a missing opener changes nothing.
import { spawn } from 'node:child_process';

type Env = Readonly<Record<string, string | undefined>>;

/** Whether a browser can be shown: a display on Linux and the BSDs; macOS and Windows unless this is an SSH session. */
export function hasDesktop(platform: NodeJS.Platform, env: Env): boolean {
  if (platform === 'darwin' || platform === 'win32')
    return env['SSH_CONNECTION'] === undefined && env['SSH_TTY'] === undefined;
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

/** The opener and its arguments for `url` (a URL of our own: no shell metacharacters). */
export function openerCommand(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // `start`'s first quoted argument is a window title.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

export function openBrowser(platform: NodeJS.Platform, url: string): void {
  const [command, args] = openerCommand(platform, url);
  try {
    // Verbatim on Windows: `start ""` needs its empty title as two quote characters, not an escaped argument.
    const child = spawn(command, args, {
      detached: true,
      stdio: 'ignore',
      windowsHide: true,
      windowsVerbatimArguments: platform === 'win32',
    });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the URL is on stdout.
  }
}
