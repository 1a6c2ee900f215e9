#!/bin/sh
# TAP: the sandbox's manual page is built (scdoc) and renders, and it and the
# bash completion know every option that `smart-account-desk-sandbox --help`
# lists; the completion completes the trainee commands.
#
# Usage: check-man.sh BUILT_MAN_PAGE SANDBOX_PROGRAM COMPLETION_SCRIPT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
page=$1 sandbox=$2 completion=$3

if [ ! -f "$page" ]; then
  echo "1..0 # SKIP the manual page was not built (scdoc is not installed, or -Dman=disabled)"
  exit 0
fi

n=0 failed=0
ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

options=$("$sandbox" --help | sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z-]*\).*/\2/p' | grep -v -- '--help-')
count=$(printf '%s\n' $options | wc -l)
echo "1..$((3 + 2 * count + 1))"

grep -q '^\.TH "smart-account-desk-sandbox" "1"' "$page"; ok $? "the page is built, section 1"
if command -v man >/dev/null 2>&1; then
  text=$(MANWIDTH=200 man -l "$page" 2>/dev/null)
  printf '%s' "$text" | grep -q "^NAME"; ok $? "man renders it, with NAME"
else
  text=$(cat "$page")
  n=$((n + 1)); echo "ok $n - man renders it # SKIP man (man-db) is not installed"
fi
printf '%s' "$text" | grep -q "trainee add"; ok $? "it documents the trainee commands"
for option in $options; do
  printf '%s' "$text" | grep -q -- "$option"; ok $? "the page documents $option"
  grep -q -- "$option" "$completion"; ok $? "the completion offers $option"
done
words=$(bash -c ". '$completion'
  COMP_WORDS=(smart-account-desk-sandbox trainee ''); COMP_CWORD=2
  _smart_account_desk_sandbox; echo \"\${COMPREPLY[*]}\"")
[ "$words" = "add list progress remove reset start" ]; ok $? "the completion completes trainee commands ($words)"
exit $failed
