// The files of the package: electron-builder's deb layout (the app under /opt/<productName>, the desktop file, one
// hicolor icon per size), owned by root, nothing elsewhere; the CLI wrapper and the maintainer scripts that make
// /usr/bin/taper the CLI; the AppArmor profile that lets Electron's sandbox use user namespaces on Ubuntu 24.04.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectDir } from '../config.mjs';
import { entries } from '../deb-file.mjs';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const data = readFileSync(file);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

export function checkContents({ deb, root, config, packageJson }, report) {
  const list = entries(deb);
  const layout = {
    list,
    byPath: new Map(list.map((entry) => [entry.path, entry])),
    root,
    config,
    packageJson,
    app: `/opt/${config.productName}`,
    exe: config.linux.executableName,
  };
  checkLayout(layout, report);
  checkIconsAndDesktopFile(layout, report);
  checkCliAndMaintainerScripts(layout, report);
  return list;
}

/** Ownership, modes and where files may go: electron-builder's deb layout and nothing else. */
function checkLayout({ list, byPath, packageJson, app, exe }, report) {
  const notRoot = list.filter((entry) => entry.owner !== 'root/root');
  report.check(
    'deb: every file owned by root/root',
    notRoot.length === 0,
    notRoot
      .slice(0, 5)
      .map((entry) => `${entry.path} ${entry.owner}`)
      .join(', '),
  );
  report.check(
    'deb: the root directory is 0755',
    byPath.get('/')?.mode === 'drwxr-xr-x',
    `found ${byPath.get('/')?.mode}`,
  );
  const allowed = [
    `${app}/`,
    '/usr/share/applications/',
    '/usr/share/icons/hicolor/',
    `/usr/share/doc/${packageJson.name}/`,
  ];
  const parents = new Set([
    '/',
    '/opt',
    app,
    '/usr',
    '/usr/share',
    '/usr/share/applications',
    '/usr/share/icons',
    '/usr/share/icons/hicolor',
    '/usr/share/doc',
  ]);
  const stray = list.filter(
    (entry) => !parents.has(entry.path) && !allowed.some((prefix) => `${entry.path}/`.startsWith(prefix)),
  );
  report.check(
    'deb: nothing outside /opt/Taper, the desktop file, the icons and the doc folder',
    stray.length === 0,
    stray.map((entry) => entry.path).join(', '),
  );

  const executable = (path) =>
    report.check(
      `deb: ${path} is an executable file`,
      byPath.get(path)?.mode === '-rwxr-xr-x',
      `found ${byPath.get(path)?.mode ?? 'nothing'}`,
    );
  const present = (path) => report.check(`deb: ${path} present`, byPath.has(path), 'missing');
  executable(`${app}/${exe}`);
  executable(`${app}/chrome-sandbox`);
  executable(`${app}/resources/bin/${exe}`);
  present(`${app}/resources/app.asar`);
  present(`${app}/resources/apparmor-profile`);
  present(`/usr/share/doc/${packageJson.name}/changelog.gz`);
}

/** The hicolor icons at their real sizes and the desktop file that launches the app. */
function checkIconsAndDesktopFile({ byPath, root, config, app, exe }, report) {
  // One icon per size of linux.icon, each at its real size's hicolor folder.
  const iconDir = join(projectDir, config.linux.icon);
  for (const name of readdirSync(iconDir)
    .filter((file) => file.endsWith('.png'))
    .sort()) {
    const { width, height } = pngSize(join(iconDir, name));
    const path = `/usr/share/icons/hicolor/${width}x${height}/apps/${exe}.png`;
    const packaged = byPath.has(path) ? pngSize(join(root, path)) : null;
    report.check(
      `deb: icon ${width}x${height} at ${path}`,
      packaged?.width === width && packaged?.height === height,
      packaged ? `packaged file is ${packaged.width}x${packaged.height}` : 'missing',
    );
  }

  const desktopPath = `/usr/share/applications/${exe}.desktop`;
  const desktop = byPath.has(desktopPath) ? readFileSync(join(root, desktopPath), 'utf8') : '';
  for (const line of [`Exec=${app}/${exe} %U`, `Icon=${exe}`, `Name=${config.productName}`, 'Type=Application']) {
    report.check(
      `deb: ${desktopPath} has ${line}`,
      desktop.split('\n').includes(line),
      desktop ? `found:\n${desktop}` : 'missing',
    );
  }
}

/** /usr/bin/taper, the wrapper it points at, and the AppArmor profile the maintainer scripts install. */
function checkCliAndMaintainerScripts({ byPath, root, app, exe }, report) {
  // /usr/bin/taper is made by the postinst (update-alternatives, as electron-builder's own script), to the wrapper.
  const postinst = readFileSync(join(root, 'DEBIAN', 'postinst'), 'utf8');
  const postrm = readFileSync(join(root, 'DEBIAN', 'postrm'), 'utf8');
  const cli = `${app}/resources/bin/${exe}`;
  report.check(
    `postinst: /usr/bin/${exe} is the CLI wrapper ${cli}`,
    postinst.includes(`TAPER_CLI='${cli}'`) &&
      postinst.includes(`update-alternatives --install '/usr/bin/${exe}' '${exe}' "$TAPER_CLI"`),
    'no such update-alternatives line',
  );
  report.check(
    `postrm: removes the ${cli} alternative`,
    postrm.includes(`update-alternatives --remove '${exe}' '${cli}'`),
    'no such line',
  );
  report.check(
    'postinst: installs the AppArmor profile to /etc/apparmor.d',
    postinst.includes(`APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${exe}'`),
    'no AppArmor step',
  );
  const profile = byPath.has(`${app}/resources/apparmor-profile`)
    ? readFileSync(join(root, app, 'resources', 'apparmor-profile'), 'utf8')
    : '';
  report.check(
    `AppArmor profile: user namespaces for ${app}/${exe}`,
    profile.includes(`profile "${exe}" "${app}/${exe}"`) && /^\s*userns,\s*$/m.test(profile),
    `found:\n${profile}`,
  );

  const wrapper = byPath.has(cli) ? readFileSync(join(root, cli), 'utf8') : '';
  report.check(
    'CLI wrapper: runs the app binary with ELECTRON_RUN_AS_NODE=1, found from its own path',
    wrapper.includes('ELECTRON_RUN_AS_NODE=1') &&
      wrapper.includes('readlink -f') &&
      wrapper.includes('exec "$(dirname "$resources")/taper"'),
    `found:\n${wrapper}`,
  );
}
