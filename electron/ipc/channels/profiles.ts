// `profiles:*`: the accounts in the keychain. Answers are rebuilt field by field, and a failed add has its secrets
// scrubbed from the error, so no key ever reaches the renderer.
import type { ProfileSummary } from '../../../shared/ipc/contract.js';
import { ok, type AppError } from '../../../shared/result.js';
import type { ProfileSummary as ServiceProfileSummary } from '../../services/app-services.js';
import { mapOk, type ChannelBodies, type ChannelContext, type ChannelsOf } from '../channel-kit.js';

/** A profile summary rebuilt field by field: whatever else a port returns never reaches the renderer. */
function toSummary(profile: ServiceProfileSummary): ProfileSummary {
  return {
    name: profile.name,
    secretIdMasked: profile.secretIdMasked,
    region: profile.region,
    endpoint: profile.endpoint,
    hasToken: profile.hasToken,
    isDefault: profile.isDefault,
    // The record form preselects it for this account.
    ...(profile.defaultTemplateId === undefined ? {} : { defaultTemplateId: profile.defaultTemplateId }),
  };
}

/** Replaces every occurrence of the given secrets in an error's texts (belt and braces for `profiles:add`). */
function scrubError(error: AppError, secrets: readonly string[]): AppError {
  const scrub = (text: string) =>
    secrets.reduce((out, secret) => (secret === '' ? out : out.split(secret).join('[redacted]')), text);
  return { ...error, message: scrub(error.message) };
}

export function profileChannels({ services }: ChannelContext): ChannelBodies<ChannelsOf<'profiles'>> {
  return {
    'profiles:list': async () => mapOk(await services.profiles.list(), (list) => list.map(toSummary)),
    'profiles:add': async (payload) => {
      const added = await services.profiles.add(payload);
      if (!added.ok) return { ok: false, error: scrubError(added.error, [payload.secretKey, payload.token ?? '']) };
      return ok(toSummary(added.value));
    },
    'profiles:remove': async ({ name }) => mapOk(await services.profiles.remove(name), () => null),
    'profiles:set-default': async ({ name }) => mapOk(await services.profiles.setDefault(name), () => null),
    'profiles:test': async ({ name }) => services.checkProfile(name),
    'profiles:set-default-template': async ({ profile, templateId }) =>
      mapOk(await services.profiles.setDefaultTemplate(profile, templateId), toSummary),
  };
}
