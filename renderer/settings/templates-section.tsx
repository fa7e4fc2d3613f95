// Recording templates in Settings: the account's templates (DescribeLiveRecordTemplates), which one is the profile's
// default (the record form preselects it, `taper record` sends it), and a form to add one. Without any template the
// platform records HLS and keeps the files forever, billed: the section says so.
import { useMemo, useState } from 'react';
import type { ProfileSummary } from '../../shared/ipc/contract';
import { ok, type AppError } from '../../shared/result';
import { useApi } from '../api-context';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';
import { useLoaded } from '../use-loaded';
import { TemplateForm } from './template-form';

interface Props {
  profiles: readonly ProfileSummary[];
  /** Reload the profiles after the default changed (the form's preselection follows them). */
  onProfilesChanged: () => void;
}

export function TemplatesSection({ profiles, onProfilesChanged }: Props) {
  const api = useApi();
  const { t } = useT();
  const fallback = profiles.find((profile) => profile.isDefault) ?? profiles[0];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const profile = profiles.find((candidate) => candidate.name === chosen) ?? fallback;
  const [error, setError] = useState<AppError | null>(null);
  const name = profile?.name;
  const { value: templates, reload } = useLoaded(
    // An answer for an account no longer chosen is dropped (and one that arrives anyway is keyed by its account).
    useMemo(
      () =>
        name === undefined
          ? null
          : () =>
              api.live
                .templates({ profile: name })
                .then((result) => ok({ profile: name, list: result.ok ? result.value : result.error })),
      [api, name],
    ),
  );

  if (profile === undefined) return null;
  const list = templates?.profile === profile.name ? templates.list : null;
  const setDefault = async (templateId: number | null) => {
    const set = await api.profiles.setDefaultTemplate({ profile: profile.name, templateId });
    setError(set.ok ? null : set.error);
    onProfilesChanged();
  };

  return (
    <section aria-labelledby="templates-title" className="templates" data-testid="templates">
      <h3 id="templates-title">{t('templates.title')}</h3>
      <p className="hint templates-why">{t('templates.why')}</p>
      {profiles.length > 1 ? (
        <div className="field">
          <label htmlFor="templates-account">{t('templates.account')}</label>
          <select id="templates-account" value={profile.name} onChange={(event) => setChosen(event.target.value)}>
            {profiles.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p role="status" data-testid="default-template">
        {profile.defaultTemplateId === undefined
          ? t('templates.noDefault', { profile: profile.name })
          : t('templates.defaultIs', { profile: profile.name, id: profile.defaultTemplateId })}
      </p>
      {list === null ? <p className="hint">{t('app.loading')}</p> : null}
      {list !== null && !Array.isArray(list) ? <ErrorBox error={list} /> : null}
      {Array.isArray(list) && list.length === 0 ? <p className="hint">{t('templates.none')}</p> : null}
      {Array.isArray(list) && list.length > 0 ? (
        <ul className="template-list">
          {list.map((template) => {
            const isDefault = template.templateId === profile.defaultTemplateId;
            return (
              <li key={template.templateId} data-template-id={template.templateId}>
                <span className="mono">{template.templateId}</span>
                <strong>{template.name}</strong>
                {template.description === '' ? null : <span className="hint">{template.description}</span>}
                {isDefault ? (
                  <>
                    <span className="tag">{t('settings.default')}</span>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => void setDefault(null)}
                      aria-label={`${t('templates.clearDefault')} ${template.name}`}
                    >
                      {t('templates.clearDefault')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void setDefault(template.templateId)}
                    aria-label={`${t('templates.makeDefault')} ${template.name}`}
                  >
                    {t('templates.makeDefault')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {error === null ? null : <ErrorBox error={error} />}
      <TemplateForm profile={profile.name} onAdded={reload} />
    </section>
  );
}
