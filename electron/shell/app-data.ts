// The app's first start-up steps, up to its services: the data directory, the renderer's protocol, the start-up files
// (a damaged one moved aside), the proxy, the secret routing and the core (createTaperCore).
import * as fs from 'node:fs/promises';
import { getProxyForUrl } from 'proxy-from-env';
import type { Clock } from '../../shared/clock.js';
import type { DamagedFile } from '../../shared/ipc/types.js';
import { createMemorySecretStore } from '../services/keychain/memory-secret-store.js';
import { createRoutedSecretStore } from '../services/keychain/routed-secret-store.js';
import { DEFAULT_LIVE_HOST } from '../services/live-api/endpoint.js';
import type { ProxyFor } from '../services/live-api/proxy.js';
import { secretKeyAccount, tokenAccount } from '../services/profiles/profile-accounts.js';
import { appDataDirectory, ensureDataDirectory } from '../services/storage/data-directory.js';
import { createTaperCore, type TaperCore } from '../services/taper-core.js';
import type { AppPorts } from './app-ports.js';
import { createRendererHandler, RENDERER_SCHEME } from './renderer-protocol.js';
import { SANDBOX_PROFILE } from './sandbox.js';
import { openStartupFiles, type StartupFiles } from './startup-files.js';
import { appProxyFor, resolveSystemProxy } from './system-proxy.js';

/** A start-up failure the user must read: shown in a dialog, then the app exits 1 (never silently). */
export class StartupError extends Error {}

/** Accounts that live in memory, never in the keychain: the sandbox's demo key works where no keyring runs. */
const SANDBOX_ACCOUNTS: ReadonlySet<string> = new Set([
  secretKeyAccount(SANDBOX_PROFILE),
  tokenAccount(SANDBOX_PROFILE),
]);

export interface AppData {
  dataDir: string;
  files: StartupFiles;
  /** The files moved aside (or left in place) at start; the window names them. */
  damaged: DamagedFile[];
  proxyFor: ProxyFor;
  core: TaperCore;
}

export async function openAppData(ports: AppPorts, clock: Clock): Promise<AppData> {
  const { host, log } = ports;
  // TAPER_HOME wins, as in the CLI, so the app and `taper` always share one history and one settings file.
  const dataDir = appDataDirectory(host.env, () => ports.app.userData());
  const ready = await ensureDataDirectory(dataDir);
  if (!ready.ok) throw new StartupError(ready.error.message);
  ports.handleProtocol(
    RENDERER_SCHEME,
    createRendererHandler({ root: ports.paths.renderer, readFile: (path) => fs.readFile(path) }),
  );
  log.info(`Taper ${ports.app.version} starting (${host.platform} ${host.osRelease}, data ${dataDir})`);

  const files = openStartupFiles(dataDir, clock);
  const damaged: DamagedFile[] = [...files.damaged];
  for (const file of damaged)
    log.warn(`damaged data file ${file.file} moved to ${file.movedTo ?? '(left in place)'}: ${file.reason}`);

  // Asked once per start: a proxy changed while the app runs applies after a restart.
  const systemProxy = await resolveSystemProxy(
    (url) => ports.session.resolveProxy(url),
    `https://${DEFAULT_LIVE_HOST}/`,
  );
  const proxyFor = appProxyFor(host.env, getProxyForUrl, systemProxy);
  const secrets = createRoutedSecretStore(
    (account) => SANDBOX_ACCOUNTS.has(account),
    createMemorySecretStore(),
    async () => (await import('../services/keychain/keyring-secret-store.js')).createKeyringSecretStore(),
  );
  const core = await createTaperCore({ dataDir, settings: files.settings, secrets, env: host.env, clock, proxyFor });
  return { dataDir, files, damaged, proxyFor, core };
}
