#!/usr/bin/env python3
"""Print one line 'N passed, N failed, N skipped' from meson's testlog.json
(or from several, counted together: .ci/run adds build-aux/sanitize's).

TAP tests count each test case ('ok N', 'not ok N', '# SKIP'); other tests
count once by their result. Exit 1 if anything failed.
"""
import fileinput
import json
import re
import sys

passed = failed = skipped = 0
tap_line = re.compile(r'^(not ok|ok)\b(.*)$')

with fileinput.input(sys.argv[1:], encoding='utf-8') as log:
    for line in log:
        line = line.strip()
        if not line:
            continue
        entry = json.loads(line)
        result = entry.get('result', '')
        out = entry.get('stdout') or ''
        cases = [tap_line.match(l.strip()) for l in out.splitlines()]
        cases = [m for m in cases if m]
        is_tap = any(re.match(r'^1\.\.\d+', l.strip()) for l in out.splitlines())
        if is_tap and cases:
            for m in cases:
                rest = m.group(2)
                if re.search(r'#\s*SKIP', rest, re.I):
                    skipped += 1
                elif m.group(1) == 'ok':
                    passed += 1
                else:
                    failed += 1
            # A crash after some cases passed still fails the binary.
            if result not in ('OK', 'EXPECTEDFAIL', 'SKIP') and \
               all(m.group(1) == 'ok' for m in cases):
                failed += 1
        elif result in ('OK', 'EXPECTEDFAIL'):
            passed += 1
        elif result == 'SKIP':
            skipped += 1
        else:
            failed += 1

print(f'{passed} passed, {failed} failed, {skipped} skipped')
sys.exit(1 if failed else 0)
