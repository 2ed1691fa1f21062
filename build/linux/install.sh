#!/bin/sh
# Install HubDesk from this unpacked folder for the current user, without root:
#
#   ./install.sh               the app into ~/.local/lib/hubdesk, `hubdesk` into ~/.local/bin,
#                              the menu entry and the icons into ~/.local/share
#   ./install.sh --uninstall   remove them again (your contacts database stays where it is)
#
# PREFIX=/some/dir ./install.sh installs under /some/dir instead of ~/.local. Running it again
# (e.g. from a newer version's folder) replaces the installed app.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
lib="$prefix/lib/hubdesk"
bin="$prefix/bin"
share="$prefix/share"
desktop="$share/applications/hubdesk.desktop"

refresh_menus() {
    # Optional helpers: menus and "Open with" pick up the change sooner where they exist.
    touch "$share/icons/hicolor" 2>/dev/null || true
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    if [ -L "$bin/hubdesk" ]; then
        rm -f "$bin/hubdesk"
    fi
    rm -rf "$lib"
    rm -f "$desktop"
    rm -f "$share"/icons/hicolor/*/apps/hubdesk.png "$share/icons/hicolor/scalable/apps/hubdesk.svg"
    refresh_menus
    echo "HubDesk removed from $prefix (your data folder was left alone)."
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi

[ -x "$here/hubdesk" ] || {
    echo "install.sh: no hubdesk next to this script; run it from the unpacked folder" >&2
    exit 1
}
case $lib in
*[\"\`\$\\]*)
    echo "install.sh: cannot install under a path containing \" \` \$ or \\: $lib" >&2
    exit 1
    ;;
esac

# The app: copied beside the old one, then swapped in, so a failed copy leaves the old one.
mkdir -p "$prefix/lib"
rm -rf "$lib.new"
mkdir "$lib.new"
cp -R "$here/hubdesk" "$here/_internal" "$lib.new/"
rm -rf "$lib"
mv "$lib.new" "$lib"

mkdir -p "$bin"
ln -sfn "$lib/hubdesk" "$bin/hubdesk"

# The menu entry runs the installed app by its full path (~/.local/bin is not always on the
# PATH of a desktop session).
mkdir -p "$share/applications"
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
    Exec=*) printf 'Exec="%s" %%F\n' "$lib/hubdesk" ;;
    TryExec=*) printf 'TryExec=%s\n' "$lib/hubdesk" ;;
    *) printf '%s\n' "$line" ;;
    esac
done <"$here/share/applications/hubdesk.desktop" >"$desktop.new"
mv "$desktop.new" "$desktop"

mkdir -p "$share/icons/hicolor"
cp -R "$here/share/icons/hicolor/." "$share/icons/hicolor/"
refresh_menus

version=$("$lib/hubdesk" --version 2>/dev/null || echo HubDesk)
echo "Installed $version into $lib."
case ":$PATH:" in
*":$bin:"*) echo "Start it from the applications menu or with: hubdesk" ;;
*) echo "Start it from the applications menu, or add $bin to your PATH to run: hubdesk" ;;
esac
