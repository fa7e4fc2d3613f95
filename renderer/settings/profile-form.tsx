// Adds a profile. The SecretKey field is write-only: type=password, never prefilled, cleared after every submit.
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../shared/result';
import { useApi } from '../api-context';
import { ErrorBox } from '../error-box';
import { useT } from '../i18n/i18n';

interface Props {
  onAdded: (name: string) => void;
}

export function ProfileForm({ onAdded }: Props) {
  const api = useApi();
  const { t } = useT();
  const [name, setName] = useState('default');
  const [secretId, setSecretId] = useState('');
  const [secretKey, setSecretKey] = useState('');
  const [region, setRegion] = useState('ap-guangzhou');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const key = secretKey;
    // The secret leaves the page's state at once, whatever the answer.
    setSecretKey('');
    setBusy(true);
    const result = await api.profiles.add({
      name: name.trim(),
      secretId: secretId.trim(),
      secretKey: key,
      region: region.trim(),
    });
    setBusy(false);
    if (result.ok) {
      setError(null);
      setSaved(result.value.name);
      setSecretId('');
      onAdded(result.value.name);
    } else {
      setSaved(null);
      setError(result.error);
    }
  };

  return (
    <form className="profile-form" onSubmit={(event) => void submit(event)} aria-labelledby="add-profile-title">
      <h3 id="add-profile-title">{t('settings.addProfile')}</h3>
      <div className="field-row two">
        <div className="field">
          <label htmlFor="profile-name">{t('settings.profileName')}</label>
          <input
            id="profile-name"
            value={name}
            required
            maxLength={64}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="profile-region">{t('settings.region')}</label>
          <input
            id="profile-region"
            value={region}
            maxLength={64}
            onChange={(event) => setRegion(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="profile-secret-id">{t('settings.secretId')}</label>
          <input
            id="profile-secret-id"
            value={secretId}
            required
            maxLength={128}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setSecretId(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="profile-secret-key">{t('settings.secretKey')}</label>
          <input
            id="profile-secret-key"
            type="password"
            value={secretKey}
            required
            maxLength={128}
            autoComplete="new-password"
            aria-describedby="profile-secret-key-hint"
            onChange={(event) => setSecretKey(event.target.value)}
          />
          <p id="profile-secret-key-hint" className="hint">
            {t('settings.secretKeyHint')}
          </p>
        </div>
      </div>
      {error === null ? null : <ErrorBox error={error} />}
      {saved === null ? null : <p role="status">{t('settings.saved', { name: saved })}</p>}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
