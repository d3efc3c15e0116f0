#!/bin/sh
# Check a built bundle (make package): it starts and answers --version, and carries the pieces
# it needs at run time. Usage: packaging/check_bundle.sh [dist/crisisdesk]
set -eu
BUNDLE=${1:-dist/crisisdesk}
EXE="$BUNDLE/crisisdesk"
[ -x "$EXE" ] || { echo "no bundle at $BUNDLE: run 'make package' first" >&2; exit 1; }

out=$("$EXE" --version)
echo "$out"
case "$out" in CrisisDesk\ *) ;; *) echo "unexpected --version output" >&2; exit 1 ;; esac

"$BUNDLE/crisisdesk-cli" --version

INTERNAL="$BUNDLE/_internal"
for need in resources/icons/crisisdesk.svg resources/demo resources/wizard \
            babel/locale-data/root.dat babel/locale-data/tr.dat; do
    [ -e "$INTERNAL/$need" ] || { echo "missing in bundle: $need" >&2; exit 1; }
done
ls "$INTERNAL"/PySide6/Qt/translations/qtbase_*.qm >/dev/null || { echo "no qtbase_*.qm" >&2; exit 1; }
# keyring finds its backends through its entry points: the metadata must be there.
ls -d "$INTERNAL"/keyring-*.dist-info >/dev/null || { echo "no keyring metadata" >&2; exit 1; }
ls "$INTERNAL"/translations/*/LC_MESSAGES/crisisdesk.mo >/dev/null || { echo "no compiled catalogs" >&2; exit 1; }

# The GUI starts headless on a throw-away profile and quits by itself.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
QT_QPA_PLATFORM=offscreen CRISISDESK_SMOKE_QUIT_MS=1500 "$EXE" --data-dir "$tmp/profile" --minimized
[ -f "$tmp/profile/crisisdesk.db" ] || { echo "the bundle did not create its profile" >&2; exit 1; }
grep -q "password store:" "$tmp/profile/logs/crisisdesk.log" || { echo "keyring did not load" >&2; exit 1; }
# The CLI fills a demo profile offline: feeds, lexicons, lemmatiser data and ingest all bundled.
"$BUNDLE/crisisdesk-cli" --data-dir "$tmp/demo" demo --json | grep -q '"errors": \[\]' \
    || { echo "crisisdesk-cli demo failed in the bundle" >&2; exit 1; }
echo "bundle OK: $BUNDLE"
