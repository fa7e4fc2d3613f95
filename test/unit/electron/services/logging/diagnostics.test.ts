import { describe, expect, it } from 'vitest';
import { buildDiagnostics, type DiagnosticsInput } from '../../../../../electron/services/logging/diagnostics.js';

const NOW = Date.UTC(2026, 11, 1, 20, 0, 0);
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';

const input = (patch: Partial<DiagnosticsInput> = {}): DiagnosticsInput => ({
  now: NOW,
  appVersion: '0.1.0',
  versions: { electron: '45.4.1', chrome: '142.0.7444.59', node: '22.20.0' },
  os: { platform: 'linux', release: '6.1.0-28-amd64', arch: 'x64' },
  locale: 'zh-CN',
  sandboxRunning: false,
  errors: [],
  logFile: '/home/ana/.config/Taper/logs/main.log',
  logTail: '',
  ...patch,
});

describe('diagnostics', () => {
  it('lists versions, OS, locale, sandbox, log file, recent errors newest first, and the end of the log', () => {
    const text = buildDiagnostics(
      input({
        sandboxRunning: true,
        errors: [
          { at: NOW - 60_000, code: 'AuthFailure.SignatureFailure', requestId: 'eac6b301-a322-493a-8e36-83b295459397' },
          { at: NOW - 10_000, code: 'Taper.Network' },
        ],
        logTail: '2026-12-01T19:59:00.000Z INFO  tray ready\n2026-12-01T19:59:50.000Z WARN  sync failed\n',
      }),
    );
    expect(text).toBe(
      [
        'Taper diagnostics, 2026-12-01T20:00:00.000Z',
        'Taper: 0.1.0',
        'Electron: 45.4.1, Chrome: 142.0.7444.59, Node: 22.20.0',
        'OS: linux 6.1.0-28-amd64 x64',
        'Locale: zh-CN',
        'Sandbox: running',
        'Log file: /home/ana/.config/Taper/logs/main.log',
        '',
        'Recent errors (newest first, at most 20):',
        '  2026-12-01T19:59:50.000Z  Taper.Network',
        '  2026-12-01T19:59:00.000Z  AuthFailure.SignatureFailure  RequestId eac6b301-a322-493a-8e36-83b295459397',
        '',
        'Last 2 log lines:',
        '2026-12-01T19:59:00.000Z INFO  tray ready',
        '2026-12-01T19:59:50.000Z WARN  sync failed',
        '',
      ].join('\n'),
    );
  });

  it('keeps the newest errors and the last log lines only', () => {
    const errors = Array.from({ length: 30 }, (_, n) => ({ at: NOW - n * 1000, code: `Code${n}` }));
    const logTail = Array.from({ length: 150 }, (_, n) => `line ${n}`).join('\n');
    const text = buildDiagnostics(input({ errors, logTail }));
    expect(text).toContain('  Code19');
    expect(text).not.toContain('Code20');
    expect(text).toContain('Last 100 log lines:\nline 50\n');
    expect(text).not.toContain('line 49\n');
    const short = buildDiagnostics(input({ errors, logTail }), { maxErrors: 2, logLines: 3 });
    expect(short).toContain('at most 2');
    expect(short).toContain('Last 3 log lines:\nline 147\nline 148\nline 149\n');
    expect(buildDiagnostics(input())).toContain('Recent errors (newest first, at most 20):\n  none\n');
    expect(buildDiagnostics(input({ versions: { node: '20.19.0' } }))).toContain(
      'Electron: none, Chrome: none, Node: 20.19.0',
    );
  });

  it('a key in the log tail or in an error message does not come out', () => {
    const text = buildDiagnostics(
      input({
        errors: [
          {
            at: NOW,
            code: 'AuthFailure.SecretIdNotFound',
            message: `SecretId ${SECRET_ID} with SecretKey=${SECRET_KEY}`,
            requestId: 'r-1',
          },
        ],
        logTail: [
          `2026-12-01T19:59:00.000Z INFO  {"SecretKey":"${SECRET_KEY}"}`,
          `2026-12-01T19:59:01.000Z WARN  Authorization: TC3-HMAC-SHA256 Credential=${SECRET_ID}/2026-12-01/live/tc3_request, Signature=abc`,
          '2026-12-01T19:59:02.000Z INFO  proxy http://ana:hunter2@proxy.example.com:3128',
        ].join('\n'),
        logFile: `/tmp/TENCENTCLOUD_SECRET_KEY=${SECRET_KEY}/main.log`,
      }),
    );
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(SECRET_ID);
    expect(text).not.toContain('hunter2');
    expect(text).toContain('AuthFailure.SecretIdNotFound  RequestId r-1  — SecretId AKID…MPLE with SecretKey=***');
  });

  it('a field with a newline cannot add lines of its own', () => {
    const text = buildDiagnostics(input({ locale: 'en\nSandbox: running', errors: [{ at: NOW, code: 'X\nY' }] }));
    expect(text).toContain('Locale: en Sandbox: running\n');
    expect(text).toContain('  2026-12-01T20:00:00.000Z  X Y\n');
    expect(text).toContain('Sandbox: not running');
  });
});
