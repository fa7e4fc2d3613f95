#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service),
# so tests use a real keychain without touching the developer's own. Recipe from shared/notes/measured-facts.md.
set -euo pipefail

if [ "${TAPER_KEYRING_SESSION:-}" = 1 ] || [ "$(uname -s)" != Linux ]; then
  exec "$@"
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing; install the Debian packages: dbus gnome-keyring libsecret-tools" >&2
    exit 1
  fi
done

# A fresh keyring directory per run: no state leaks between runs.
XDG_DATA_HOME="$(mktemp -d -t taper-keyring-XXXXXX)"
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT

dbus-run-session -- bash -c '
  set -euo pipefail
  printf "taper-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # The daemon registers org.freedesktop.secrets asynchronously: wait for it (bounded: 10 s).
  for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      export TAPER_KEYRING_SESSION=1
      exec "$@"
    fi
    sleep 0.1
  done
  echo "with-keyring: the Secret Service did not come up within 10 s" >&2
  exit 1
' with-keyring "$@"
