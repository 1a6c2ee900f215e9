#!/usr/bin/env python3
# check-po-statuses.py — statuses in lower case inside French and Italian
# sentences (issue 11, "Languages")
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A status stands alone capitalised ("En attente", "In sospeso" on a pill),
# but inside a sentence it is written in lower case: "le compte est en
# attente", "diventa attivo". The status words are read from the catalogue
# itself: the msgstrs of the entries whose context names a status or a state
# ("account status", "order status", "access request status", "hand-off
# state", …). Every other msgstr is then searched for one of them,
# capitalised, after a word of the sentence (not at its start, nor after a
# colon, a full stop, a quotation mark or a line break, where a label's value
# or a quoted name begins).
#
# Usage: check-po-statuses.py PO-FILE… (prints TAP)

import re
import sys


def unquote(lines):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', lines))


def entries(path):
    """(context, msgid, [msgstr…]) of each entry that is not obsolete."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for block in re.split(r"\n\s*\n", text):
        lines = [l for l in block.splitlines() if not l.startswith("#")]
        if not lines:
            continue
        body = "\n".join(lines)
        context = re.search(r'^msgctxt ((?:".*"\n?)+)', body, re.M)
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', body, re.M)
        msgstrs = re.findall(r'^msgstr(?:\[\d+\])? ((?:".*"\n?)+)', body, re.M)
        if msgid is None:
            continue
        yield (unquote(context.group(1)) if context else None,
               unquote(msgid.group(1)),
               [unquote(s) for s in msgstrs])


# What may come right before a capitalised word that starts a sentence, a
# label's value or a quoted name.
SENTENCE_START = re.compile(r'(?:^|[.!?:;«»“”"(]|\\n|\u2014)\s*$')


def check(path):
    all_entries = list(entries(path))
    statuses = set()
    for context, msgid, msgstrs in all_entries:
        if context and re.search(r"\b(status|state)\b", context):
            for s in msgstrs:
                # The first words of the status, as they begin a sentence
                # ("En attente" of "En attente d'acceptation par le client").
                words = s.split()
                if words and words[0][:1].isupper():
                    statuses.add(" ".join(words[:2]) if len(words[0]) <= 3 and len(words) > 1 else words[0])
    problems = []
    for context, msgid, msgstrs in all_entries:
        if context and re.search(r"\b(status|state)\b", context):
            continue
        for s in msgstrs:
            for status in statuses:
                for m in re.finditer(r"(?<!\w)" + re.escape(status) + r"(?!\w)", s):
                    before = s[:m.start()]
                    if SENTENCE_START.search(before):
                        continue
                    problems.append("%r inside %r" % (status, s[max(0, m.start() - 40):m.end() + 30]))
    return statuses, problems


def main(argv):
    paths = argv[1:]
    print("1..%d" % len(paths))
    failed = False
    for number, path in enumerate(paths, 1):
        statuses, problems = check(path)
        if not statuses:
            problems = ["no status entries (msgctxt \"… status\") found"]
        if problems:
            failed = True
            print("not ok %d - %s: a capitalised status inside a sentence" % (number, path))
            for problem in problems:
                print("# " + problem)
        else:
            print("ok %d - %s: %d statuses, all in lower case inside sentences"
                  % (number, path, len(statuses)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
