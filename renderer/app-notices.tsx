// What main could not say elsewhere: data files it found damaged at start (named, with where the copy went), and
// notifications the OS could not show, as banners on top of every view until dismissed.
import { useEffect, useState } from 'react';
import type { AppNotice, DamagedFile, ViewName } from '../shared/ipc/contract';
import { useApi } from './api-context';
import { useT } from './i18n/i18n';

interface Props {
  damagedFiles: readonly DamagedFile[];
  onOpen: (view: ViewName) => void;
}

export function AppNotices({ damagedFiles, onOpen }: Props) {
  const api = useApi();
  const { t } = useT();
  const [notices, setNotices] = useState<(AppNotice & { key: number })[]>([]);
  const [damagedDismissed, setDamagedDismissed] = useState(false);

  useEffect(() => {
    let key = 0;
    return api.events.onNotice((notice) => setNotices((current) => [...current, { ...notice, key: ++key }]));
  }, [api]);

  const dismiss = (key: number) => setNotices((current) => current.filter((notice) => notice.key !== key));
  return (
    <>
      {damagedFiles.length > 0 && !damagedDismissed ? (
        <section className="error-box startup-damaged" role="alert" data-testid="damaged-files">
          <p className="error-title">{t('startup.damagedTitle')}</p>
          <ul>
            {damagedFiles.map((file) => (
              <li key={file.file}>
                <span className="mono">{file.file}</span>: {file.reason}
                <br />
                {file.movedTo === null
                  ? t('startup.damagedInPlace')
                  : t('startup.damagedMoved', { path: file.movedTo })}
              </li>
            ))}
          </ul>
          <button type="button" className="button small" onClick={() => setDamagedDismissed(true)}>
            {t('notice.dismiss')}
          </button>
        </section>
      ) : null}
      {notices.map((notice) => (
        <section key={notice.key} className="app-notice" role="status" data-testid="app-notice">
          <p className="error-title">{notice.title}</p>
          <p>{notice.body}</p>
          {notice.view === undefined ? null : (
            <button
              type="button"
              className="button small"
              onClick={() => notice.view !== undefined && onOpen(notice.view)}
            >
              {t('notice.open')}
            </button>
          )}
          <button type="button" className="button small" onClick={() => dismiss(notice.key)}>
            {t('notice.dismiss')}
          </button>
        </section>
      ))}
    </>
  );
}
