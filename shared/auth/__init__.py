"""Login client, keyring token store, offline shift unlock, offline pickup checks (no Qt)."""

from .client import CODES as AUTH_CODES
from .client import AuthClient, AuthError, Tokens, UserInfo
from .errors import LoginRequired
from .offline_pickup import PickupCheck, check_pickup
from .session import Session, UnlockError
from .tokens import INSECURE_WARNING, TokenStore, is_secure_backend

__all__ = [
    "AUTH_CODES",
    "INSECURE_WARNING",
    "AuthClient",
    "AuthError",
    "LoginRequired",
    "PickupCheck",
    "Session",
    "TokenStore",
    "Tokens",
    "UnlockError",
    "UserInfo",
    "check_pickup",
    "is_secure_backend",
]
