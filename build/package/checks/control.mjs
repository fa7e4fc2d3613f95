// The control fields: present, equal to what build/electron-builder.yml and package.json say, and Depends covering
// electron-builder's own defaults (which `deb.depends` replaces, so a shortened list would drop what Electron needs).
import { electronBuilderDefaultDebDepends } from '../config.mjs';
import { controlFields, entries } from '../deb-file.mjs';

const REQUIRED = [
  'Package',
  'Version',
  'Architecture',
  'Maintainer',
  'Homepage',
  'Depends',
  'Section',
  'Priority',
  'Installed-Size',
  'Description',
];

/** Package names of a relationship field: "a (>= 1), b | c" gives a, b, c. */
const names = (field) =>
  (field ?? '')
    .split(',')
    .flatMap((item) => item.split('|'))
    .map((name) => name.trim().split(/[\s(]/)[0])
    .filter(Boolean);

export function checkControl({ deb, config, packageJson }, report) {
  const fields = controlFields(deb);
  for (const name of REQUIRED) report.check(`control: ${name} present`, Boolean(fields[name]), 'missing');
  const same = (name, expected) =>
    report.check(
      `control: ${name} is ${JSON.stringify(expected)}`,
      fields[name] === expected,
      `found ${JSON.stringify(fields[name])}`,
    );
  same('Package', packageJson.name);
  same('Version', packageJson.version.replace(/-/g, '~'));
  same('Architecture', 'amd64');
  same('Maintainer', config.linux.maintainer);
  same('Homepage', packageJson.homepage);

  const depends = names(fields.Depends);
  const wanted = [...new Set([...electronBuilderDefaultDebDepends(), 'libsecret-1-0'])];
  const missing = wanted.filter((name) => !depends.includes(name));
  report.check(
    "control: Depends covers electron-builder's defaults + libsecret-1-0",
    missing.length === 0,
    `missing ${missing.join(', ')}`,
  );
  report.check(
    'control: Depends is deb.depends of build/electron-builder.yml',
    JSON.stringify(depends) === JSON.stringify(names(config.deb.depends.join(','))),
    `found ${fields.Depends}`,
  );
  const recommends = config.deb.recommends ?? null;
  if (Array.isArray(recommends)) {
    report.check(
      'control: Recommends is deb.recommends of build/electron-builder.yml',
      JSON.stringify(names(fields.Recommends)) === JSON.stringify(names(recommends.join(','))),
      `found ${fields.Recommends ?? '(none)'}`,
    );
  }

  const [synopsis, ...extended] = (fields.Description ?? '').split('\n');
  report.check(
    'control: Description starts with linux.synopsis',
    synopsis === config.linux.synopsis,
    `found ${JSON.stringify(synopsis)}`,
  );
  report.check(
    'control: Description goes on with package.json description',
    extended.join(' ').includes(packageJson.description),
    `found ${JSON.stringify(extended.join(' '))}`,
  );

  // fpm's rule (dpkg-deb.mjs): every non-directory entry's size (a symlink's is its target's length), KiB rounded down.
  const sizeOf = (entry) => (entry.mode.startsWith('l') ? entry.link.length : entry.size);
  const bytes = entries(deb)
    .filter((entry) => !entry.mode.startsWith('d'))
    .reduce((sum, entry) => sum + sizeOf(entry), 0);
  report.check(
    'control: Installed-Size matches the data',
    Number(fields['Installed-Size']) === Math.floor(bytes / 1024),
    `found ${fields['Installed-Size']}, data is ${Math.floor(bytes / 1024)} KiB`,
  );
  return fields;
}
