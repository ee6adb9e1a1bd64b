#!/bin/sh
# Install WB Ops from this unpacked archive.
#
#   sudo ./install.sh                 # the apps for every user (menu entries, pvz-app, scanner-app)
#   sudo ./install.sh --backend       # also the backend: system user, data dir, systemd unit, backups
#   ./install.sh --user               # the apps for the current user only, no root needed
#
# Options: --prefix DIR (default /opt/wb-ops, or ~/.local/opt/wb-ops with --user), --no-apps,
#          --start (enable and start the backend service now), --dry-run (print, change nothing).
# Each version goes to PREFIX/<version>; PREFIX/current points at the active one, so an update is
# "install the new archive" and a rollback is "point current back" (see ADMIN.md).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
VERSION=$(cat "$HERE/VERSION")
MODE=system
APPS=yes
BACKEND=no
START=no
DRY=no
PREFIX=""

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --user) MODE=user ;;
        --backend) BACKEND=yes ;;
        --no-apps) APPS=no ;;
        --start) START=yes ;;
        --dry-run) DRY=yes ;;
        --prefix) PREFIX="$2"; shift ;;
        --prefix=*) PREFIX="${1#--prefix=}" ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

run() {
    if [ "$DRY" = yes ]; then echo "+ $*"; else "$@"; fi
}

if [ "$MODE" = user ]; then
    [ "$BACKEND" = no ] || { echo "install.sh: the backend is a system service: run --backend as root" >&2; exit 2; }
    PREFIX=${PREFIX:-$HOME/.local/opt/wb-ops}
    BIN=${XDG_BIN_HOME:-$HOME/.local/bin}
    SHARE=${XDG_DATA_HOME:-$HOME/.local/share}
else
    if [ "$(id -u)" != 0 ] && [ "$DRY" = no ]; then
        echo "install.sh: run as root (sudo ./install.sh), or use --user for this user only" >&2
        exit 2
    fi
    PREFIX=${PREFIX:-/opt/wb-ops}
    BIN=/usr/local/bin
    SHARE=/usr/share
fi

TARGET="$PREFIX/$VERSION"
echo "installing WB Ops $VERSION into $TARGET"
run mkdir -p "$TARGET"

copy_bundle() {  # $1 = bundle folder name
    [ -d "$HERE/$1" ] || { echo "install.sh: $1 is not in this archive" >&2; exit 2; }
    run rm -rf "$TARGET/$1.new"
    run cp -a "$HERE/$1" "$TARGET/$1.new"
    run rm -rf "$TARGET/$1"
    run mv "$TARGET/$1.new" "$TARGET/$1"
}

if [ "$APPS" = yes ]; then
    copy_bundle wb-ops
fi
if [ "$BACKEND" = yes ]; then
    copy_bundle wb-backend
fi
run cp "$HERE/ADMIN.md" "$HERE/VERSION" "$TARGET/"
# switch "current" in one step (a new symlink renamed over the old one)
run ln -sfn "$VERSION" "$PREFIX/current.new"
run mv -T "$PREFIX/current.new" "$PREFIX/current"

if [ "$APPS" = yes ]; then
    run mkdir -p "$BIN" "$SHARE/applications" "$SHARE/icons/hicolor/256x256/apps"
    for app in pvz-app scanner-app; do
        run ln -sfn "$PREFIX/current/wb-ops/$app" "$BIN/$app"
        run cp "$HERE/share/icons/$app.png" "$SHARE/icons/hicolor/256x256/apps/$app.png"
        if [ "$DRY" = yes ]; then
            echo "+ write $SHARE/applications/$app.desktop (Exec=$BIN/$app)"
        else
            sed "s|^Exec=.*|Exec=$BIN/$app|" "$HERE/share/applications/$app.desktop" > "$SHARE/applications/$app.desktop"
            chmod 644 "$SHARE/applications/$app.desktop"
        fi
    done
    if command -v update-desktop-database >/dev/null 2>&1; then
        run update-desktop-database -q "$SHARE/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        run gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
    fi
    # serial scanners: the user needs the dialout group to open /dev/ttyACM*, /dev/ttyUSB*
    if [ "$MODE" = user ] && ! id -nG | grep -qw dialout; then
        echo "note: add yourself to the dialout group for a serial scanner: sudo usermod -aG dialout $(id -un)"
    fi
fi

if [ "$BACKEND" = yes ]; then
    if ! id wb-backend >/dev/null 2>&1; then
        run useradd --system --home-dir /var/lib/wb-ops --shell /usr/sbin/nologin wb-backend
    fi
    run install -d -m 0700 -o wb-backend -g wb-backend /var/lib/wb-ops /var/backups/wb-ops
    run install -d -m 0755 /etc/wb-ops
    if [ -e /etc/wb-ops/wb-backend.env ]; then
        echo "keeping /etc/wb-ops/wb-backend.env (the new defaults are in $TARGET/wb-backend.env.new)"
        run cp "$HERE/share/systemd/wb-backend.env" "$TARGET/wb-backend.env.new"
    else
        run install -m 0640 -g wb-backend "$HERE/share/systemd/wb-backend.env" /etc/wb-ops/wb-backend.env
    fi
    for unit in wb-backend.service wb-backend-backup.service wb-backend-backup.timer; do
        run install -m 0644 "$HERE/share/systemd/$unit" "/etc/systemd/system/$unit"
    done
    run ln -sfn "$PREFIX/current/wb-backend/wb-backend" "$BIN/wb-backend"
    # create or migrate the database and keys as the service user
    run runuser -u wb-backend -- "$PREFIX/current/wb-backend/wb-backend" init --data-dir /var/lib/wb-ops
    if command -v systemctl >/dev/null 2>&1; then
        run systemctl daemon-reload
        run systemctl enable wb-backend-backup.timer
        if [ "$START" = yes ]; then
            run systemctl enable --now wb-backend
        else
            echo "start it with: systemctl enable --now wb-backend"
        fi
    fi
fi

echo "done: WB Ops $VERSION ($PREFIX/current -> $VERSION)"
[ "$APPS" = yes ] && echo "start the apps from the menu, or run: $BIN/pvz-app, $BIN/scanner-app"
exit 0
