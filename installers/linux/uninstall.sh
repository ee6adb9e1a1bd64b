#!/bin/sh
# Remove the WB Ops apps (and with --backend the service) installed by install.sh.
# Data is never deleted: /var/lib/wb-ops, /var/backups/wb-ops and each user's ~/.config/wb-ops and
# ~/.local/share/wb-ops stay (remove them by hand once you are sure).
#
#   sudo ./uninstall.sh [--backend]      ./uninstall.sh --user
set -eu
MODE=system
BACKEND=no
PREFIX=""
while [ $# -gt 0 ]; do
    case "$1" in
        --user) MODE=user ;;
        --backend) BACKEND=yes ;;
        --prefix) PREFIX="$2"; shift ;;
        *) echo "uninstall.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
if [ "$MODE" = user ]; then
    PREFIX=${PREFIX:-$HOME/.local/opt/wb-ops}
    BIN=${XDG_BIN_HOME:-$HOME/.local/bin}
    SHARE=${XDG_DATA_HOME:-$HOME/.local/share}
else
    PREFIX=${PREFIX:-/opt/wb-ops}
    BIN=/usr/local/bin
    SHARE=/usr/share
fi
for app in pvz-app scanner-app; do
    rm -f "$BIN/$app" "$SHARE/applications/$app.desktop" "$SHARE/icons/hicolor/256x256/apps/$app.png"
done
if [ "$BACKEND" = yes ]; then
    if command -v systemctl >/dev/null 2>&1; then
        systemctl disable --now wb-backend wb-backend-backup.timer 2>/dev/null || true
    fi
    rm -f /etc/systemd/system/wb-backend.service /etc/systemd/system/wb-backend-backup.service \
        /etc/systemd/system/wb-backend-backup.timer "$BIN/wb-backend"
    command -v systemctl >/dev/null 2>&1 && systemctl daemon-reload || true
    echo "kept: /etc/wb-ops, /var/lib/wb-ops (database, keys), /var/backups/wb-ops"
fi
if [ "$BACKEND" = yes ] || [ ! -e "$PREFIX/current/wb-backend" ]; then
    rm -rf "$PREFIX"
    echo "removed WB Ops from $PREFIX"
else
    for version in "$PREFIX"/*/; do rm -rf "${version}wb-ops"; done
    echo "removed the apps from $PREFIX (the backend stays: uninstall.sh --backend removes it)"
fi
