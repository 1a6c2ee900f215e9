#!/bin/sh
# TAP: the Devel profile (-Ddevelopment=true) installs its desktop file,
# metainfo, D-Bus service and icons under the Devel application ID, they
# validate, and the icon the About window and the desktop file name
# (APPLICATION_ID) is installed. Configures a build of its own in a temporary
# directory and builds and installs the data files only (install tag sa-data).
#
# Usage: check-devel.sh SOURCE_ROOT APP_ID_BASE
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
src=$1 base=$2
devel=$base.Devel

n=0 failed=0
ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
check () { desc=$1; shift; "$@" >/dev/null 2>&1; ok $? "$desc"; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
build=$scratch/build dest=$scratch/dest
unset G_DEBUG MALLOC_CHECK_ MALLOC_PERTURB_

echo "1..11"
meson setup "$build" "$src" -Ddevelopment=true --prefix=/usr >"$scratch/log" 2>&1 &&
  ninja -C "$build" "data/$devel.desktop" "data/$devel.metainfo.xml" >>"$scratch/log" 2>&1 &&
  meson install -C "$build" --no-rebuild --tags sa-data --destdir "$dest" >>"$scratch/log" 2>&1
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$scratch/log"
ok $status "a Devel build configures and installs its data files"

check "config.h: APPLICATION_ID is $devel" grep -qx "#define APPLICATION_ID \"$devel\"" "$build/config.h"
share=$dest/usr/share
check "desktop file $devel.desktop" test -f "$share/applications/$devel.desktop"
check "metainfo $devel.metainfo.xml" test -f "$share/metainfo/$devel.metainfo.xml"
check "D-Bus service $devel.service, Name=$devel" grep -qx "Name=$devel" "$share/dbus-1/services/$devel.service"
check "the desktop file's icon and the About icon, $devel, are installed" \
  sh -c "grep -qx 'Icon=$devel' '$share/applications/$devel.desktop' && test -f '$share/icons/hicolor/scalable/apps/$devel.svg'"
check "the Devel icon is its own (not the release icon)" \
  sh -c "! cmp -s '$share/icons/hicolor/scalable/apps/$devel.svg' '$src/data/icons/hicolor/scalable/apps/$base.svg'"
check "symbolic icon $devel-symbolic" test -f "$share/icons/hicolor/symbolic/apps/$devel-symbolic.svg"
check "the metainfo names $devel and launches $devel.desktop" \
  sh -c "grep -q '<id>$devel</id>' '$share/metainfo/$devel.metainfo.xml' && grep -q '>$devel.desktop</launchable>' '$share/metainfo/$devel.metainfo.xml'"
check "nothing installed under the release ID" \
  sh -c "! find '$dest' -name '$base*' ! -name '$devel*' ! -name '$base.gschema.xml' | grep -q ."
check "the Devel desktop file and metainfo validate" \
  sh -c "desktop-file-validate '$share/applications/$devel.desktop' && appstreamcli validate --pedantic --no-net '$share/metainfo/$devel.metainfo.xml'"
exit $failed
