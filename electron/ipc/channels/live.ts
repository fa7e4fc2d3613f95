// `live:*`: read-only Live API look-ups for the forms (the account's templates and domains, a stream's state).
import { accountOptions, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';

export function liveChannels({ services }: ChannelContext): ChannelBodies<ChannelsOf<'live'>> {
  return {
    'live:templates': async ({ profile }) => {
      const api = await services.liveApi(accountOptions(profile));
      return api.ok ? api.value.describeRecordTemplates() : api;
    },
    'live:domains': async ({ profile }) => {
      const api = await services.liveApi(accountOptions(profile));
      return api.ok ? api.value.describeDomains() : api;
    },
    'live:stream-state': async ({ stream, profile }) => {
      const api = await services.liveApi(accountOptions(profile));
      return api.ok ? api.value.describeStreamState(stream) : api;
    },
  };
}
