// Recording templates through bin/taper, so that no one records permanent HLS by accident: `taper templates add` creates
// one (CreateLiveRecordTemplate: a format and a storage time), `list` shows it, `default` makes it the profile's
// template, and `taper record` without --template then sends it (an explicit --template still wins). Bad input is
// refused before anything is sent. The key lives in the real Secret Service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startSimulator, type Simulator } from '../../../electron/simulator/index.js';
import { baseEnv, freshHome, parseJson, runTaper } from '../cli/run-taper.js';

const inSession = process.env['TAPER_KEYRING_SESSION'] === '1';
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [DEMO_ACCOUNT] });
});
afterAll(async () => {
  await simulator.close();
});

describe.skipIf(!inSession)('taper templates', () => {
  it('add, list, default; record then sends the default template unless --template names another', async () => {
    const env = baseEnv(await freshHome(), simulator.endpoint);
    const profile = `tpl${Date.now().toString(36)}`;
    expect(
      (
        await runTaper(['profile', 'add', profile, '--secret-id', DEMO_ACCOUNT.secretId], {
          env,
          input: `${DEMO_ACCOUNT.secretKey}\n`,
        })
      ).code,
    ).toBe(0);

    const added = await runTaper(
      [
        'templates',
        'add',
        'mp4-30d',
        '--format',
        'mp4',
        '--keep-days',
        '30',
        '--segment-minutes',
        '60',
        '--profile',
        profile,
        '--json',
      ],
      { env },
    );
    expect(added.code, added.stderr).toBe(0);
    const { templateId } = parseJson<{ templateId: number }>(added);
    expect(templateId).toBeGreaterThan(0);
    const sent = simulator.requests().find((request) => request.action === 'CreateLiveRecordTemplate');
    expect(sent).toBeDefined();

    const listed = await runTaper(['templates', 'list', '--profile', profile, '--json'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    expect(
      parseJson<{ templates: { templateId: number; name: string; description: string }[] }>(listed).templates,
    ).toContainEqual({ templateId, name: 'mp4-30d', description: 'MP4, kept 30 days' });
    const text = await runTaper(['templates', 'list', '--profile', profile], { env });
    expect(text.stdout).toMatch(new RegExp(`^${templateId} +mp4-30d  \\(MP4, kept 30 days\\)$`, 'm'));

    const stream = [
      'record',
      '--domain',
      'push.example.com',
      '--app',
      'live',
      '--stream',
      'tpl-show',
      '--from',
      '+1h',
      '--for',
      '1h',
      '--dry-run',
      '--json',
    ];
    const before = await runTaper([...stream, '--profile', profile], { env });
    expect(parseJson<{ request: { TemplateId?: number } }>(before).request.TemplateId).toBeUndefined();

    const made = await runTaper(['templates', 'default', String(templateId), '--profile', profile, '--json'], { env });
    expect(made.code, made.stderr).toBe(0);
    expect(parseJson(made)).toEqual({ profile, defaultTemplateId: templateId });
    const summary = parseJson<{ name: string; defaultTemplateId?: number }[]>(
      await runTaper(['profile', 'list', '--json'], { env }),
    ).find((item) => item.name === profile);
    expect(summary?.defaultTemplateId).toBe(templateId);

    expect(
      parseJson<{ request: { TemplateId?: number } }>(await runTaper([...stream, '--profile', profile], { env }))
        .request.TemplateId,
    ).toBe(templateId);
    // The only profile is the default one: no --profile needed.
    expect(parseJson<{ request: { TemplateId?: number } }>(await runTaper(stream, { env })).request.TemplateId).toBe(
      templateId,
    );
    expect(
      parseJson<{ request: { TemplateId?: number } }>(
        await runTaper([...stream, '--profile', profile, '--template', '1001'], { env }),
      ).request.TemplateId,
    ).toBe(1001);
    const recorded = await runTaper(
      [
        'record',
        '--domain',
        'push.example.com',
        '--app',
        'live',
        '--stream',
        'tpl-real',
        '--from',
        '+1h',
        '--for',
        '1h',
        '--profile',
        profile,
        '--json',
      ],
      { env },
    );
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(simulator.tasks.list().find((task) => task.streamName === 'tpl-real')?.templateId).toBe(templateId);

    // Re-adding the profile (a new key) keeps it; `none` clears it.
    expect(
      (
        await runTaper(['profile', 'add', profile, '--secret-id', DEMO_ACCOUNT.secretId], {
          env,
          input: `${DEMO_ACCOUNT.secretKey}\n`,
        })
      ).code,
    ).toBe(0);
    expect(
      parseJson<{ request: { TemplateId?: number } }>(await runTaper([...stream, '--profile', profile], { env }))
        .request.TemplateId,
    ).toBe(templateId);
    expect((await runTaper(['templates', 'default', 'none', '--profile', profile], { env })).code).toBe(0);
    expect(
      parseJson<{ request: { TemplateId?: number } }>(await runTaper([...stream, '--profile', profile], { env }))
        .request.TemplateId,
    ).toBeUndefined();
  });

  it('refuses a bad name, format, storage time or segment length with exit 2, sending nothing', async () => {
    const env = baseEnv(await freshHome(), simulator.endpoint);
    const profile = `tpb${Date.now().toString(36)}`;
    expect(
      (
        await runTaper(['profile', 'add', profile, '--secret-id', DEMO_ACCOUNT.secretId], {
          env,
          input: `${DEMO_ACCOUNT.secretKey}\n`,
        })
      ).code,
    ).toBe(0);
    simulator.clearRequests();
    for (const args of [
      ['bad name!', '--format', 'mp4', '--keep-days', '30'],
      ['ok-name', '--format', 'mkv', '--keep-days', '30'],
      ['ok-name', '--format', 'mp4', '--keep-days', '-1'],
      ['ok-name', '--format', 'mp4', '--keep-days', '30', '--segment-minutes', '10'],
      ['ok-name', '--format', 'mp4'],
    ]) {
      const run = await runTaper(['templates', 'add', ...args, '--profile', profile], { env });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
    }
    expect((await runTaper(['templates', 'default', 'abc', '--profile', profile], { env })).code).toBe(2);
    expect(simulator.requests()).toEqual([]);
  });
});
