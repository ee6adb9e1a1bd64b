"""What the auth layer raises to its callers (no I/O here, so the sync engine can import it cheaply)."""

from __future__ import annotations


class LoginRequired(Exception):
    """No valid session: the refresh token is missing, expired or revoked. The user logs in again."""
