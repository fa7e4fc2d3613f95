#!/bin/sh
# `taper` on PATH (/usr/bin/taper links here): the CLI, run by the app's own Electron binary as plain Node, the way
# VS Code's `code` runs. This needs the runAsNode fuse (build/electron-builder.yml). The paths are found from this
# file's real location (resources/bin/taper), so the same script works under /opt/Taper or any other root.
resources=$(dirname "$(dirname "$(readlink -f "$0")")")
ELECTRON_RUN_AS_NODE=1
export ELECTRON_RUN_AS_NODE
# The CLI and its launcher are asarUnpack'ed: bin/taper answers --version itself and runs dist/cli for the rest.
exec "$(dirname "$resources")/taper" "$resources/app.asar.unpacked/bin/taper" "$@"
