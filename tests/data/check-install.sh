#!/bin/sh
# TAP: `meson install --destdir` of this build gives an app that finds its
# GSettings schema, its translations and its icon, with every file named after
# the application ID; both programs answer --version and --help.
#
# Usage: check-install.sh BUILD_ROOT APP_ID APP_ID_BASE PREFIX DATADIR LOCALEDIR BINDIR MANDIR VERSION
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
build=$1 app_id=$2 app_id_base=$3 prefix=$4 datadir=$5 localedir=$6 bindir=$7 mandir=$8 version=$9

n=0 failed=0
ok () {  # ok CONDITION-STATUS DESCRIPTION
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
check () { desc=$1; shift; "$@" >/dev/null 2>&1; ok $? "$desc"; }

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT INT TERM
# Not the tests' strict environment: meson itself runs here.
env -u G_DEBUG -u MALLOC_CHECK_ -u MALLOC_PERTURB_ \
  meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$dest.log"
rm -f "$dest.log"

root=$dest$prefix
case "$datadir" in /*) share=$dest$datadir ;; *) share=$root/$datadir ;; esac
case "$localedir" in /*) locale=$dest$localedir ;; *) locale=$root/$localedir ;; esac
case "$bindir" in /*) bin=$dest$bindir ;; *) bin=$root/$bindir ;; esac
case "$mandir" in /*) man=$dest$mandir ;; *) man=$root/$mandir ;; esac

echo "1..17"
ok $status "meson install --destdir succeeds"
check "both programs are installed" test -x "$bin/smart-account-desk" -a -x "$bin/smart-account-desk-sandbox"

# The schema: what glib-compile-schemas makes of the installed directory (the
# post-install step, skipped under DESTDIR) holds the application's settings.
schemas=$share/glib-2.0/schemas
check "the schema is installed" test -f "$schemas/$app_id_base.gschema.xml"
check "the installed schemas compile" glib-compile-schemas --strict "$schemas"
check "the installed schema has the app's keys (mode)" \
  sh -c "gsettings --schemadir '$schemas' list-keys '$app_id_base' | grep -qx mode"

# Translations: the installed program, pointed at the installed catalogues,
# speaks French and Italian.
check "French and Italian catalogues are installed" \
  test -f "$locale/fr/LC_MESSAGES/smart-account-desk.mo" -a -f "$locale/it/LC_MESSAGES/smart-account-desk.mo"
check "the installed app speaks French (--help)" \
  sh -c "env -u DISPLAY -u WAYLAND_DISPLAY LANG=C.UTF-8 LANGUAGE=fr SA_LOCALEDIR='$locale' '$bin/smart-account-desk' --help | grep -q 'Afficher la version et quitter'"
check "the installed sandbox speaks Italian (--help)" \
  sh -c "LANG=C.UTF-8 LANGUAGE=it SA_LOCALEDIR='$locale' '$bin/smart-account-desk-sandbox' --help | grep -q 'Mostra la versione ed esci'"
check "the program looks for its catalogues where they are installed" \
  grep -qF "$(printf '%s' "$prefix/$localedir" | sed 's|//*|/|g')" "$bin/smart-account-desk"

# The icon and the names: all after the application ID.
desktop=$share/applications/$app_id.desktop
check "the desktop file is $app_id.desktop" test -f "$desktop"
icon=$(sed -n 's/^Icon=//p' "$desktop")
check "its icon ($icon) is installed in hicolor" test "$icon" = "$app_id" -a -f "$share/icons/hicolor/scalable/apps/$icon.svg"
check "the symbolic icon is $app_id-symbolic" test -f "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "the metainfo is $app_id.metainfo.xml, with that ID and launchable" \
  sh -c "grep -q '<id>$app_id</id>' '$share/metainfo/$app_id.metainfo.xml' && grep -q '>$app_id.desktop</launchable>' '$share/metainfo/$app_id.metainfo.xml'"
check "the D-Bus service $app_id.service starts the installed program" \
  sh -c "grep -qx 'Name=$app_id' '$share/dbus-1/services/$app_id.service' && grep -qx 'Exec=$(printf '%s' "$prefix/$bindir" | sed 's|//*|/|g')/smart-account-desk --gapplication-service' '$share/dbus-1/services/$app_id.service'"

check "--version: smart-account-desk $version" \
  sh -c "env -u DISPLAY -u WAYLAND_DISPLAY '$bin/smart-account-desk' --version | grep -qx 'smart-account-desk $version'"
check "--version: smart-account-desk-sandbox $version" \
  sh -c "'$bin/smart-account-desk-sandbox' --version | grep -qx 'smart-account-desk-sandbox $version'"
check "the sandbox's manual page and bash completion are installed" \
  sh -c "test -f '$man/man1/smart-account-desk-sandbox.1' && test -f '$share/bash-completion/completions/smart-account-desk-sandbox'"
exit $failed
