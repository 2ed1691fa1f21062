#!/usr/bin/env bash
# Build the one-folder app with PyInstaller and prove the bundle works on its own: it starts,
# creates a database (which runs the Alembic migrations shipped as files in the bundle),
# writes and reads contacts, and opens its window on a virtual screen. Run by .ci/run; run it
# by hand after `python3 run.py --version` has created .venv.
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
app="$dist/hubdesk/hubdesk"
[[ "${OS:-}" != Windows_NT ]] || app="$app.exe"

echo "smoke_frozen: building with PyInstaller…"
"$py" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$dist" --workpath build/pyinstaller/work hubdesk.spec ||
    fail "PyInstaller build (see its output above)"
[[ -x "$app" ]] || fail "the build produced no $app"

migrations="$dist/hubdesk/_internal/hubdesk/core/migrations"
[[ -f "$migrations/env.py" && -f "$migrations/script.py.mako" ]] ||
    fail "the Alembic scripts are not in the bundle as files ($migrations)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/smoke.db"
# The bundle must not depend on where the caller keeps its data or which database it points at.
unset HUBDESK_DATABASE_URL
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"

version=$("$app" --version) || fail "$app --version"
echo "smoke_frozen: --version → $version"

"$app" --db "$db" demo-data 20 >/dev/null || fail "demo-data 20 (creating and migrating $db)"

stats=$("$app" --db "$db" stats --json) || fail "stats --json"
"$py" -c '
import json, sys
stats = json.loads(sys.argv[1])
if stats.get("contacts") != 20:
    sys.exit(f"stats --json: expected contacts == 20, got {stats!r}")
' "$stats" || fail "stats --json did not report the 20 demo contacts"

"$app" --db "$db" search --json tanaka >/dev/null || fail "search --json tanaka"

# The window: on a virtual screen the app must still be running after a few seconds (timeout's
# 124), which proves the bundled Qt platform plugin, fonts and resources load.
if command -v xvfb-run >/dev/null; then
    status=0
    xvfb-run -a timeout 15 "$app" --db "$db" >"$tmp/gui.log" 2>&1 || status=$?
    if [[ $status -ne 124 ]]; then
        cat "$tmp/gui.log" >&2
        fail "the window did not stay open under xvfb-run (exit $status, output above)"
    fi
    echo "smoke_frozen: the window opened under xvfb-run"
else
    echo "smoke_frozen: xvfb-run not installed; skipped opening the window"
fi

echo "smoke_frozen: OK; bundle size: $(du -sh "$dist/hubdesk" | cut -f1) ($dist/hubdesk)"
