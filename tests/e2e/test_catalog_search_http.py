"""Catalog search over a real uvicorn: a cursor continues only the query it came from (a cursor
from q=A sent with q=B is 400 invalid_cursor), and the search rules answer over the wire."""

from __future__ import annotations

from pathlib import Path

from backend_stub.seed import demo_products
from backend_stub.services.admin import add_products
from tests.support.backend import BackendServer
from tests.support.world import World


def test_a_search_cursor_is_bound_to_its_query_over_http(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend") as server, World.standard(server, products=0) as w:
        with w._ctx.db.write() as conn:
            add_products(conn, demo_products(600))
        shop = w.client(w.customer)
        first = shop.get("/api/v1/catalog/products", params={"q": "шампунь", "limit": 3})
        assert first.status_code == 200, first.text
        cursor = first.json()["next_cursor"]
        assert cursor and all(i["name"].startswith("Шампунь") for i in first.json()["items"])

        other = shop.get("/api/v1/catalog/products", params={"q": "кроссовки", "limit": 3, "cursor": cursor})
        assert other.status_code == 400
        assert other.json()["error"]["code"] == "invalid_cursor"
        plain = shop.get("/api/v1/catalog/products", params={"limit": 3, "cursor": cursor})
        assert plain.status_code == 400 and plain.json()["error"]["code"] == "invalid_cursor"

        same = shop.get("/api/v1/catalog/products", params={"q": "шампунь", "limit": 3, "cursor": cursor})
        assert same.status_code == 200
        seen = {i["sku"] for i in first.json()["items"]}
        assert seen.isdisjoint(i["sku"] for i in same.json()["items"])

        typed = shop.get("/api/v1/catalog/products", params={"q": "ifvgeyb"}).json()["items"]  # шампуни
        assert typed and all(i["name"].startswith("Шампунь") for i in typed)
        hints = shop.get("/api/v1/catalog/suggest", params={"q": "шам"}).json()["items"]
        assert hints[0] == {"text": "Шампунь", "kind": "name"}
