#!/bin/sh
# run-with-keyring.sh — runs a test in a private D-Bus session with a fresh,
# unlocked gnome-keyring, so that it never touches (or waits on) the user's own
# keyring. Usage: run-with-keyring.sh PROGRAM [ARGS…]
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

if ! command -v dbus-run-session >/dev/null 2>&1 ||
   ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "1..0 # SKIP dbus-run-session or gnome-keyring-daemon is not installed"
  exit 0
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -m 700 "$scratch/data" "$scratch/run"
# A fresh keyring directory and runtime directory: a leftover keyring with
# another password would prompt and hang, and the outer session's daemon
# must not be reused.
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"

# The daemon is a GLib program too: the tests' G_DEBUG=fatal-warnings must not
# make its own harmless warnings fatal.
dbus-run-session -- sh -c '
  echo -n sadesk-test |
    env -u G_DEBUG -u G_ENABLE_DIAGNOSTIC -u G_MESSAGES_DEBUG \
      gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  exec "$@"' sh "$@"
