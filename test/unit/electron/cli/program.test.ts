// A run that names its command builds only that one; the table that maps names to commands must stay true, or a
// command would be missing from the run that names it.
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../../electron/cli/cli-context.js';
import { buildProgram, COMMAND_GROUPS, runProgram } from '../../../../electron/cli/program.js';

function context(): CliContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    exitCode: 0,
    io: {
      stdout: (text: string) => (out.push(text), true),
      stderr: (text: string) => (err.push(text), true),
      readStdin: async () => '',
      promptHidden: async () => '',
      stdinIsTerminal: false,
      env: {},
      clock: () => 0,
    },
    core: () => Promise.reject(new Error('no services in this test')),
  } as unknown as CliContext & { out: string[]; err: string[] };
}

const names = (argv?: string[]) => buildProgram(context(), '1.2.3', argv).commands.map((command) => command.name());

describe('the command table', () => {
  it('names exactly what each group registers', () => {
    for (const group of COMMAND_GROUPS) expect(names([group.names[0] ?? ''])).toEqual(group.names);
    for (const group of COMMAND_GROUPS)
      for (const name of group.names) expect(names([name, '--help'])).toEqual(group.names);
  });

  it('builds every command for help, a typo, or no command at all', () => {
    const all = COMMAND_GROUPS.flatMap((group) => group.names);
    expect(names()).toEqual(all);
    expect(names(['--help'])).toEqual(all);
    expect(names(['help', 'record'])).toEqual(all);
    expect(names(['histroy'])).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
  });

  it('still lists every command in the help and suggests one for a typo', async () => {
    const help = context();
    expect(await runProgram(help, '1.2.3', ['--help'])).toBe(0);
    for (const name of COMMAND_GROUPS.flatMap((group) => group.names)) expect(help.out.join('')).toContain(`  ${name}`);
    const typo = context();
    expect(await runProgram(typo, '1.2.3', ['histroy'])).toBe(2);
    expect(typo.err.join('')).toContain('history');
  });
});
