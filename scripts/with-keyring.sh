#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring, so the
# system tests touch a real Secret Service without ever reaching the user's own keychain.
# Usage: bash scripts/with-keyring.sh <command> [args...]
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is missing. Install the keychain test packages: sudo apt-get install dbus gnome-keyring libsecret-tools libsecret-1-dev" >&2
    exit 127
  fi
done

# A throwaway HOME keeps the daemon's keyring files (and the password below) away from the user's.
keyring_home=$(mktemp -d)
runtime_dir=$(mktemp -d)
chmod 700 "$runtime_dir"
trap 'rm -rf "$keyring_home" "$runtime_dir"' EXIT

export VIPPS_EXPLORER_KEYRING_HOME="$keyring_home"
export VIPPS_EXPLORER_KEYRING_PASSWORD="${VIPPS_EXPLORER_KEYRING_PASSWORD:-ci-password}"
export VIPPS_EXPLORER_REAL_HOME="${HOME:-}"
export HOME="$keyring_home" XDG_RUNTIME_DIR="$runtime_dir"
# The tests check this marker to tell "run through the wrapper" from "run by hand".
export VIPPS_EXPLORER_KEYRING_WRAPPER=1

status=0
dbus-run-session -- bash -c '
  set -e
  eval "$(printf %s "$VIPPS_EXPLORER_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  "$@"
' _ "$@" || status=$?
exit "$status"
