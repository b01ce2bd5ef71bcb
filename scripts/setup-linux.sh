#!/usr/bin/env bash
# Debian/Ubuntu packages the app and its tests need:
#   libsecret-1-dev  builds keytar (the OS keychain binding) from source when no prebuilt binary can be fetched
#   gnome-keyring dbus libsecret-tools  a real Secret Service for the keychain tests (secret-tool reads entries back)
#   chromium fonts-dejavu-core  the real browser for end-to-end tests
#   xvfb xauth  a virtual display, for running a headful window
set -euo pipefail

packages=(libsecret-1-dev gnome-keyring libsecret-tools dbus dbus-x11 chromium xvfb xauth fonts-dejavu-core)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-linux: all packages present"
  exit 0
fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup-linux: run as root or install sudo; missing: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "setup-linux: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-linux: done"
