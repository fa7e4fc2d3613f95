// Turns what electron-builder's deb target computed (the fpm command, see electron-builder-runs.mjs) into a plan for
// dpkg-deb: control fields, files to place, maintainer scripts. Depends, Recommends and compression are not in the
// fpm arguments given to the hook, so they are derived from the config exactly as FpmTarget does (depends or its
// defaults, recommends or its defaults, compression xz). An fpm flag this file does not know stops the build: a
// new electron-builder option must be mirrored here, not dropped silently.
import { electronBuilderDefaultDebDepends, electronBuilderDefaultDebRecommends } from './config.mjs';

/** fpm flags electron-builder 26's FpmTarget passes for deb, each with one value. */
const KNOWN_FLAGS = new Set([
  '--architecture',
  '--after-install',
  '--after-remove',
  '--description',
  '--version',
  '--package',
  '--name',
  '--maintainer',
  '--vendor',
  '--url',
  '--deb-priority',
  '--license',
  '--category',
  '--iteration',
]);

function parseFpmArgs(args) {
  const flags = new Map();
  const mappings = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      if (!KNOWN_FLAGS.has(arg))
        throw new Error(
          `electron-builder passed fpm "${arg}", which the offline deb route does not reproduce: mirror it in build/package/deb-plan.mjs`,
        );
      flags.set(arg, args[i + 1]);
      i += 1;
    } else {
      // fpm's dir source: SOURCE=DESTINATION (a trailing / on SOURCE copies a directory's content).
      const at = arg.lastIndexOf('=');
      mappings.push({ source: arg.slice(0, at), destination: arg.slice(at + 1) });
    }
  }
  return { flags, mappings };
}

/** fpm's fix_dependency for the simple case: `name >= 1.0` becomes `name (>= 1.0)`, `<`/`>` become `<<`/`>>`. */
function debDependency(dependency) {
  if (/[(,|]/.test(dependency)) return dependency.trim();
  const [name, op, version] = dependency.trim().split(/ +/);
  if (version === undefined) return dependency.trim();
  return `${name} (${{ '<': '<<', '>': '>>' }[op] ?? op} ${version})`;
}

const asArray = (value) => (value == null ? [] : Array.isArray(value) ? value : [value]);

/** @param computed the `deb` part of computeLinuxTargets(); @param config the merged builder config. */
export function planDeb(computed, config) {
  const { flags, mappings } = parseFpmArgs(computed.args);
  // FpmTarget's options: linux options with deb's on top.
  const options = { ...config.linux, ...config.deb };
  const depends = options.depends != null ? asArray(options.depends) : electronBuilderDefaultDebDepends();
  const recommends = options.recommends ? asArray(options.recommends) : electronBuilderDefaultDebRecommends();
  if (options.fpm != null) throw new Error('deb.fpm (extra fpm arguments) is not reproduced by the offline deb route');
  const compression = options.compression ?? 'xz';
  if (compression !== 'xz')
    throw new Error(`deb.compression ${compression}: the offline route mirrors only electron-builder's default, xz`);
  const version = `${flags.get('--version')}${flags.has('--iteration') ? `-${flags.get('--iteration')}` : ''}`;
  return {
    output: flags.get('--package'),
    // The fields of fpm 1.17's templates/deb.erb, in its order; Section is fpm's "default" unless a category is given.
    control: {
      Package: flags.get('--name'),
      Version: version,
      License: flags.get('--license') ?? 'unknown',
      Vendor: flags.get('--vendor'),
      Architecture: flags.get('--architecture'),
      Maintainer: flags.get('--maintainer'),
      Depends: depends.map(debDependency).join(', '),
      Recommends: recommends.length > 0 ? recommends.map(debDependency).join(', ') : undefined,
      Section: flags.get('--category') ?? 'default',
      Priority: flags.get('--deb-priority') ?? 'optional',
      Homepage: flags.get('--url'),
      Description: flags.get('--description'),
    },
    scripts: { postinst: computed.files.afterInstall, postrm: computed.files.afterRemove },
    // The desktop file's mapping names electron-builder's temporary file: its content is carried instead.
    mappings: mappings.map((mapping) =>
      mapping.source === computed.desktopFile
        ? { destination: mapping.destination, content: computed.files.desktop }
        : mapping,
    ),
  };
}
