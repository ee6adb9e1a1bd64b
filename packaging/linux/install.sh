#!/bin/sh
# Install WB Ops from this unpacked archive. See ADMIN.md (section 1) for the whole procedure.
set -eu

usage() {
    cat <<'EOF'
Usage: install.sh [options]

  sudo ./install.sh                 the apps for every user (menu entries, pvz-app, scanner-app)
  sudo ./install.sh --backend       also the backend: system user, data dir, systemd units, backups
  ./install.sh --user               the apps for the current user only, no root needed

Options:
  --user            install for this user only (~/.local/opt/wb-ops, ~/.local/bin)
  --backend         also install the backend service (root only)
  --no-apps         leave the apps out (a backend-only server)
  --start           enable and start the backend service now
  --prefix DIR      where the versions go (default /opt/wb-ops, or ~/.local/opt/wb-ops with --user);
                    commands, menu entries and the systemd units all point into DIR/current.
                    Also written --prefix=DIR.
  --dry-run         print what would be done, change nothing
  -h, --help        this text

Each version goes to PREFIX/<version>; PREFIX/current points at the active one, so an update is
"install the new archive" and a rollback is "point current back" (ADMIN.md, section 3). Every file,
link and folder written is listed in PREFIX/install-manifest.txt; uninstall.sh removes exactly those.
EOF
}

HERE=$(cd "$(dirname "$0")" && pwd)
VERSION=$(cat "$HERE/VERSION")
MODE=system
APPS=yes
BACKEND=no
START=no
DRY=no
PREFIX=""
UNIT_DIR=/etc/systemd/system

need_value() {  # $1 = option, $2 = number of arguments left
    if [ "$2" -lt 2 ]; then
        echo "install.sh: $1 needs a folder (--prefix DIR or --prefix=DIR)" >&2
        exit 2
    fi
}

while [ $# -gt 0 ]; do
    case "$1" in
        --user) MODE=user ;;
        --backend) BACKEND=yes ;;
        --no-apps) APPS=no ;;
        --start) START=yes ;;
        --dry-run) DRY=yes ;;
        --prefix) need_value "$1" $#; PREFIX="$2"; shift ;;
        --prefix=*) PREFIX="${1#--prefix=}" ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see install.sh --help)" >&2; exit 2 ;;
    esac
    shift
done
if [ -n "$PREFIX" ]; then
    case "$PREFIX" in
        /*) ;;
        *) PREFIX="$(pwd)/$PREFIX" ;;
    esac
    PREFIX=${PREFIX%/}
    [ -n "$PREFIX" ] || { echo "install.sh: --prefix / is not allowed" >&2; exit 2; }
fi

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
MANIFEST="$PREFIX/install-manifest.txt"

# ---- the manifest: "<part> <kind> <path>" per line; part = apps | backend | common,
# kind = file | link | tree (a folder copied whole from the archive) | dir (created, removed if empty)
record() {  # $1 part, $2 kind, $3 path
    [ "$DRY" = yes ] && return 0
    line="$1 $2 $3"
    if [ ! -f "$MANIFEST" ] || ! grep -qxF "$line" "$MANIFEST"; then
        printf '%s\n' "$line" >> "$MANIFEST"
    fi
}

make_dir() {  # $1 part, $2 folder: created with its missing parents, each recorded (deepest last)
    missing=""
    d=$2
    while [ -n "$d" ] && [ "$d" != / ] && [ ! -d "$d" ]; do
        missing="$d
$missing"
        d=$(dirname "$d")
    done
    run mkdir -p "$2"
    printf '%s' "$missing" | while IFS= read -r d; do
        [ -z "$d" ] || record "$1" dir "$d"
    done
}

echo "installing WB Ops $VERSION into $TARGET"
make_dir common "$TARGET"

copy_bundle() {  # $1 = bundle folder name, $2 = part
    [ -d "$HERE/$1" ] || { echo "install.sh: $1 is not in this archive" >&2; exit 2; }
    run rm -rf "$TARGET/$1.new"
    run cp -a "$HERE/$1" "$TARGET/$1.new"
    run rm -rf "$TARGET/$1"
    run mv "$TARGET/$1.new" "$TARGET/$1"
    record "$2" tree "$TARGET/$1"
}

if [ "$APPS" = yes ]; then
    copy_bundle wb-ops apps
fi
if [ "$BACKEND" = yes ]; then
    copy_bundle wb-backend backend
fi
run cp "$HERE/ADMIN.md" "$HERE/VERSION" "$TARGET/"
record common file "$TARGET/ADMIN.md"
record common file "$TARGET/VERSION"
[ -f "$HERE/SHA256SUMS" ] && run cp "$HERE/SHA256SUMS" "$TARGET/" && record common file "$TARGET/SHA256SUMS"
# switch "current" in one step (a new symlink renamed over the old one)
run ln -sfn "$VERSION" "$PREFIX/current.new"
run mv -T "$PREFIX/current.new" "$PREFIX/current"
record common link "$PREFIX/current"

# write $2 from template $1, pointing every /opt/wb-ops/current at PREFIX/current
from_template() {  # $1 template, $2 destination, $3 mode
    if [ "$DRY" = yes ]; then
        echo "+ write $2:"
        sed -n -e "s|/opt/wb-ops/current|$PREFIX/current|g" -e 's/^\(ExecStart=.*\)/    \1/p' "$1"
    else
        sed -e "s|/opt/wb-ops/current|$PREFIX/current|g" "$1" > "$2.new"
        chmod "$3" "$2.new"
        mv "$2.new" "$2"
    fi
}

if [ "$APPS" = yes ]; then
    make_dir apps "$BIN"
    make_dir apps "$SHARE/applications"
    make_dir apps "$SHARE/icons/hicolor/256x256/apps"
    for app in pvz-app scanner-app; do
        run ln -sfn "$PREFIX/current/wb-ops/$app" "$BIN/$app"
        record apps link "$BIN/$app"
        run cp "$HERE/share/icons/$app.png" "$SHARE/icons/hicolor/256x256/apps/$app.png"
        record apps file "$SHARE/icons/hicolor/256x256/apps/$app.png"
        if [ "$DRY" = yes ]; then
            echo "+ write $SHARE/applications/$app.desktop (Exec=$BIN/$app)"
        else
            sed "s|^Exec=.*|Exec=$BIN/$app|" "$HERE/share/applications/$app.desktop" > "$SHARE/applications/$app.desktop"
            chmod 644 "$SHARE/applications/$app.desktop"
        fi
        record apps file "$SHARE/applications/$app.desktop"
    done
    # the desktop's caches: recorded when this install made them (uninstall.sh removes them then)
    if command -v update-desktop-database >/dev/null 2>&1; then
        [ -e "$SHARE/applications/mimeinfo.cache" ] || record apps file "$SHARE/applications/mimeinfo.cache"
        run update-desktop-database -q "$SHARE/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        [ -e "$SHARE/icons/hicolor/icon-theme.cache" ] || record apps file "$SHARE/icons/hicolor/icon-theme.cache"
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
    # data, backups and settings are never in the manifest: uninstall.sh keeps them
    run install -d -m 0700 -o wb-backend -g wb-backend /var/lib/wb-ops /var/backups/wb-ops /var/log/wb-ops
    run install -d -m 0755 /etc/wb-ops
    if [ -e /etc/wb-ops/wb-backend.env ]; then
        echo "keeping /etc/wb-ops/wb-backend.env (the new defaults are in $TARGET/wb-backend.env.new)"
        run cp "$HERE/share/systemd/wb-backend.env" "$TARGET/wb-backend.env.new"
        record backend file "$TARGET/wb-backend.env.new"
    else
        run install -m 0640 -g wb-backend "$HERE/share/systemd/wb-backend.env" /etc/wb-ops/wb-backend.env
    fi
    make_dir backend "$UNIT_DIR"
    for unit in wb-backend.service wb-backend-backup.service wb-backend-backup.timer wb-backend-backup-failed.service; do
        from_template "$HERE/share/systemd/$unit" "$UNIT_DIR/$unit" 0644
        record backend file "$UNIT_DIR/$unit"
    done
    run ln -sfn "$PREFIX/current/wb-backend/wb-backend" "$BIN/wb-backend"
    record backend link "$BIN/wb-backend"
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
