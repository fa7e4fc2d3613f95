// Reads a built .deb with dpkg-deb alone, so every check looks at the package as dpkg will, not at the staging tree.
import { execFileSync } from 'node:child_process';

/** The control fields (`dpkg-deb -f`), continuation lines joined to their field with "\n". */
export function controlFields(deb) {
  const fields = {};
  let last = null;
  for (const line of execFileSync('dpkg-deb', ['-f', deb], { encoding: 'utf8' }).split('\n')) {
    if (line === '') continue;
    if (/^\s/.test(line) && last !== null) fields[last] += `\n${line}`;
    else {
      const at = line.indexOf(':');
      last = line.slice(0, at);
      fields[last] = line.slice(at + 1).trim();
    }
  }
  return fields;
}

/** The data tarball's entries (`dpkg-deb -c`): { mode, owner, size, path (absolute, no trailing /), link }. */
export function entries(deb) {
  return execFileSync('dpkg-deb', ['-c', deb], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [mode, owner, size, , , ...rest] = line.split(/\s+/);
      const [path, link] = rest.join(' ').split(' -> ');
      return { mode, owner, size: Number(size), path: path.replace(/^\./, '').replace(/\/$/, '') || '/', link };
    });
}

/** Extracts the whole package, DEBIAN/ included (`dpkg-deb -R`), into `dir`. */
export function extractAll(deb, dir) {
  execFileSync('dpkg-deb', ['-R', deb, dir]);
}
