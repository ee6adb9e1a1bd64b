"""Annotated dependencies: the app context, the caller, and role/site guards."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from shared.domain import Role

from ..context import AppContext
from ..errors import ApiError
from ..services.auth import LoginThrottle, Principal, authenticate

_bearer = HTTPBearer(auto_error=False)


# Dependencies that do no I/O are `async def`: FastAPI runs a plain `def` dependency in its thread
# pool, a hand-over that costs more than the dependency itself on every request.
async def get_ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


async def get_throttle(request: Request) -> LoginThrottle:
    throttle: LoginThrottle = request.app.state.throttle
    return throttle


Ctx = Annotated[AppContext, Depends(get_ctx)]


PRINCIPAL_STATE = "principal"  # request.state key: the metrics middleware reads who called


def current_principal(
    request: Request, ctx: Ctx, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Principal:
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise ApiError(401, "unauthorized", "missing bearer token")
    principal = authenticate(ctx, creds.credentials)
    setattr(request.state, PRINCIPAL_STATE, principal)
    return principal


Caller = Annotated[Principal, Depends(current_principal)]


def require_roles(*roles: Role) -> Callable[[Principal], Awaitable[Principal]]:
    async def guard(principal: Caller) -> Principal:
        if principal.role not in roles:
            raise ApiError(403, "forbidden", f"this needs the role {' or '.join(str(r) for r in roles)}")
        return principal

    return guard
