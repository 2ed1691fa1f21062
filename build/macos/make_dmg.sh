#!/usr/bin/env bash
# Build HubDesk.app and pack it into a compressed disk image, on macOS:
#
#   bash build/macos/make_dmg.sh          → dist/hubdesk-<version>-macos-<arch>.dmg
#
# Needs Xcode's command line tools (hdiutil, codesign) and the project's .venv (python3 run.py
# --version makes it). The .app gets its Info.plist from build/macos/Info.plist.in (version from
# the package metadata) and its icon from build/make_icons.py, both through hubdesk.spec.
# PyInstaller builds for the machine's own architecture (arm64 or x86_64); build on each.
#
# Signing and notarisation (not done by this script; needs an Apple Developer ID):
#
#   1. Sign the app with the hardened runtime (after the PyInstaller build, before the dmg):
#        codesign --force --deep --options runtime --timestamp \
#            --sign "Developer ID Application: NAME (TEAMID)" build/pyinstaller/dist/HubDesk.app
#        codesign --verify --deep --strict --verbose=2 build/pyinstaller/dist/HubDesk.app
#      or set HUBDESK_CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" and this script
#      runs those two commands and signs the dmg as well.
#   2. Notarise the dmg and staple the ticket (once: xcrun notarytool store-credentials hubdesk
#      --apple-id … --team-id … --password <app-specific password>):
#        xcrun notarytool submit dist/hubdesk-<version>-macos-<arch>.dmg \
#            --keychain-profile hubdesk --wait
#        xcrun stapler staple dist/hubdesk-<version>-macos-<arch>.dmg
#        spctl --assess --type open --context context:primary-signature -v dist/…dmg
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() {
    echo "make_dmg: FAILED: $*" >&2
    exit 1
}

[[ "$(uname -s)" == Darwin ]] || fail "hdiutil and .app bundles need macOS"
py=.venv/bin/python
[[ -x "$py" ]] || fail "no .venv here; create it first with: python3 run.py --version"

dist=build/pyinstaller/dist
app="$dist/HubDesk.app"

"$py" build/make_icons.py
"$py" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$dist" --workpath build/pyinstaller/work hubdesk.spec ||
    fail "PyInstaller build (see its output above)"
[[ -d "$app" ]] || fail "the build produced no $app"

reported=$("$app/Contents/MacOS/hubdesk" --version) || fail "HubDesk.app's hubdesk --version"
version=${reported##* } # "HubDesk 1.2.3" → 1.2.3
plist_version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
echo "make_dmg: HubDesk $version (CFBundleShortVersionString $plist_version)"

identity=${HUBDESK_CODESIGN_IDENTITY:-}
if [[ -n "$identity" ]]; then
    codesign --force --deep --options runtime --timestamp --sign "$identity" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
fi

# The image shows the app next to a link to /Applications, to drag it onto.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"

mkdir -p dist
dmg="dist/hubdesk-$version-macos-$(uname -m).dmg"
rm -f "$dmg"
hdiutil create -volname "HubDesk $version" -srcfolder "$stage" -fs HFS+ -format UDZO \
    -imagekey zlib-level=9 -ov "$dmg" >/dev/null || fail "hdiutil create"
if [[ -n "$identity" ]]; then
    codesign --force --timestamp --sign "$identity" "$dmg"
fi
hdiutil verify "$dmg" >/dev/null || fail "hdiutil verify $dmg"

echo "make_dmg: app $(du -sh "$app" | cut -f1), image $(du -h "$dmg" | cut -f1): $dmg"
[[ -n "$identity" ]] || echo "make_dmg: unsigned; see the notes at the top of this script to sign and notarise"
