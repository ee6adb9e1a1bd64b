#!/bin/sh
# Remove what install.sh wrote, and nothing else: the files, links and folders listed in
# PREFIX/install-manifest.txt. See ADMIN.md.
set -eu

usage() {
    cat <<'USAGE'
Usage: uninstall.sh [options]

  sudo ./uninstall.sh               remove the apps installed for every user
  sudo ./uninstall.sh --backend     also remove the backend service and its program files
  ./uninstall.sh --user             remove the apps installed with install.sh --user

Options:
  --user            the per-user installation (~/.local/opt/wb-ops)
  --backend         also the backend (stops and disables its units first)
  --prefix DIR      the --prefix given to install.sh (also written --prefix=DIR)
  --dry-run         print what would be removed, remove nothing
  -h, --help        this text

Only what install.sh recorded in PREFIX/install-manifest.txt is removed; anything else in PREFIX
stays, and a folder is removed only when it is empty. Data is never deleted: /var/lib/wb-ops,
/var/backups/wb-ops, /var/log/wb-ops, /etc/wb-ops and each user's ~/.config/wb-ops and
~/.local/share/wb-ops stay (offline operations not yet synchronised live there).
USAGE
}

MODE=system
BACKEND=no
DRY=no
PREFIX=""
while [ $# -gt 0 ]; do
    case "$1" in
        --user) MODE=user ;;
        --backend) BACKEND=yes ;;
        --dry-run) DRY=yes ;;
        --prefix)
            [ $# -ge 2 ] || { echo "uninstall.sh: --prefix needs a folder (--prefix DIR or --prefix=DIR)" >&2; exit 2; }
            PREFIX="$2"; shift ;;
        --prefix=*) PREFIX="${1#--prefix=}" ;;
        -h|--help) usage; exit 0 ;;
        *) echo "uninstall.sh: unknown option $1 (see uninstall.sh --help)" >&2; exit 2 ;;
    esac
    shift
done
if [ -n "$PREFIX" ]; then
    case "$PREFIX" in
        /*) ;;
        *) PREFIX="$(pwd)/$PREFIX" ;;
    esac
    PREFIX=${PREFIX%/}
fi
if [ "$MODE" = user ]; then
    PREFIX=${PREFIX:-$HOME/.local/opt/wb-ops}
else
    PREFIX=${PREFIX:-/opt/wb-ops}
fi
MANIFEST="$PREFIX/install-manifest.txt"
if [ ! -f "$MANIFEST" ]; then
    echo "uninstall.sh: no WB Ops installation in $PREFIX ($MANIFEST is missing); nothing removed" >&2
    echo "  (give the --prefix used at install time, or --user for a per-user installation)" >&2
    exit 2
fi

run() {
    if [ "$DRY" = yes ]; then echo "+ $*"; else "$@"; fi
}

PREFIX_OURS=no
grep -qxF "common dir $PREFIX" "$MANIFEST" && PREFIX_OURS=yes
if [ "$MODE" = system ] && [ "$(id -u)" != 0 ] && [ "$DRY" = no ]; then
    echo "uninstall.sh: run as root (sudo ./uninstall.sh), or --user for a per-user installation" >&2
    exit 2
fi

# which parts go: the apps always; the backend with --backend; the shared files (the version
# folders' ADMIN.md, the `current` link, the folders) once neither apps nor backend remain
PARTS="apps"
[ "$BACKEND" = yes ] && PARTS="$PARTS backend"
if [ "$BACKEND" = yes ] || ! grep -q '^backend ' "$MANIFEST"; then
    PARTS="$PARTS common"
fi

if [ "$BACKEND" = yes ] && grep -q '^backend ' "$MANIFEST" && command -v systemctl >/dev/null 2>&1; then
    run systemctl disable --now wb-backend wb-backend-backup.timer 2>/dev/null || true
fi

wanted() {  # $1 part
    case " $PARTS " in *" $1 "*) return 0 ;; esac
    return 1
}

# files, links and copied folders first (newest entries first), then folders that are now empty
# (deepest first); lines kept are written back, so a later run finishes the job
KEEP="$MANIFEST.keep"
: > "$KEEP"
DIRS=""
tac "$MANIFEST" | while IFS=' ' read -r part kind path; do
    [ -n "$path" ] || continue
    if ! wanted "$part"; then
        printf '%s %s %s\n' "$part" "$kind" "$path" >> "$KEEP"
        continue
    fi
    case "$kind" in
        file|link) if [ -e "$path" ] || [ -L "$path" ]; then run rm -f "$path"; fi ;;
        tree) if [ -d "$path" ] && [ ! -L "$path" ]; then run rm -rf "$path"; fi ;;
        dir) ;;
        *) echo "uninstall.sh: skipping a manifest line I do not understand: $part $kind $path" >&2 ;;
    esac
done
# folders: only those recorded, only when empty, deepest first
grep ' dir ' "$MANIFEST" | awk '{ print length($0) " " $0 }' | sort -rn | cut -d' ' -f2- |
while IFS=' ' read -r part kind path; do
    wanted "$part" || continue
    [ "$path" = "$PREFIX" ] && continue
    [ -d "$path" ] && run rmdir "$path" 2>/dev/null || true
done

if [ "$DRY" = yes ]; then
    rm -f "$KEEP"
elif [ -s "$KEEP" ]; then
    tac "$KEEP" > "$MANIFEST.new" && mv "$MANIFEST.new" "$MANIFEST" && rm -f "$KEEP"
else
    rm -f "$KEEP" "$MANIFEST"
    # PREFIX itself goes only if install.sh created it and nothing else lives there now
    if [ "$PREFIX_OURS" = yes ]; then
        rmdir "$PREFIX" 2>/dev/null || echo "kept $PREFIX: it holds files WB Ops did not install"
    fi
fi

if [ "$BACKEND" = yes ]; then
    command -v systemctl >/dev/null 2>&1 && run systemctl daemon-reload || true
    echo "kept: /etc/wb-ops, /var/lib/wb-ops (database, keys), /var/backups/wb-ops, /var/log/wb-ops"
fi
echo "removed WB Ops ($(echo "$PARTS" | sed 's/ common//; s/ /, /g')) from $PREFIX"
