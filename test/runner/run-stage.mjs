// Runs one stage's command in its own process group, echoing its output, with a deadline: past it, the whole group
// gets SIGTERM, then SIGKILL after a grace period, so a hung vitest or Chromium cannot hold the run forever.
import { spawn } from 'node:child_process';

/** Signals the stage's process group; false when the group is already gone. */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {{ command: string, args: string[], timeoutMs: number, graceMs: number, env: NodeJS.ProcessEnv, cwd: string,
 *           watchFor?: string[], onStart?: (stop: () => void) => void }} options
 *   watchFor: lines whose appearance in the output is reported back (e.g. "skipped: no Electron runtime")
 *   onStart: receives a function that kills the stage (used when the runner itself is interrupted)
 * @returns {Promise<{ exitCode: number | null, signal: string | null, timedOut: boolean, seconds: number, error?: string, seen: string[] }>}
 */
export function runStage({ command, args, timeoutMs, graceMs, env, cwd, watchFor = [], onStart }) {
  const started = Date.now();
  return new Promise((resolve) => {
    // detached: the child leads a new process group, which is what gets killed (grandchildren included).
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const seen = new Set();
    // Keeps the end of the previous chunk so a watched line split across two chunks is still found.
    let tail = '';
    const longest = Math.max(0, ...watchFor.map((line) => line.length));
    const look = (chunk) => {
      const text = tail + chunk.toString();
      for (const line of watchFor) if (text.includes(line)) seen.add(line);
      tail = text.slice(-longest);
    };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      look(chunk);
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      look(chunk);
    });

    let timedOut = false;
    let killTimer;
    const stop = () => {
      if (child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      killTimer ??= setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
    };
    const deadline = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    onStart?.(stop);

    let settled = false;
    const settle = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(killTimer);
      resolve({ ...result, timedOut, seconds: (Date.now() - started) / 1000, seen: [...seen] });
    };
    child.on('error', (error) => settle({ exitCode: null, signal: null, error: error.message }));
    child.on('exit', (exitCode, signal) => {
      // What the stage left behind in its group (a server, a browser) does not outlive it.
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
      // Output still buffered in the pipes is flushed on 'close'; an escaped process holding a pipe open is not
      // waited for longer than a second.
      const flushed = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        settle({ exitCode, signal });
      }, 1000);
      child.once('close', () => {
        clearTimeout(flushed);
        settle({ exitCode, signal });
      });
    });
  });
}
