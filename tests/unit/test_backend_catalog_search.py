"""Catalog search as a shopper types it, over the demo catalog, through the HTTP API (in process):
as-you-type prefixes, word forms, ё = е, typos within budget, the other keyboard layout, codes
first, the tier order, suggestions, cursors bound to their query, and the index kept in step."""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from backend_stub.seed import demo_products
from backend_stub.services.admin import NewProduct, add_products
from shared.domain import ManualClock
from tests.support.inprocess import InProcessBackend
from tests.support.world import World

DEMO_SIZE = 1500
CATALOG = {p.sku: p for p in demo_products(DEMO_SIZE)}
FIRST = CATALOG["SKU-0000001"]  # 'Шампунь для объёма, бежевый' by Ёлка, GTIN 4600000000015

Item = dict[str, Any]


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[InProcessBackend, World]]:
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with (
        InProcessBackend(tmp_path_factory.mktemp("search") / "b", clock=clock) as b,
        World.standard(b, products=0) as w,
    ):
        with b.ctx.db.write() as conn:
            add_products(conn, list(CATALOG.values()))
        yield b, w


@pytest.fixture
def w(backend: tuple[InProcessBackend, World]) -> World:
    return backend[1]


def search(w: World, q: str, **params: Any) -> list[Item]:
    answer = w.client(w.customer).get("/api/v1/catalog/products", params={"q": q, **params})
    assert answer.status_code == 200, answer.text
    items: list[Item] = answer.json()["items"]
    return items


def names_start(prefix: str) -> Callable[[list[Item]], bool]:
    return lambda items: bool(items) and all(i["name"].startswith(prefix) for i in items)


def first_is(sku: str) -> Callable[[list[Item]], bool]:
    return lambda items: bool(items) and items[0]["sku"] == sku


def brand_is(brand: str) -> Callable[[list[Item]], bool]:
    return lambda items: bool(items) and all(i["brand"] == brand for i in items)


def nothing(items: list[Item]) -> bool:
    return items == []


CASES: list[tuple[str, Callable[[list[Item]], bool], str]] = [
    ("Шамп", names_start("Шампунь"), "the last word is a prefix while typing"),
    ("шамп", names_start("Шампунь"), "case does not matter"),
    ("Шамп*", names_start("Шампунь"), "a trailing * is still accepted"),
    ("шампуни", names_start("Шампунь"), "word form: plural"),
    ("шампуня", names_start("Шампунь"), "word form: genitive"),
    ("кроссовок", names_start("Кроссовки"), "word form with a fleeting vowel"),
    ("кроссовками", names_start("Кроссовки"), "word form: instrumental plural"),
    ("объем", lambda items: bool(items) and all("объёма" in i["name"] for i in items), "ё is е"),
    ("объём", lambda items: bool(items) and all("объёма" in i["name"] for i in items), "ё in the query"),
    ("елочная", names_start("Игрушка ёлочная"), "ё is е in an earlier-typed word"),
    ("шампнь", names_start("Шампунь"), "one typo in a 6-letter word"),
    ("кросовки", names_start("Кроссовки"), "one typo (a missing letter) in an 8-letter word"),
    ("кросовкии", names_start("Кроссовки"), "two typos in a 9-letter word"),
    ("сковрода чугуная", names_start("Сковорода чугунная"), "a typo in each of two words"),
    ("чйа", nothing, "no typo budget under 5 letters"),
    ("шмпнь", nothing, "two typos in a 5-letter word is past the budget"),
    ("ifvgeym", names_start("Шампунь"), "шампунь typed on the English layout"),
    ("гпкуут", brand_is("Ugreen"), "Ugreen typed on the Russian layout"),
    (
        "xfq pt",
        lambda items: bool(items) and all(i["name"].startswith("Чай") for i in items),
        "two words, wrong layout",
    ),
    ("4600000000015", first_is("SKU-0000001"), "GTIN-13"),
    ("04600000000015", first_is("SKU-0000001"), "GTIN-14 with a leading zero"),
    ("SKU-0000001", first_is("SKU-0000001"), "SKU"),
    ("sku-0000001", first_is("SKU-0000001"), "SKU in lower case"),
    ("чай зелёный", lambda items: bool(items) and all("Чай" in i["name"] for i in items), "two exact words"),
    ("зеленый чай", lambda items: bool(items) and all("Чай" in i["name"] for i in items), "any word order"),
    ("платье летн", names_start("Платье летнее"), "earlier words whole, the last a prefix"),
    ("наушники беспроводные", names_start("Наушники беспроводные"), "adjective after the noun"),
    ("nord", brand_is("Nordwalk"), "a brand's prefix"),
    ("рюкзак для ноутбуков", names_start("Рюкзак для ноутбука"), "word form in a later word"),
    ("самокат", nothing, "not in the catalog"),
    ('NEAR("a" OR) *', nothing, "query syntax in user input is inert"),
]


@pytest.mark.parametrize(("q", "check", "why"), CASES, ids=[c[0] for c in CASES])
def test_catalog_search_reads_a_shoppers_query(
    w: World, q: str, check: Callable[[list[Item]], bool], why: str
) -> None:
    items = search(w, q, limit=50)
    assert check(items), f"{why}: {[(i['sku'], i['name'], i['brand']) for i in items[:5]]}"


def test_a_unit_label_finds_its_product_first(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, ["SKU-0000042"])
    label = order["units"][0]["label"]
    assert search(w, label)[0]["sku"] == "SKU-0000042"


def test_exact_then_prefix_then_word_form_then_typo(backend: tuple[InProcessBackend, World]) -> None:
    b, w = backend
    with b.ctx.db.write() as conn:
        add_products(
            conn,
            [
                NewProduct("ORD-4", "Кабнль медный", "Тест", 100, "4610000000012"),
                NewProduct("ORD-3", "Кабеля набор", "Тест", 100, "4610000000029"),
                NewProduct("ORD-2", "Кабельный органайзер", "Тест", 100, "4610000000036"),
                NewProduct("ORD-1", "Кабель быстрый", "Тест", 100, "4610000000043"),
            ],
        )
    assert [i["sku"] for i in search(w, "кабель")] == ["ORD-1", "ORD-2", "ORD-3", "ORD-4"]
    assert [i["sku"] for i in search(w, "кабель", limit=1)] == ["ORD-1"]
    # pages keep the order: one hit a page
    seen, cursor = [], None
    while True:
        params = {"q": "кабель", "limit": 1} | ({"cursor": cursor} if cursor else {})
        page = w.client(w.customer).get("/api/v1/catalog/products", params=params).json()
        seen += [i["sku"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ["ORD-1", "ORD-2", "ORD-3", "ORD-4"]


def test_a_code_hit_is_not_repeated_on_later_pages(w: World) -> None:
    client = w.client(w.customer)
    seen, cursor = [], None
    while True:
        params = {"q": FIRST.gtin, "limit": 1} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v1/catalog/products", params=params).json()
        seen += [i["sku"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ["SKU-0000001"]


def test_pages_of_a_broad_prefix_cover_every_match_once(w: World) -> None:
    client = w.client(w.customer)
    expected = {sku for sku, p in CATALOG.items() if p.name.startswith("Кр")}
    seen: list[str] = []
    cursor = None
    while True:
        params = {"q": "кр", "limit": 97} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v1/catalog/products", params=params).json()
        seen += [i["sku"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen))
    assert expected <= set(seen)


def test_a_cursor_only_continues_its_own_query(w: World) -> None:
    client = w.client(w.customer)
    page = client.get("/api/v1/catalog/products", params={"q": "шампунь", "limit": 2}).json()
    cursor = page["next_cursor"]
    assert cursor
    same = client.get("/api/v1/catalog/products", params={"q": "Шампунь ", "limit": 2, "cursor": cursor})
    assert same.status_code == 200
    other = client.get("/api/v1/catalog/products", params={"q": "кроссовки", "limit": 2, "cursor": cursor})
    assert other.status_code == 400 and other.json()["error"]["code"] == "invalid_cursor"
    listing = client.get("/api/v1/catalog/products", params={"limit": 2, "cursor": cursor})
    assert listing.status_code == 400
    # a cursor re-signed for another query by hand is still refused when its position is garbage
    raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    forged = base64.urlsafe_b64encode(json.dumps([raw[0], 9, 9, 9, 0, 1, 1]).encode()).decode()
    bad = client.get("/api/v1/catalog/products", params={"q": "шампунь", "cursor": forged})
    assert bad.status_code == 400


SUGGEST_CASES: list[tuple[str, Callable[[list[str]], bool]]] = [
    ("кр", lambda s: "Кроссовки" in s and "Крем" in s),
    ("кроссовки б", lambda s: s and all(x.startswith("Кроссовки б") for x in s)),
    ("бег", lambda s: "Кроссовки беговые" in s),
    ("nor", lambda s: s == ["Nordwalk"]),
    ("елк", lambda s: "Ёлка" in s),
    ("гпк", lambda s: s == ["Ugreen"]),
    ("ыфьщл", nothing),
]


@pytest.mark.parametrize(("q", "check"), SUGGEST_CASES, ids=[c[0] for c in SUGGEST_CASES])
def test_suggest_completes_names_and_brands(w: World, q: str, check: Callable[[list[str]], bool]) -> None:
    answer = w.client(w.customer).get("/api/v1/catalog/suggest", params={"q": q})
    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert len(items) <= 10
    assert check([i["text"] for i in items]), items


def test_suggest_limits_and_empty_input(w: World) -> None:
    client = w.client(w.customer)
    assert client.get("/api/v1/catalog/suggest", params={"q": ""}).json() == {"items": []}
    assert len(client.get("/api/v1/catalog/suggest", params={"q": "к", "limit": 3}).json()["items"]) == 3
    for path in ("/api/v1/catalog/suggest", "/api/v1/catalog/products"):  # q is at most 200 characters
        long = client.get(path, params={"q": "к" * 201})
        assert long.status_code == 400 and long.json()["error"]["code"] == "invalid_request"
        assert client.get(path, params={"q": "к" * 200}).status_code == 200
    assert w.anonymous.get("/api/v1/catalog/suggest", params={"q": "к"}).status_code == 401


def test_the_index_moves_with_the_product_transaction(tmp_path: Path) -> None:
    with InProcessBackend(tmp_path / "b") as b, World.standard(b, products=0) as w:
        with pytest.raises(RuntimeError), b.ctx.db.write() as conn:
            add_products(conn, [NewProduct("ROLL-1", "Гироскутер детский", "Тест", 100, "4610000000050")])
            raise RuntimeError("the caller's transaction fails after the insert")
        assert search(w, "гироскутер") == []
        assert w.client(w.customer).get("/api/v1/catalog/suggest", params={"q": "гиро"}).json()["items"] == []
        with b.ctx.db.write() as conn:
            add_products(conn, [NewProduct("ROLL-1", "Гироскутер детский", "Тест", 100, "4610000000050")])
        assert [i["sku"] for i in search(w, "гироскутеры")] == ["ROLL-1"]
        from backend_stub.search import search_backend_for

        with b.ctx.db.write() as conn:  # removing from the index takes its words out of the vocabulary
            search_backend_for(conn).remove(conn, [1])
            assert conn.exec_driver_sql("SELECT count(*) FROM search_terms").scalar() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM search_trigrams").scalar() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM search_suggest").scalar() == 0


def test_a_1_0_data_dir_gets_the_new_index_on_upgrade(tmp_path: Path) -> None:
    data = tmp_path / "b"
    with InProcessBackend(data) as b, World.standard(b, products=0) as first:
        customer = first.customer
        with b.ctx.db.write() as conn:
            add_products(conn, list(CATALOG.values())[:50])
    db = sqlite3.connect(data / "backend.sqlite3")  # as 1.0 left it: product_fts, no search tables
    for table in ("product_search", "search_terms", "search_trigrams", "search_suggest"):
        db.execute(f"DROP TABLE {table}")
    db.execute("CREATE VIRTUAL TABLE product_fts USING fts5(name, brand)")
    db.execute("DELETE FROM schema_migrations WHERE name = '006_catalog_search_words'")
    db.commit()
    db.close()
    with InProcessBackend(data) as b, World(b) as w:
        w.customer = customer
        assert search(w, "шампуни")[0]["name"].startswith("Шампунь")
    db = sqlite3.connect(data / "backend.sqlite3")
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert "product_fts" not in tables and "search_terms" in tables
