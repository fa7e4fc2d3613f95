// `settings:*`: the app's settings, stored and applied by the shell (login item, languages).
import { ok } from '../../../shared/result.js';
import type { ChannelBodies, ChannelContext, ChannelsOf } from '../channel-kit.js';

export function settingsChannels({ hooks }: ChannelContext): ChannelBodies<ChannelsOf<'settings'>> {
  return {
    'settings:get': async () => ok(await hooks.getSettings()),
    'settings:set': async (patch) => hooks.setSettings(withoutUndefined(patch)),
  };
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
