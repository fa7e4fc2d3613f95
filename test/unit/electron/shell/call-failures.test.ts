import { describe, expect, it, vi } from 'vitest';
import { createCallFailures } from '../../../../electron/shell/call-failures.js';

describe('createCallFailures', () => {
  it('logs the code and RequestId, notifies, and keeps the last 20 for the diagnostics report', () => {
    let now = 1_000;
    const warn = vi.fn();
    const notify = vi.fn();
    const failures = createCallFailures({ clock: () => now, warn, notify });
    for (let index = 0; index < 25; index++) {
      now += 1;
      failures.failed({ code: `Code${index}`, message: `failure ${index}`, requestId: `req-${index}` });
    }
    expect(warn).toHaveBeenLastCalledWith('call failed: Code24 (RequestId req-24)');
    expect(notify).toHaveBeenCalledTimes(25);
    const report = failures.report({
      appVersion: '1.2.3',
      versions: { node: '20.0.0' },
      os: { platform: 'linux', release: '6', arch: 'x64' },
      locale: 'en',
      sandboxRunning: false,
      logFile: '/logs/main.log',
      logTail: '',
    });
    expect(report).toContain('Code24');
    expect(report).toContain('req-5');
    expect(report).not.toContain('req-4\n');
    expect(report).not.toMatch(/Code4\b/);
  });
});
