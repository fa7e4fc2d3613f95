// A real `dpkg -i` and `dpkg -r` of the package, with its maintainer scripts, on a throwaway copy of this machine:
// in a private mount namespace, /usr, /opt, /etc and /var are overlays whose writes go to a tmpfs that disappears with
// the namespace, so the machine's own dpkg database and files are never touched. It proves what extraction cannot:
// the postinst makes `taper` on PATH the CLI (update-alternatives), the CLI runs from there, and the postrm removes
// it. Needs root with CAP_SYS_ADMIN and overlayfs; elsewhere it is reported as skipped, never as passed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const LAYERS = ['usr', 'opt', 'etc', 'var'];

/** Runs in the namespace. Prints one "name<TAB>value" line per finding; exits at once if any overlay is missing. */
const SCRIPT = String.raw`
set -u
work=$1 deb=$2 app=$3 exe=$4 package=$5
say() { local IFS=$'\t'; printf '%s\n' "$*"; }
last() { printf %s "$1" | tail -n 3 | tr '\n\t' '  '; }
mount -t tmpfs tmpfs "$work" || { say fatal "cannot mount a tmpfs"; exit 1; }
for d in ${LAYERS.join(' ')}; do
  mkdir -p "$work/$d/upper" "$work/$d/work"
  mount -t overlay overlay -o "lowerdir=/$d,upperdir=$work/$d/upper,workdir=$work/$d/work" "/$d" || { say fatal "cannot overlay /$d"; exit 1; }
  [ "$(findmnt -n -o FSTYPE --mountpoint "/$d")" = overlay ] || { say fatal "/$d is not an overlay"; exit 1; }
done
out=$(DEBIAN_FRONTEND=noninteractive dpkg --force-depends -i "$deb" 2>&1); say install $? "$(last "$out")"
say link "$(readlink -f "/usr/bin/$exe")"
say alternative "$(readlink "/etc/alternatives/$exe")"
cli_env="PATH=/usr/local/bin:/usr/bin:/bin HOME=$work/home TAPER_HOME=$work/taper-home TAPER_COMPILE_CACHE=$work/cache LANG=C.UTF-8"
out=$(env -i $cli_env "$exe" --version 2>&1); say version $? "$(last "$out")"
out=$(env -i $cli_env "$exe" --help 2>&1); say help $? "$(printf %s "$out" | head -n 1)"
out=$(DEBIAN_FRONTEND=noninteractive dpkg -r "$package" 2>&1); say remove $? "$(last "$out")"
if [ -e "/usr/bin/$exe" ] || [ -L "/usr/bin/$exe" ]; then say link-after-remove present; else say link-after-remove gone; fi
if [ -e "$app" ]; then say app-after-remove present; else say app-after-remove gone; fi
`;

function canIsolate() {
  if (process.getuid?.() !== 0) return 'not root';
  if (
    !readFileSync('/proc/filesystems', 'utf8')
      .split('\n')
      .some((line) => line.trim().endsWith('overlay'))
  )
    return 'no overlayfs in this kernel';
  const probe = spawnSync('unshare', ['--mount', '--propagation', 'private', 'true']);
  return probe.status === 0
    ? null
    : `unshare --mount refused (${(probe.stderr?.toString() || probe.error?.message || '').trim()})`;
}

export function checkInstall({ deb, scratch, config, packageJson }, report) {
  const name = 'dpkg -i / dpkg -r on a throwaway overlay of this machine';
  const why = canIsolate();
  if (why !== null) {
    report.skip(name, why);
    return;
  }
  const depends = execFileSync('dpkg-deb', ['-f', deb, 'Depends'], { encoding: 'utf8' })
    .split(',')
    .map((item) => item.trim().split(/[\s(|]/)[0]);
  const absent = depends.filter(
    (dependency) =>
      spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', dependency], { encoding: 'utf8' }).stdout !==
      'installed',
  );
  if (absent.length > 0)
    report.note('install: dpkg -i --force-depends, as this machine lacks some of Depends', absent.join(', '));
  mkdirSync(`${scratch}/overlay`); // the tmpfs mount point: stays empty outside the namespace
  const result = spawnSync(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      'bash',
      '-c',
      SCRIPT,
      'install-check',
      `${scratch}/overlay`,
      deb,
      `/opt/${config.productName}`,
      config.linux.executableName,
      packageJson.name,
    ],
    { encoding: 'utf8', timeout: 90_000 },
  );
  const found = Object.fromEntries(
    result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [key, ...rest] = line.split('\t');
        return [key, rest];
      }),
  );
  if (found.fatal) {
    // The script stops before dpkg when any layer is not an overlay: nothing was installed, nothing was tested.
    report.skip(name, `could not isolate the machine (${found.fatal.join(' ')}): nothing installed`);
    return;
  }
  const [status, tail] = found.install ?? ['none', result.stderr];
  const cli = `/opt/${config.productName}/resources/bin/${config.linux.executableName}`;
  report.check('install: dpkg -i succeeds (postinst included)', status === '0', tail);
  report.check(
    `install: /usr/bin/taper resolves to ${cli}`,
    found.link?.[0] === cli,
    `found ${found.link?.[0] || 'nothing'}`,
  );
  report.check(
    'install: registered with update-alternatives',
    found.alternative?.[0] === cli,
    `found ${found.alternative?.[0] || 'nothing'}`,
  );
  report.check(
    `install: taper --version on PATH prints ${packageJson.version}`,
    found.version?.[0] === '0' && found.version?.[1]?.trim() === packageJson.version,
    (found.version ?? []).join(': '),
  );
  report.check(
    'install: taper --help on PATH exits 0',
    found.help?.[0] === '0' && /^Usage: taper/.test(found.help?.[1] ?? ''),
    (found.help ?? []).join(': '),
  );
  report.check(
    'remove: dpkg -r succeeds (postrm included)',
    found.remove?.[0] === '0',
    (found.remove ?? []).join(': '),
  );
  report.check('remove: /usr/bin/taper is gone', found['link-after-remove']?.[0] === 'gone', 'still there');
  report.check('remove: /opt/Taper is gone', found['app-after-remove']?.[0] === 'gone', 'still there');
}
