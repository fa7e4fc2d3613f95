// taper templates list|add: recording templates, so that no one records permanent HLS by accident (with no TemplateId
// the platform records HLS and keeps it, billed, forever). `add` creates one with CreateLiveRecordTemplate: a format
// and how long VOD keeps its files; `taper record --template ID` then uses it.
import { InvalidArgumentError, type Command } from 'commander';
import { LocalErrorCode } from '../../../shared/errors/local-codes.js';
import {
  MAX_KEEP_DAYS,
  MAX_SEGMENT_MINUTES,
  MIN_SEGMENT_MINUTES,
  TEMPLATE_FORMATS,
  validateTemplate,
} from '../../../shared/rules/record-template.js';
import type { NewRecordTemplate } from '../../services/live-api/live-api.js';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, reportError } from '../output.js';

interface ApiFlags {
  profile?: string;
  region?: string;
  json?: boolean;
}

const FORMATS = TEMPLATE_FORMATS;

function parseFormat(value: string): NewRecordTemplate['format'] {
  const format = FORMATS.find((known) => known === value.toLowerCase());
  if (format === undefined) throw new InvalidArgumentError(`expected one of ${FORMATS.join(', ')}.`);
  return format;
}

function wholeNumber(min: number, max: number, unit: string) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max)
      throw new InvalidArgumentError(`expected a whole number of ${unit} from ${min} to ${max}.`);
    return number;
  };
}

const apiOptions = (flags: ApiFlags) => ({
  ...(flags.profile ? { profile: flags.profile } : {}),
  ...(flags.region ? { region: flags.region } : {}),
});

export function registerTemplates(program: Command, context: CliContext): void {
  const templates = program
    .command('templates')
    .description('recording templates: the format of the files and how long VOD keeps them');
  registerList(templates, context);
  registerDefault(templates, context);
  registerAdd(templates, context);
}

/** taper templates list: what DescribeLiveRecordTemplates answers. */
function registerList(templates: Command, context: CliContext): void {
  templates
    .command('list')
    .description("the account's recording templates (DescribeLiveRecordTemplates)")
    .option('--profile <name>', 'credentials profile')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: ApiFlags) => {
      const { io } = context;
      const json = flags.json === true;
      const api = await (await context.core()).services.liveApi(apiOptions(flags));
      if (!api.ok) return void (context.exitCode = reportError(io, api.error, json));
      const listed = await api.value.describeRecordTemplates();
      if (!listed.ok) return void (context.exitCode = reportError(io, listed.error, json));
      if (json) printJson(io, { templates: listed.value });
      else if (listed.value.length === 0)
        io.stdout('No recording templates: add one with taper templates add NAME --format mp4 --keep-days 30.\n');
      else
        for (const template of listed.value)
          io.stdout(
            `${String(template.templateId).padEnd(8)} ${template.name}${template.description ? `  (${template.description})` : ''}\n`,
          );
      context.exitCode = ExitCode.Ok;
    });
}

/** taper templates default ID|none: the profile's template when a record names none. */
function registerDefault(templates: Command, context: CliContext): void {
  templates
    .command('default <templateId>')
    .description('the template `taper record` and the app use for this profile when none is chosen (`none` clears it)')
    .option('--profile <name>', 'the profile (default: the default profile)')
    .option('--json', 'print one JSON document on stdout')
    .action(async (templateId: string, flags: { profile?: string; json?: boolean }) => {
      const { io } = context;
      const json = flags.json === true;
      const id = templateId === 'none' ? null : Number(templateId);
      if (id !== null && (!Number.isInteger(id) || id <= 0)) {
        return void (context.exitCode = reportError(
          io,
          {
            code: LocalErrorCode.InvalidInput,
            message: `${JSON.stringify(templateId)} is no TemplateId (a positive whole number, or none).`,
          },
          json,
        ));
      }
      const set = await (await context.core()).services.profiles.setDefaultTemplate(flags.profile, id);
      if (!set.ok) return void (context.exitCode = reportError(io, set.error, json));
      if (json) printJson(io, { profile: set.value.name, defaultTemplateId: set.value.defaultTemplateId ?? null });
      else
        io.stdout(
          id === null
            ? `Profile ${set.value.name}: no default template (records without --template use the platform's HLS, kept permanently).\n`
            : `Profile ${set.value.name}: records without --template use template ${id}.\n`,
        );
      context.exitCode = ExitCode.Ok;
    });
}

/** taper templates add NAME: CreateLiveRecordTemplate, after the platform's rules are checked here. */
function registerAdd(templates: Command, context: CliContext): void {
  templates
    .command('add <name>')
    .description('create a recording template (CreateLiveRecordTemplate); use it with taper record --template ID')
    .requiredOption('--format <format>', `file format: ${FORMATS.join(', ')}`, parseFormat)
    .requiredOption(
      '--keep-days <days>',
      'how long VOD keeps the files, in days (0: permanently, billed until deleted)',
      wholeNumber(0, MAX_KEEP_DAYS, 'days'),
    )
    .option(
      '--segment-minutes <minutes>',
      'length of each file, 30 to 120 minutes (default 30)',
      wholeNumber(MIN_SEGMENT_MINUTES, MAX_SEGMENT_MINUTES, 'minutes'),
    )
    .option('--description <text>', 'a note shown with the template')
    .option('--profile <name>', 'credentials profile')
    .option('--region <region>', 'region override')
    .option('--json', 'print one JSON document on stdout')
    .action(
      async (
        name: string,
        flags: ApiFlags & {
          format: NewRecordTemplate['format'];
          keepDays: number;
          segmentMinutes?: number;
          description?: string;
        },
      ) => {
        const { io } = context;
        const json = flags.json === true;
        // The platform's rules (shared with the app's Settings), checked before anything is sent; the flag parsers
        // already bound the numbers.
        const problem = validateTemplate({ name, format: flags.format, keepDays: flags.keepDays })[0];
        if (problem !== undefined) {
          return void (context.exitCode = reportError(
            io,
            { code: LocalErrorCode.InvalidInput, message: problem.message },
            json,
          ));
        }
        const api = await (await context.core()).services.liveApi(apiOptions(flags));
        if (!api.ok) return void (context.exitCode = reportError(io, api.error, json));
        const created = await api.value.createRecordTemplate({
          name,
          format: flags.format,
          storageDays: flags.keepDays,
          ...(flags.segmentMinutes === undefined ? {} : { segmentSeconds: flags.segmentMinutes * 60 }),
          ...(flags.description === undefined ? {} : { description: flags.description }),
        });
        if (!created.ok) return void (context.exitCode = reportError(io, created.error, json));
        if (json)
          printJson(io, {
            templateId: created.value.templateId,
            requestId: created.value.requestId,
            name,
            format: flags.format,
            keepDays: flags.keepDays,
          });
        else {
          io.stdout(
            `Created template ${created.value.templateId} (${name}: ${flags.format.toUpperCase()}, ${flags.keepDays === 0 ? 'kept permanently' : `kept ${flags.keepDays} days`}).\n`,
          );
          io.stdout(`Use it: taper record ... --template ${created.value.templateId}\n`);
        }
        context.exitCode = ExitCode.Ok;
      },
    );
}
