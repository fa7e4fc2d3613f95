// `templates:*`: a recording template created on the account, after the rules `taper templates add` checks too.
import { err } from '../../../shared/result.js';
import { validateTemplate } from '../../../shared/rules/record-template.js';
import { accountOptions, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';
import { IpcErrorCode } from '../ipc-errors.js';

export function templateChannels({ services }: ChannelContext): ChannelBodies<ChannelsOf<'templates'>> {
  return {
    'templates:add': async ({ template, profile }) => {
      const problem = validateTemplate(template)[0];
      if (problem !== undefined) return err(IpcErrorCode.InvalidInput, problem.message);
      const api = await services.liveApi(accountOptions(profile));
      if (!api.ok) return api;
      return api.value.createRecordTemplate({
        name: template.name,
        format: template.format,
        storageDays: template.keepDays,
        ...(template.segmentMinutes === undefined ? {} : { segmentSeconds: template.segmentMinutes * 60 }),
        ...(template.description === undefined || template.description === ''
          ? {}
          : { description: template.description }),
      });
    },
  };
}
