// Builds the .deb of a plan (deb-plan.mjs) with Debian's own dpkg-deb, doing what fpm 1.17 (the tool
// electron-builder downloads for its deb target) does with the same arguments, so both routes give one package:
// the same files at the same paths with the same modes, owned by root; a boilerplate changelog at
// usr/share/doc/<name>/changelog.gz; md5sums; the control fields in fpm's order, Installed-Size computed fpm's way;
// the maintainer scripts as given; xz at level 3 for both tarballs.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every path under `root`, depth first; directories included. */
function walk(root) {
  const paths = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      paths.push(path);
      if (entry.isDirectory()) visit(path);
    }
  };
  visit(root);
  return paths;
}

function place(staging, mapping) {
  const target = join(staging, mapping.destination);
  mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
  if (mapping.content !== undefined) {
    writeFileSync(target, mapping.content, { mode: 0o644 });
  } else if (mapping.source.endsWith('/')) {
    // fpm's "dir/=dest": the directory's content at dest. cp -a keeps modes and symlinks as they are.
    mkdirSync(target, { recursive: true, mode: 0o755 });
    execFileSync('cp', ['-a', `${mapping.source}.`, target]);
  } else {
    execFileSync('cp', ['-a', mapping.source, target]);
  }
}

/** fpm's release date format (Ruby "%a, %d %b %Y %T %z"), from SOURCE_DATE_EPOCH when set, as fpm does. */
function changelogDate() {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = epoch ? new Date(Number(epoch) * 1000) : new Date();
  const [weekday, day, month, year, time] = date.toUTCString().replace(',', '').split(' ');
  return `${weekday}, ${day} ${month} ${year} ${time} +0000`;
}

/** fpm writes a boilerplate Debian changelog when none is given (templates/deb/changelog.erb, distribution "unstable"). */
function writeChangelog(staging, control) {
  const text =
    `${control.Package} (${control.Version}) unstable; urgency=medium\n\n` +
    "  * Package built by build/package (dpkg-deb) with the layout of electron-builder's deb target.\n\n" +
    ` -- ${control.Maintainer}  ${changelogDate()}\n`;
  const file = join(staging, 'usr', 'share', 'doc', control.Package, 'changelog.gz');
  mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
  writeFileSync(file, gzipSync(text, { level: 9 }), { mode: 0o644 });
}

/** fpm's Installed-Size: the sizes of everything but directories (symlinks by their own size), in KiB, rounded down. */
function installedSize(paths) {
  return Math.floor(
    paths
      .map((path) => lstatSync(path))
      .filter((stat) => !stat.isDirectory())
      .reduce((sum, stat) => sum + stat.size, 0) / 1024,
  );
}

/** fpm's templates/deb.erb: the fields in its order; the description's first line is the synopsis, each further line
 * is indented by one more space (blank ones become " ."). */
function controlText(control, size) {
  const fields = { ...control, Description: undefined };
  const ordered = [
    'Package',
    'Version',
    'License',
    'Vendor',
    'Architecture',
    'Maintainer',
    'Installed-Size',
    'Depends',
    'Recommends',
    'Section',
    'Priority',
    'Homepage',
  ];
  const withSize = { ...fields, 'Installed-Size': String(size) };
  const lines = ordered
    .filter((name) => withSize[name] !== undefined && withSize[name] !== '')
    .map((name) => `${name}: ${withSize[name]}`);
  const [first, ...rest] = control.Description.split('\n');
  lines.push(`Description: ${first}`, ...rest.map((line) => (/^ *$/.test(line) ? ' .' : ` ${line}`)));
  return `${lines.join('\n')}\n`;
}

/** Builds plan.output; returns its path and the staged file count. */
export function buildDeb(plan) {
  const staging = mkdtempSync(join(tmpdir(), 'taper-deb-'));
  try {
    // The root entry of the data tarball: mkdtemp's 0700 would otherwise be packaged as the mode of "./".
    chmodSync(staging, 0o755);
    for (const mapping of plan.mappings) place(staging, mapping);
    writeChangelog(staging, plan.control);
    const paths = walk(staging);
    const files = paths.filter((path) => lstatSync(path).isFile());
    const debian = join(staging, 'DEBIAN');
    mkdirSync(debian, { mode: 0o755 });
    writeFileSync(join(debian, 'control'), controlText(plan.control, installedSize(paths)), { mode: 0o644 });
    const md5 = (path) => createHash('md5').update(readFileSync(path)).digest('hex');
    writeFileSync(join(debian, 'md5sums'), files.map((path) => `${md5(path)}  ${relative(staging, path)}\n`).join(''), {
      mode: 0o644,
    });
    for (const [name, text] of Object.entries(plan.scripts)) {
      writeFileSync(join(debian, name), text);
      chmodSync(join(debian, name), 0o755); // dpkg requires executable maintainer scripts
    }
    rmSync(plan.output, { force: true });
    execFileSync('dpkg-deb', ['--build', '--root-owner-group', '-Zxz', '-z3', staging, plan.output], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return { file: plan.output, fileCount: files.length };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
