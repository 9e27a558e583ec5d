#!/usr/bin/env bash
# Put a built bundle (dist/xuncha) in the desktop's application menu, for one user or all.
#
#   bash packaging/linux/install-desktop-entry.sh [BUNDLE] [--system]
#
# Per user (default): the entry goes to ${XDG_DATA_HOME:-$HOME/.local/share}/applications and
# the icons to …/icons/hicolor/<size>/apps; --system (as root) uses /usr/local/share instead.
# The bundle itself stays where it is (copy it first, e.g. to /opt/xuncha); Exec points at it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bundle="$root/dist/xuncha"
share="${XDG_DATA_HOME:-$HOME/.local/share}"
for arg in "$@"; do
  case "$arg" in
    --system) share=/usr/local/share ;;
    *) bundle="$(cd "$arg" && pwd)" ;;
  esac
done
[ -x "$bundle/xuncha-gui" ] || { echo "no xuncha-gui in $bundle: run packaging/build.py" >&2; exit 2; }
icons="$bundle/_internal/resources/icons"
[ -d "$icons" ] || icons="$root/resources/icons"

for size in 16 24 32 48 64 128 256; do
  install -D -m 644 "$icons/xuncha-$size.png" "$share/icons/hicolor/${size}x${size}/apps/xuncha.png"
done
install -D -m 644 "$icons/xuncha.svg" "$share/icons/hicolor/scalable/apps/xuncha.svg"
mkdir -p "$share/applications"
sed -e "s|^Exec=.*|Exec=\"$bundle/xuncha-gui\"|" -e "s|^TryExec=.*|TryExec=$bundle/xuncha-gui|" \
  "$root/resources/xuncha.desktop" > "$share/applications/xuncha.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "installed $share/applications/xuncha.desktop → $bundle/xuncha-gui"
