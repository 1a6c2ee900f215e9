#!/bin/sh
# TAP test: every source file with _( ), N_( ), C_( ) or translatable="yes" is
# listed in po/POTFILES.in, and every listed file exists.
top=${1:-.}
cd "$top" || exit 1
n=0
fail=0
out=""
for f in $(find src data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' -o -name '*.desktop.in' \) | sort); do
  # training scenarios: their Name/Goal/Praise/Documents keys are translatable
  scenario=no
  case "$f" in data/scenarios/*.scenario.desktop.in) scenario=yes;; esac
  if [ $scenario = yes ] || grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\(|translatable="yes"|<_?(summary|description|name)' "$f"; then
    case "$f" in *.gresource.xml) continue;; esac
    n=$((n+1))
    if grep -qx "$f" po/POTFILES.in; then
      out="$out
ok $n - $f is in po/POTFILES.in"
    else
      out="$out
not ok $n - $f has translatable strings but is missing from po/POTFILES.in"
      fail=1
    fi
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  n=$((n+1))
  if [ -f "$f" ]; then
    out="$out
ok $n - listed $f exists"
  else
    out="$out
not ok $n - listed $f does not exist"
    fail=1
  fi
done
echo "1..$n"
printf '%s\n' "$out" | sed '/^$/d'
exit $fail
