#!/usr/bin/env python3
"""TAP: the Flatpak manifest (build-aux/<app-id>.Devel.json) is valid JSON for
the GNOME 43 runtime, builds the Devel profile, and asks for exactly the
permissions the app needs:

- a display: Wayland, X11 only as a fallback, IPC for X11, the GPU;
- the network (the Desk API, a classroom server, Cisco's APIs);
- the Secret Service, org.freedesktop.secrets (libsecret: remembered passwords,
  the Cisco client credentials);
- notifications go through the notification portal (GNotification uses it
  inside a sandbox): no permission for them.

The runtime itself cannot be downloaded here, so the manifest is not built.
Usage: check-flatpak-manifest.py MANIFEST APP_ID_BASE
"""
import json
import sys

path, app_id_base = sys.argv[1], sys.argv[2]
checks = []


def check(ok, what):
    checks.append((bool(ok), what))


try:
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    check(True, 'the manifest is valid JSON')
except (OSError, ValueError) as e:
    print('1..1')
    print(f'not ok 1 - the manifest is valid JSON: {e}')
    sys.exit(1)

devel_id = app_id_base + '.Devel'
check(manifest.get('app-id') == devel_id, f'app-id is {devel_id}')
check(path.endswith(devel_id + '.json'), 'the file is named after the app-id')
check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime org.gnome.Platform')
check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk org.gnome.Sdk')
check(manifest.get('runtime-version') == '43',
      'runtime-version 43 (GLib 2.74, GTK 4.8, libadwaita 1.2)')
check(manifest.get('command') == 'smart-account-desk', 'command is the installed program')

expected = {
    '--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri',
    '--share=network', '--talk-name=org.freedesktop.secrets',
}
args = manifest.get('finish-args', [])
check(len(args) == len(set(args)), 'no finish-arg twice')
check(set(args) == expected,
      'finish-args are exactly ' + ' '.join(sorted(expected)) +
      f' (extra: {sorted(set(args) - expected)}, missing: {sorted(expected - set(args))})')
check('--socket=x11' not in args, 'X11 only as a fallback')
check(not any(a.startswith('--filesystem') for a in args), 'no file system access')
check('--talk-name=org.freedesktop.Notifications' not in args,
      'notifications through the portal, not the bus name')

modules = manifest.get('modules', [])
app = modules[-1] if modules else {}
check(app.get('name') == 'smart-account-desk' and app.get('buildsystem') == 'meson',
      'the last module builds the app with meson')
opts = app.get('config-opts', [])
check('-Ddevelopment=true' in opts, 'the module builds the Devel profile')
check('-Dman=disabled' in opts, 'no scdoc in the SDK: no manual pages')
check(any(s.get('type') == 'dir' and s.get('path') == '..' for s in app.get('sources', [])),
      'the sources are this tree')

print(f'1..{len(checks)}')
failed = 0
for n, (ok, what) in enumerate(checks, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {what}')
    failed += not ok
sys.exit(1 if failed else 0)
