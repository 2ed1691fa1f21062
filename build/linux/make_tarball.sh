#!/usr/bin/env bash
# Pack the PyInstaller one-folder build into a tarball for Linux, after the build
# (bash build/smoke_frozen.sh, or PyInstaller as in README) and build/make_icons.py:
#
#   bash build/linux/make_tarball.sh [APP_DIR [OUT_DIR]]
#       APP_DIR  the one-folder app (default build/pyinstaller/dist/hubdesk)
#       OUT_DIR  where the tarball goes (default dist)
#
# Prints the tarball's path. It unpacks to one folder, hubdesk-<version>-linux-<arch>/:
#   hubdesk, _internal/                    the app: ./hubdesk runs it from there
#   share/applications/hubdesk.desktop     the menu entry
#   share/icons/hicolor/…/apps/hubdesk.*   the icon, 16–512 px and scalable
#   install.sh                             installs all that for the current user into ~/.local
# The version comes from the built app (`hubdesk --version`, i.e. the package metadata).
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() {
    echo "make_tarball: FAILED: $*" >&2
    exit 1
}

app=${1:-build/pyinstaller/dist/hubdesk}
out=${2:-dist}
icons=build/icons/hicolor
[[ -x "$app/hubdesk" ]] || fail "no $app/hubdesk; build the app first"
[[ -f "$icons/256x256/apps/hubdesk.png" ]] || fail "no $icons; run build/make_icons.py first"

reported=$("$app/hubdesk" --version) || fail "$app/hubdesk --version"
version=${reported##* } # "HubDesk 1.2.3" → 1.2.3
[[ "$version" =~ ^[0-9][0-9A-Za-z.+!-]*$ ]] || fail "unexpected --version output: $reported"
name="hubdesk-$version-linux-$(uname -m)"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/share/applications" "$root/share/icons"
cp -a "$app/." "$root/"
cp build/linux/hubdesk.desktop "$root/share/applications/"
cp -R "$icons" "$root/share/icons/"
cp build/linux/install.sh "$root/install.sh"
chmod 755 "$root/install.sh" "$root/hubdesk"

mkdir -p "$out"
tarball="$out/$name.tar.gz"
# Reproducible: sorted names, no owner, one timestamp (SOURCE_DATE_EPOCH when set), no gzip
# timestamp.
mtime=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" \
    -C "$stage" -cf - "$name" | gzip -n >"$tarball.part"
mv "$tarball.part" "$tarball"
echo "$tarball"
