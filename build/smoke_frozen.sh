#!/usr/bin/env bash
# Build the one-folder app with PyInstaller and prove the bundle works on its own: it starts,
# creates a database (which runs the Alembic migrations shipped as files in the bundle),
# writes and reads contacts, and opens its window on a virtual screen. On Linux it then packs
# the release tarball, unpacks it elsewhere and proves the unpacked app the same way, tries its
# install.sh into a scratch prefix, and assembles the AppImage's AppDir (without appimagetool).
# Run by .ci/run; run it by hand after `python3 run.py --version` has created .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
    echo "smoke_frozen: FAILED: $*" >&2
    exit 1
}

py=.venv/bin/python
[[ -x "$py" ]] || py=.venv/Scripts/python.exe # Git Bash on Windows
[[ -x "$py" ]] || fail "no .venv here; create it first with: python3 run.py --version"

dist=build/pyinstaller/dist
exe=hubdesk
[[ "${OS:-}" != Windows_NT ]] || exe=hubdesk.exe
app="$dist/hubdesk/$exe"

"$py" build/make_icons.py || fail "build/make_icons.py"

echo "smoke_frozen: building with PyInstaller…"
"$py" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$dist" --workpath build/pyinstaller/work hubdesk.spec ||
    fail "PyInstaller build (see its output above)"
[[ -x "$app" ]] || fail "the build produced no $app"

migrations="$dist/hubdesk/_internal/hubdesk/core/migrations"
[[ -f "$migrations/env.py" && -f "$migrations/script.py.mako" ]] ||
    fail "the Alembic scripts are not in the bundle as files ($migrations)"
[[ -f "$dist/hubdesk/_internal/hubdesk/resources/docs/user-guide.md" ]] ||
    fail "the user guide (Help → User guide) is not in the bundle"
# Help → About lists each bundled library's licence from its metadata, and keyring finds the
# system keychain through entry points in its metadata: both need the dist-info folders.
for pkg in pyside6_essentials sqlalchemy openpyxl psycopg keyring phonenumbers; do
    find "$dist/hubdesk/_internal" -maxdepth 1 -iname "${pkg}-*.dist-info" | grep -q . ||
        fail "no package metadata for $pkg in the bundle (About could not name its licence)"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The bundle must not depend on where the caller keeps its data or which database it points at.
unset HUBDESK_DATABASE_URL
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"

# smoke APP LABEL: --version, a new database with demo data, stats, search, and the window.
smoke() {
    local app=$1 label=$2
    local db
    db="$tmp/smoke-$(date +%s%N).db"

    version=$("$app" --version) || fail "$label: $app --version"
    echo "smoke_frozen: $label: --version → $version"

    "$app" --db "$db" demo-data 20 >/dev/null || fail "$label: demo-data 20 (creating and migrating $db)"

    local stats
    stats=$("$app" --db "$db" stats --json) || fail "$label: stats --json"
    "$py" -c '
import json, sys
stats = json.loads(sys.argv[1])
if stats.get("contacts") != 20:
    sys.exit(f"stats --json: expected contacts == 20, got {stats!r}")
' "$stats" || fail "$label: stats --json did not report the 20 demo contacts"

    "$app" --db "$db" search --json tanaka >/dev/null || fail "$label: search --json tanaka"

    # PostgreSQL in the bundle: psycopg and its bundled libpq must load, so a server that is
    # not there is a connection error (exit 2), not a missing module.
    local pg_error
    if pg_error=$("$app" --db postgresql://nobody@127.0.0.1:1/none stats 2>&1); then
        fail "$label: stats on a PostgreSQL server that does not exist succeeded"
    fi
    grep -q "Connection refused\|connection failed" <<<"$pg_error" ||
        fail "$label: the PostgreSQL driver did not load in the bundle: $pg_error"

    # XLSX import in the bundle: openpyxl, and defusedxml under it (the reader refuses to
    # parse a workbook when entity expansion would be possible, so a missing defusedxml fails).
    "$py" -c '
import sys
from openpyxl import Workbook
wb = Workbook(); ws = wb.active
ws.append(["Name", "Email"]); ws.append(["山田 太郎", "taro@example.jp"])
wb.save(sys.argv[1])
' "$tmp/smoke.xlsx"
    "$app" --db "$db" import "$tmp/smoke.xlsx" --dry-run >/dev/null ||
        fail "$label: import of an XLSX file (openpyxl/defusedxml in the bundle)"

    # The window: on a virtual screen the app must still be running after a few seconds
    # (timeout's 124), which proves the bundled Qt platform plugin, fonts and resources load.
    if command -v xvfb-run >/dev/null; then
        local status=0
        xvfb-run -a timeout 15 "$app" --db "$db" >"$tmp/gui.log" 2>&1 || status=$?
        if [[ $status -ne 124 ]]; then
            cat "$tmp/gui.log" >&2
            fail "$label: the window did not stay open under xvfb-run (exit $status, output above)"
        fi
        echo "smoke_frozen: $label: the window opened under xvfb-run"
    else
        echo "smoke_frozen: $label: xvfb-run not installed; skipped opening the window"
    fi
}

smoke "$app" "one-folder build"
built_version=$version
folder_size=$(du -sh "$dist/hubdesk" | cut -f1)

if [[ "$(uname -s)" != Linux ]]; then
    echo "smoke_frozen: OK; bundle size: $folder_size ($dist/hubdesk)"
    exit 0
fi

# The release tarball, unpacked somewhere else: the app must not need anything from the tree.
tarball=$(bash build/linux/make_tarball.sh "$dist/hubdesk" dist) || fail "build/linux/make_tarball.sh"
echo "smoke_frozen: packed $tarball"
mkdir "$tmp/unpacked"
tar -xzf "$tarball" -C "$tmp/unpacked" || fail "unpacking $tarball"
root=$(find "$tmp/unpacked" -mindepth 1 -maxdepth 1 -type d)
[[ "$(basename "$root")" == "$(basename "$tarball" .tar.gz)" ]] ||
    fail "$tarball does not unpack to one folder named like it"
for f in hubdesk install.sh share/applications/hubdesk.desktop \
    share/icons/hicolor/48x48/apps/hubdesk.png share/icons/hicolor/scalable/apps/hubdesk.svg; do
    [[ -e "$root/$f" ]] || fail "$tarball has no $f"
done
smoke "$root/hubdesk" "unpacked tarball"
[[ "$version" == "$built_version" ]] || fail "the tarball's app reports $version, the build $built_version"

# install.sh into a scratch prefix, the installed command, then --uninstall.
prefix="$tmp/prefix"
PREFIX="$prefix" sh "$root/install.sh" >/dev/null || fail "install.sh"
[[ "$("$prefix/bin/hubdesk" --version)" == "$built_version" ]] ||
    fail "install.sh: $prefix/bin/hubdesk does not run"
installed_desktop="$prefix/share/applications/hubdesk.desktop"
grep -qx "Exec=\"$prefix/lib/hubdesk/hubdesk\" %F" "$installed_desktop" ||
    fail "install.sh: the installed menu entry does not run the installed app"
[[ -f "$prefix/share/icons/hicolor/256x256/apps/hubdesk.png" ]] || fail "install.sh: no icons"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$installed_desktop" || fail "the installed .desktop file is not valid"
fi
PREFIX="$prefix" sh "$root/install.sh" --uninstall >/dev/null || fail "install.sh --uninstall"
leftovers=$(find "$prefix" -name 'hubdesk*' | head -5)
[[ -z "$leftovers" ]] || fail "install.sh --uninstall left: $leftovers"
echo "smoke_frozen: install.sh installed into a scratch prefix and removed it again"

# The AppImage's AppDir (appimagetool itself is downloaded and run only by hand).
bash build/linux/make_appimage.sh --appdir-only >/dev/null || fail "make_appimage.sh --appdir-only"
[[ "$(build/pyinstaller/HubDesk.AppDir/AppRun --version)" == "$built_version" ]] ||
    fail "the AppDir's AppRun does not start the app"
rm -rf build/pyinstaller/HubDesk.AppDir
echo "smoke_frozen: the AppImage AppDir runs (AppRun --version)"

echo "smoke_frozen: OK; bundle size: $folder_size ($dist/hubdesk)," \
    "tarball $(du -h "$tarball" | cut -f1) ($tarball)"
