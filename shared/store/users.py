"""Users who logged in on this device, with their offline unlock verifiers."""

from __future__ import annotations

from shared.domain import (
    Role,
    SiteKind,
    utc_iso,
)

from .connection import StoreCore, parse_dt
from .models import (
    CachedUser,
)


class UserCache(StoreCore):
    def remember_user(self, user: CachedUser) -> None:
        """Save or update a user after an online login, with their argon2id verifier."""
        with self._tx() as db:
            db.execute("DELETE FROM users WHERE username = ? AND user_id != ?", (user.username, user.user_id))
            db.execute(
                """INSERT INTO users (user_id, username, role, site_id, site_kind, display_name, verifier, last_login)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET username = excluded.username,
                   role = excluded.role, site_id = excluded.site_id, site_kind = excluded.site_kind,
                   display_name = excluded.display_name, verifier = excluded.verifier, last_login = excluded.last_login""",
                (
                    user.user_id,
                    user.username,
                    user.role.value,
                    user.site_id,
                    user.site_kind.value,
                    user.display_name,
                    user.verifier,
                    utc_iso(user.last_login) if user.last_login else None,
                ),
            )

    def cached_user(self, username: str) -> CachedUser | None:
        r = self._one("SELECT * FROM users WHERE username = ?", (username,))
        if r is None:
            return None
        return CachedUser(
            r["user_id"],
            r["username"],
            Role(r["role"]),
            r["site_id"],
            SiteKind(r["site_kind"]),
            r["display_name"],
            r["verifier"],
            parse_dt(r["last_login"]),
        )
