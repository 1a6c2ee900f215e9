#!/usr/bin/env python3
"""TAP: NEWS, the metainfo's <releases> and the project version agree.

Every "Version X (YYYY-MM-DD)" heading of NEWS is a <release version="X"
date="YYYY-MM-DD"> of the metainfo, in the same order (newest first), and the
newest is the version in meson.build. NEWS may start with an "Unreleased"
section. Usage: check-news.py NEWS METAINFO_TEMPLATE VERSION
"""
import re
import sys
import xml.etree.ElementTree as ET

news_path, metainfo_path, version = sys.argv[1:4]
checks = []

with open(news_path, encoding='utf-8') as f:
    news = re.findall(r'^Version (\S+) \((\d{4}-\d{2}-\d{2})\)$', f.read(), re.M)
root = ET.parse(metainfo_path).getroot()
releases = [(r.get('version'), r.get('date')) for r in root.iter('release')]

checks.append((len(news) > 0, f'NEWS names releases ({len(news)})'))
checks.append((news == releases,
               f'the metainfo lists the releases of NEWS, newest first (NEWS {news}, metainfo {releases})'))
checks.append((bool(news) and news[0][0] == version,
               f'the newest release is the project version {version}'))
for v, _ in releases:
    rel = root.find(f".//release[@version='{v}']")
    checks.append((rel is not None and rel.find('description') is not None,
                   f'release {v} has a description'))

print(f'1..{len(checks)}')
failed = 0
for n, (ok, what) in enumerate(checks, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {what}')
    failed += not ok
sys.exit(1 if failed else 0)
