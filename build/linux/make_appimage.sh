#!/usr/bin/env bash
# Turn the PyInstaller one-folder build into an AppImage with appimagetool, after the build and
# build/make_icons.py:
#
#   bash build/linux/make_appimage.sh                → dist/HubDesk-<version>-<arch>.AppImage
#   bash build/linux/make_appimage.sh --appdir-only  → only the AppDir (no appimagetool; CI
#                                                      builds this and runs its AppRun)
#
# appimagetool: $APPIMAGETOOL, else `appimagetool` on PATH, else this script downloads the
# release from github.com/AppImage/appimagetool into build/pyinstaller/tools/ (never in CI).
# It runs with APPIMAGE_EXTRACT_AND_RUN=1, so no FUSE is needed to build.
#
# The AppDir:
#   AppRun                   runs usr/lib/hubdesk/hubdesk with the caller's arguments
#   hubdesk.desktop          the menu entry (build/linux/hubdesk.desktop)
#   hubdesk.png, .DirIcon    the 256 px icon
#   usr/lib/hubdesk/         the one-folder app
#   usr/bin/hubdesk          → ../lib/hubdesk/hubdesk
#   usr/share/applications/, usr/share/icons/hicolor/   for desktop integration tools
#
# The bundled libraries come from the build machine, so the AppImage (like the tarball) runs on
# distributions with the same or a newer glibc: build on the oldest one you support.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() {
    echo "make_appimage: FAILED: $*" >&2
    exit 1
}

appdir_only=0
case "${1:-}" in
--appdir-only) appdir_only=1 ;;
"") ;;
*) fail "usage: $0 [--appdir-only]" ;;
esac

app=build/pyinstaller/dist/hubdesk
icons=build/icons/hicolor
[[ -x "$app/hubdesk" ]] || fail "no $app/hubdesk; build the app first"
[[ -f "$icons/256x256/apps/hubdesk.png" ]] || fail "no $icons; run build/make_icons.py first"
reported=$("$app/hubdesk" --version) || fail "$app/hubdesk --version"
version=${reported##* } # "HubDesk 1.2.3" → 1.2.3
arch=$(uname -m)

appdir=build/pyinstaller/HubDesk.AppDir
rm -rf "$appdir"
mkdir -p "$appdir/usr/lib" "$appdir/usr/bin" "$appdir/usr/share/applications" \
    "$appdir/usr/share/icons"
# Hard links where the file system allows (same tree as the build): fast and no extra space.
cp -al "$app" "$appdir/usr/lib/hubdesk" 2>/dev/null || cp -a "$app" "$appdir/usr/lib/hubdesk"
ln -s ../lib/hubdesk/hubdesk "$appdir/usr/bin/hubdesk"
cp build/linux/hubdesk.desktop "$appdir/hubdesk.desktop"
cp build/linux/hubdesk.desktop "$appdir/usr/share/applications/hubdesk.desktop"
cp -R "$icons" "$appdir/usr/share/icons/"
cp "$icons/256x256/apps/hubdesk.png" "$appdir/hubdesk.png"
ln -s hubdesk.png "$appdir/.DirIcon"
cat >"$appdir/AppRun" <<'EOF'
#!/bin/sh
# AppImage entry point: the app in usr/lib/hubdesk, with the caller's arguments.
here=$(dirname "$(readlink -f "$0")")
exec "$here/usr/lib/hubdesk/hubdesk" "$@"
EOF
chmod 755 "$appdir/AppRun"
echo "make_appimage: AppDir ready: $appdir"
if ((appdir_only)); then exit 0; fi

tool=${APPIMAGETOOL:-}
if [[ -z "$tool" ]] && command -v appimagetool >/dev/null; then
    tool=$(command -v appimagetool)
fi
if [[ -z "$tool" ]]; then
    [[ "${CI:-}" != true ]] || fail "CI does not download appimagetool; set APPIMAGETOOL"
    tool=build/pyinstaller/tools/appimagetool-$arch.AppImage
    if [[ ! -x "$tool" ]]; then
        mkdir -p "$(dirname "$tool")"
        url="https://github.com/AppImage/appimagetool/releases/download/continuous/appimagetool-$arch.AppImage"
        echo "make_appimage: downloading $url"
        curl -fL --retry 3 -o "$tool.part" "$url" || fail "downloading appimagetool"
        chmod 755 "$tool.part"
        mv "$tool.part" "$tool"
    fi
fi

mkdir -p dist
out="dist/HubDesk-$version-$arch.AppImage"
APPIMAGE_EXTRACT_AND_RUN=1 ARCH=$arch "$tool" --no-appstream "$appdir" "$out" ||
    fail "appimagetool"
echo "make_appimage: $(du -h "$out" | cut -f1) $out"
