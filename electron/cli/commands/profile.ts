// taper profile add|list|remove|test|default: credentials, with the SecretKey kept in the OS keychain.
import type { Command } from 'commander';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';
import { readSecretInput } from '../read-secret.js';

interface AddFlags {
  secretId: string;
  region?: string;
  endpoint?: string;
  json?: boolean;
}

export function registerProfile(program: Command, context: CliContext): void {
  const profile = program.command('profile').description('manage credentials profiles (keys live in the OS keychain)');

  profile
    .command('add <name>')
    .description(
      'add or replace a profile; the SecretKey is read from stdin (first line; an optional second line is a session token) or a hidden prompt',
    )
    .requiredOption('--secret-id <id>', 'SecretId (AKID...)')
    .option('--region <region>', 'default region for this profile (default ap-guangzhou)')
    .option('--endpoint <url>', 'API endpoint, e.g. live.intl.tencentcloudapi.com or http://127.0.0.1:9000')
    .option('--json', 'print one JSON document on stdout')
    .action(async (name: string, flags: AddFlags) => {
      const { io } = context;
      const json = flags.json === true;
      // Never from argv: a key on the command line shows up in `ps` and shell history.
      const secret = await readSecretInput(io);
      if (!secret.secretKey) {
        context.exitCode = reportError(
          io,
          {
            code: LocalErrorCode.InvalidInput,
            message: 'No SecretKey given: pipe it on stdin or type it at the prompt.',
          },
          json,
        );
        return;
      }
      const { services } = await context.core();
      const added = await services.profiles.add({
        name,
        secretId: flags.secretId,
        secretKey: secret.secretKey,
        ...(secret.token ? { token: secret.token } : {}),
        ...(flags.region ? { region: flags.region } : {}),
        ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
      });
      if (!added.ok) return void (context.exitCode = reportError(io, added.error, json));
      if (json) printJson(io, added.value);
      else
        io.stdout(
          `Saved profile ${added.value.name} (${added.value.secretIdMasked}, ${added.value.region}); the SecretKey is in the OS keychain.\n`,
        );
      context.exitCode = ExitCode.Ok;
    });

  profile
    .command('list')
    .description('list profiles (SecretIds masked)')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: { json?: boolean }) => {
      const { io } = context;
      const { services } = await context.core();
      const listed = await services.profiles.list();
      if (!listed.ok) return void (context.exitCode = reportError(io, listed.error, flags.json === true));
      if (flags.json) printJson(io, listed.value);
      else if (listed.value.length === 0)
        io.stdout('No profiles. Add one with: taper profile add NAME --secret-id AKID...\n');
      else {
        for (const item of listed.value) {
          io.stdout(
            `${item.isDefault ? '*' : ' '} ${item.name}  ${item.secretIdMasked}  ${item.region}${item.endpoint ? `  ${item.endpoint}` : ''}\n`,
          );
        }
      }
      context.exitCode = ExitCode.Ok;
    });

  profile
    .command('remove <name>')
    .description('remove a profile and its keychain entries')
    .option('--json', 'print one JSON document on stdout')
    .action(async (name: string, flags: { json?: boolean }) => {
      const { services } = await context.core();
      const removed = await services.profiles.remove(name);
      if (!removed.ok) return void (context.exitCode = reportError(context.io, removed.error, flags.json === true));
      if (flags.json) printJson(context.io, { removed: name });
      else context.io.stdout(`Removed profile ${name} and its keychain entries.\n`);
      context.exitCode = ExitCode.Ok;
    });

  profile
    .command('default <name>')
    .description('use this profile when none is given')
    .action(async (name: string) => {
      const { services } = await context.core();
      const set = await services.profiles.setDefault(name);
      if (!set.ok) return void (context.exitCode = reportError(context.io, set.error, false));
      context.io.stdout(`Default profile: ${name}\n`);
      context.exitCode = ExitCode.Ok;
    });

  profile
    .command('test <name>')
    .description(
      'check the keys with a cheap signed call: keys OK / wrong key / unknown SecretId / clock off / no network',
    )
    .option('--json', 'print one JSON document on stdout')
    .action(async (name: string, flags: { json?: boolean }) => {
      const { io } = context;
      const { services } = await context.core();
      const checked = await services.checkProfile(name);
      if (!checked.ok) return void (context.exitCode = reportError(io, checked.error, flags.json === true));
      const { status, message } = checked.value;
      if (flags.json) printJson(io, checked.value);
      else io.stdout(`${name}: ${message}\n`);
      context.exitCode =
        status === 'ok' ? ExitCode.Ok : status === 'no-network' ? ExitCode.Unknown : ExitCode.ApiRefused;
    });
}
