// The renderer's composition root: the only place that reads window.api, the real clock and the system zone.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { TaperApi } from '../shared/ipc/contract';
import { systemTimeZone } from '../shared/time/time-zone';
import { EnvironmentContext, type Environment } from './api-context';
import { App } from './app';
import './styles/app.css';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e bridge). */
    api?: TaperApi;
  }
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

if (window.api === undefined) {
  root.textContent = 'Taper could not reach its main process (window.api is missing).';
} else {
  const environment: Environment = { api: window.api, clock: () => Date.now(), systemTimeZone: systemTimeZone() };
  createRoot(root).render(
    <StrictMode>
      <EnvironmentContext value={environment}>
        <App />
      </EnvironmentContext>
    </StrictMode>,
  );
}
