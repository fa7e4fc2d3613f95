// The Import view's lifecycle in main: choose a file → its preview → running (main's `import:progress` events) →
// the report. The import runs in main: a window reopened meanwhile picks up the running import or the last report.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ImportPreview, ImportProgress, ImportReport } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import { useEnvironment } from '../api-context';
import { useT } from '../i18n/i18n';
import { MAX_IMPORT_FILE_BYTES } from './import-model';

export type ImportState =
  | { kind: 'choose' }
  | { kind: 'reading' }
  | { kind: 'preview'; fileName: string; csv: string; preview: ImportPreview }
  | { kind: 'running'; progress: ImportProgress }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; error: AppError };

export interface ImportLifecycle {
  state: ImportState;
  /** Zone for wall times in the file. */
  zone: string;
  setZone: (zone: string) => void;
  readFile: (event: ChangeEvent<HTMLInputElement>) => Promise<void>;
  run: (csv: string, skipInvalid: boolean, total: number) => Promise<void>;
  /** Back to choosing a file; answers still awaited are dropped. */
  reset: () => void;
}

export function useImport(timeZone: string, account: { profile?: string }): ImportLifecycle {
  const { api } = useEnvironment();
  const { t } = useT();
  const [state, setState] = useState<ImportState>({ kind: 'choose' });
  const [zone, setZone] = useState(timeZone);
  const attempt = useRef(0);

  useEffect(() => {
    let current = true;
    // The window may have been closed during an import: pick up its progress or its report.
    void api.imports.status().then((result) => {
      if (!current || !result.ok) return;
      if (result.value.running) setState({ kind: 'running', progress: result.value.running });
      else if (result.value.last)
        setState((now) => (now.kind === 'choose' ? { kind: 'done', report: result.value.last as ImportReport } : now));
    });
    const off = api.events.onImportProgress((progress) => {
      if (!current) return;
      setState((now) =>
        now.kind === 'running' || now.kind === 'preview' || now.kind === 'choose' ? { kind: 'running', progress } : now,
      );
    });
    // Main announces a finished import with history:changed: a window that did not start it (reopened) fetches the report.
    const offHistory = api.events.onHistoryChanged(() => {
      void api.imports.status().then((result) => {
        if (!current || !result.ok || result.value.running !== null || result.value.last === null) return;
        const last = result.value.last;
        setState((now) => (now.kind === 'running' ? { kind: 'done', report: last } : now));
      });
    });
    return () => {
      current = false;
      off();
      offHistory();
    };
  }, [api]);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    const mine = ++attempt.current;
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setState({
        kind: 'failed',
        error: {
          code: 'Taper.InvalidInput',
          message: t('import.tooLarge', { size: Math.ceil(file.size / 1_000_000) }),
        },
      });
      return;
    }
    setState({ kind: 'reading' });
    const csv = await file.text();
    const preview = await api.imports.preview({ csv, timeZone: zone });
    // Another file was chosen meanwhile: its preview wins.
    if (mine !== attempt.current) return;
    setState(
      preview.ok
        ? { kind: 'preview', fileName: file.name, csv, preview: preview.value }
        : { kind: 'failed', error: preview.error },
    );
  };

  const run = async (csv: string, skipInvalid: boolean, total: number) => {
    const mine = ++attempt.current;
    setState({ kind: 'running', progress: { done: 0, total, created: 0, unknown: 0, failed: 0 } });
    const report = await api.imports.run({ csv, timeZone: zone, skipInvalid, ...account });
    if (mine !== attempt.current) return;
    setState(report.ok ? { kind: 'done', report: report.value } : { kind: 'failed', error: report.error });
  };

  const reset = () => {
    attempt.current++;
    setState({ kind: 'choose' });
  };

  return { state, zone, setZone, readFile, run, reset };
}
