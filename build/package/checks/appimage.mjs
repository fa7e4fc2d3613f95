// The AppImage cannot be built here: electron-builder downloads the AppImage runtime and tools from GitHub. What can
// be checked honestly is checked: the whole config passes electron-builder's own schema validation, AppImage is a
// Linux target, and electron-builder's AppImage target ran through its configuration (artifact name, publish config,
// icons, license, desktop entry) up to the download, with the desktop entry it would embed. The image itself, its
// squashfs and its runtime are not verified.
import { requireFromProject } from '../config.mjs';

export async function checkAppImage({ computed, config, packageJson }, report) {
  const { validateConfiguration } = requireFromProject('app-builder-lib/out/util/config/config.js');
  try {
    await validateConfiguration(config, { isEnabled: false, add() {} });
    report.check('electron-builder schema validation of build/electron-builder.yml', true);
  } catch (error) {
    report.check('electron-builder schema validation of build/electron-builder.yml', false, error.message);
  }
  const targets = [config.linux.target].flat().map((target) => (typeof target === 'string' ? target : target?.target));
  report.check(
    'AppImage: listed in linux.target',
    targets.includes('AppImage'),
    `linux.target is ${JSON.stringify(targets)}`,
  );
  const desktop = computed.appImage?.desktop ?? '';
  report.check(
    "AppImage: electron-builder's AppImage target computed its configuration",
    computed.appImage !== undefined,
    'the target never reached its build step',
  );
  for (const line of [
    'Exec=AppRun %U',
    `Icon=${config.linux.executableName}`,
    `Name=${config.productName}`,
    `X-AppImage-Version=${packageJson.version}`,
  ]) {
    report.check(
      `AppImage: desktop entry has ${line}`,
      desktop.split('\n').includes(line),
      desktop ? `found:\n${desktop}` : 'none computed',
    );
  }
  report.skip(
    'AppImage: the image itself',
    'not built offline: electron-builder downloads the AppImage runtime and tools from GitHub',
  );
}
