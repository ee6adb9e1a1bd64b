"""`create_app(settings)`: the FastAPI application of the bundled backend."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from shared.domain import Clock
from shared.version import version

from .context import AppContext, open_context
from .errors import install_error_handlers
from .services.auth import LoginThrottle
from .services.passwords import PasswordPool
from .services.pickup import ensure_public_key_published
from .settings import Settings


def create_app(
    settings: Settings | None = None, clock: Clock | None = None, ctx: AppContext | None = None
) -> FastAPI:
    """Build the app on a data dir (created and migrated if needed). Inject `clock` in tests."""
    settings = settings or Settings()
    ctx = ctx or open_context(settings, clock)
    ensure_public_key_published(ctx)  # a PVZ's first pull carries the key it verifies pickup codes with
    throttle = LoginThrottle.from_settings(ctx.clock, settings)
    password_pool = PasswordPool(
        ctx.passwords, settings.login_hash_workers, settings.login_hash_queue, settings.login_hash_wait_s
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task: asyncio.Task[None] | None = None
        relay = app.state.relay
        if settings.relay_enabled and relay is not None:
            task = asyncio.create_task(relay.run_forever(settings.relay_interval_s))
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            password_pool.shutdown()
            ctx.db.dispose()

    app = FastAPI(
        title="WB Ops backend",
        version=version(),
        description="Sync API for the PVZ and warehouse apps, storefront orders, payment webhook.",
        lifespan=lifespan,
        docs_url="/docs" if settings.api_docs else None,
        redoc_url="/redoc" if settings.api_docs else None,
        openapi_url="/openapi.json" if settings.api_docs else None,
    )
    app.state.ctx = ctx
    app.state.throttle = throttle
    app.state.password_pool = password_pool
    app.state.relay = None
    install_error_handlers(app)

    from .api import (
        auth,
        catalog,
        devices,
        discrepancies,
        disputes,
        events,
        evidence,
        health,
        orders,
        payments,
        sync,
        warehouse,
    )
    from .events.relay import Relay

    for module in (
        health,
        auth,
        catalog,
        orders,
        payments,
        events,
        warehouse,
        sync,
        devices,
        evidence,
        disputes,
        discrepancies,
    ):
        app.include_router(module.router)
    app.state.relay = Relay(ctx)
    from .limits import BodyLimit

    app.add_middleware(BodyLimit)  # inside the metrics middleware: a 413 is counted like any answer
    from .metrics import install_metrics

    install_metrics(app, ctx)
    _document_errors_as_served(app)
    return app


def create_app_from_env() -> FastAPI:
    """The app of one of `wb-backend serve --workers N`'s processes: settings from the environment
    (the CLI exported WB_DATA_DIR and WB_DATABASE_URL, and migrated the database, before forking)."""
    import gc

    app = create_app(Settings())
    gc.freeze()  # as the single-process serve does: the app's objects live as long as the process
    return app


def _document_errors_as_served(app: FastAPI) -> None:
    """Validation errors are answered 400 in the common error shape: say so in the OpenAPI too."""
    from typing import Any

    from fastapi.openapi.utils import get_openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            for methods in schema.get("paths", {}).values():
                for operation in methods.values():
                    if isinstance(operation, dict):
                        operation.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                schema.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
