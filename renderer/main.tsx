// The renderer's composition root: the only place that reads window.api, the real clock and the system zone. It picks
// the transport once: the Electron preload's window.api, or, for a page that `taper serve` gave a browser, the same
// TaperApi built over HTTP. Nothing below the root knows which.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// From api, not contract: contract re-exports the zod schemas, which the page never needs.
import { buildTaperApi, type TaperApi } from '../shared/ipc/api';
import { systemTimeZone } from '../shared/time/time-zone';
import { EnvironmentContext, type Environment } from './api-context';
import { App } from './app';
import { createHttpTransport } from './http-transport';
import { startStartupLoads } from './startup-loads';
import './styles/app.css';
import './styles/files.css';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e bridge). */
    api?: TaperApi;
  }
}

/** How long the first render waits for main's first answers before it renders without them. */
const FIRST_ANSWERS_WAIT_MS = 150;

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

/** The preload's API; else, served over http(s) by `taper serve`, the HTTP one; else none (a broken preload). */
function pickApi(): TaperApi | undefined {
  if (window.api !== undefined) return window.api;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return undefined;
  return buildTaperApi(
    createHttpTransport({ fetch: (input, init) => fetch(input, init), openEvents: (url) => new EventSource(url) }),
  );
}

const api = pickApi();
if (api === undefined) {
  root.textContent = 'Taper could not reach its main process (window.api is missing).';
} else {
  // Asked first: main answers while the page loads. The first render waits for those answers, briefly, so that the
  // first frame is the form with its choices, not an empty one that fills in a frame (a layout and a paint) later.
  const startup = startStartupLoads(api);
  const environment: Environment = { api, clock: () => Date.now(), systemTimeZone: systemTimeZone(), startup };
  void startup.settled(FIRST_ANSWERS_WAIT_MS).then(() =>
    createRoot(root).render(
      <StrictMode>
        <EnvironmentContext value={environment}>
          <App />
        </EnvironmentContext>
      </StrictMode>,
    ),
  );
}
