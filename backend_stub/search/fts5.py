"""Catalog search on SQLite: FTS5 for the postings, three small tables for everything around them.

- `product_search` (FTS5, detail=column): per product its folded name and brand (exact words) and
  the Snowball stems of both (word forms). bm25 weights name over brand.
- `search_terms` (kind 'w' word | 's' stem, term, df): the index's vocabulary with document counts.
  A query word is looked up here first, so a tier that cannot match costs no FTS query; prefixes
  expand here (the most frequent completions, bounded) rather than over every term in FTS5.
- `search_trigrams` (trigram, length, word): typo candidates. Words sharing enough padded trigrams
  with a query word, within its length budget, are checked with a bounded edit distance.
- `search_suggest` (key, phrase, pos, kind, display, weight): product name heads and brands, keyed
  by every word start, weighted by how many products carry them, for the suggest box.

All four are written by `index`/`remove` in the caller's transaction, with the product rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from . import MAX_PRODUCT_ID, Hit, Suggestion
from .text import (
    MAX_QUERY_WORDS,
    MIN_STEM_PREFIX,
    edit_distance,
    fleeting_vowel,
    fold,
    name_head,
    prefix_distance,
    stem,
    swap_layout,
    trigrams,
    typo_budget,
    words,
)

PREFIX_EXPANSION = 50  # completions of the last word tried, most frequent first
PREFIX_SCAN = 5000  # vocabulary rows read to pick them
TYPO_CANDIDATES = 20  # corrections tried per word, closest and most frequent first
SUGGEST_SCAN = 1000
MIN_TYPO_WORD = 4  # shortest indexed word a typo can be corrected to (5 letters minus one typo)
BATCH = 900  # bound parameters per IN (...)
TIERS = (1, 2, 3, 4)  # exact, prefix, word form, typo; 0 is a code naming a product
_MAX = "\U0010ffff"

_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS product_search USING fts5("
    "name, brand, stems, tokenize='unicode61 remove_diacritics 0', detail=column)",
    "CREATE TABLE IF NOT EXISTS search_terms (kind TEXT NOT NULL, term TEXT NOT NULL, "
    "df INTEGER NOT NULL, PRIMARY KEY (kind, term)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS search_trigrams (tri TEXT NOT NULL, len INTEGER NOT NULL, "
    "term TEXT NOT NULL, PRIMARY KEY (tri, len, term)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS search_suggest (key TEXT NOT NULL, phrase TEXT NOT NULL, "
    "pos INTEGER NOT NULL, kind TEXT NOT NULL, display TEXT NOT NULL, weight INTEGER NOT NULL, "
    "PRIMARY KEY (key, phrase)) WITHOUT ROWID",
)
_TABLES = ("product_fts", "product_search", "search_terms", "search_trigrams", "search_suggest")


@dataclass(slots=True)
class _Doc:
    name: str  # folded
    brand: str  # folded
    name_display: str = ""
    brand_display: str = ""

    @property
    def words(self) -> set[str]:
        return set(words(self.name)) | set(words(self.brand))

    @property
    def stems(self) -> list[str]:
        return sorted({stem(w) for w in self.words})

    def phrases(self) -> list[tuple[str, str, str]]:
        """(kind, folded key words, display) offered by the suggest box."""
        out = []
        head = name_head(self.name)
        shown = self.name_display.split(",", 1)[0].split()
        for n in sorted({1, len(head)}):  # the name's first word alone too: 'кр' -> 'Кроссовки'
            if head:
                out.append(("name", " ".join(head[:n]), " ".join(shown[:n])))
        brand = words(self.brand)
        if brand:
            out.append(("brand", " ".join(brand), self.brand_display.strip()))
        return out


def _chunks(items: Sequence[object], n: int = BATCH) -> Iterable[Sequence[object]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class Fts5Search:
    # ---- writing ------------------------------------------------------------------------------
    def create(self, conn: Connection) -> None:
        for sql in _CREATE:
            conn.exec_driver_sql(sql)

    def rebuild(self, conn: Connection) -> None:
        for table in _TABLES:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
        self.create(conn)
        last = 0
        while True:
            rows = conn.exec_driver_sql(
                "SELECT id, name, brand FROM products WHERE id > ? ORDER BY id LIMIT 20000", (last,)
            ).all()
            if not rows:
                break
            self._add(conn, [(int(r[0]), str(r[1]), str(r[2])) for r in rows])
            last = int(rows[-1][0])
        self.optimize(conn)

    def optimize(self, conn: Connection) -> None:
        conn.exec_driver_sql("INSERT INTO product_search(product_search) VALUES ('optimize')")

    def index(self, conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
        batch = list(rows)
        if not batch:
            return
        ids = [pid for pid, _, _ in batch]
        known = []
        for chunk in _chunks(ids):
            known += [
                int(r[0])
                for r in conn.exec_driver_sql(
                    f"SELECT rowid FROM product_search WHERE rowid IN ({_marks(len(chunk))})", tuple(chunk)
                )
            ]
        if known:
            self.remove(conn, known)
        self._add(conn, batch)

    def _add(self, conn: Connection, batch: list[tuple[int, str, str]]) -> None:
        docs = [(pid, _Doc(fold(name), fold(brand), name, brand)) for pid, name, brand in batch]
        conn.exec_driver_sql(
            "INSERT INTO product_search(rowid, name, brand, stems) VALUES (?, ?, ?, ?)",
            [(pid, d.name, d.brand, " ".join(d.stems)) for pid, d in docs],
        )
        self._count(conn, [d for _, d in docs], +1)

    def remove(self, conn: Connection, product_ids: Sequence[int]) -> None:
        docs = []
        for chunk in _chunks(list(product_ids)):
            docs += [
                _Doc(str(r[0]), str(r[1]))
                for r in conn.exec_driver_sql(
                    f"SELECT name, brand FROM product_search WHERE rowid IN ({_marks(len(chunk))})",
                    tuple(chunk),
                )
            ]
            conn.exec_driver_sql(
                f"DELETE FROM product_search WHERE rowid IN ({_marks(len(chunk))})", tuple(chunk)
            )
        if docs:
            self._count(conn, docs, -1)

    def _count(self, conn: Connection, docs: list[_Doc], sign: int) -> None:
        """Keep the vocabulary, trigrams and suggestions in step with `docs` being added or removed."""
        terms: Counter[tuple[str, str]] = Counter()
        phrases: Counter[tuple[str, str]] = Counter()
        displays: dict[tuple[str, str], str] = {}
        for d in docs:
            terms.update(("w", w) for w in d.words)
            terms.update(("s", s) for s in d.stems)
            for kind, key, display in d.phrases():
                phrases[(kind, key)] += 1
                displays[(kind, key)] = display
        conn.exec_driver_sql(
            "INSERT INTO search_terms(kind, term, df) VALUES (?, ?, ?) "
            "ON CONFLICT(kind, term) DO UPDATE SET df = search_terms.df + excluded.df",
            [(k, t, sign * n) for (k, t), n in terms.items()],
        )
        suggest_rows = []
        for (kind, key), n in phrases.items():
            ws = key.split(" ")
            phrase = f"{kind[0]}:{key}"
            for pos in range(len(ws)):
                suggest_rows.append((" ".join(ws[pos:]), phrase, pos, kind, displays[(kind, key)], sign * n))
        conn.exec_driver_sql(
            "INSERT INTO search_suggest(key, phrase, pos, kind, display, weight) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(key, phrase) DO UPDATE SET weight = search_suggest.weight + excluded.weight",
            suggest_rows,
        )
        typo_words = sorted(t for k, t in terms if k == "w" and len(t) >= MIN_TYPO_WORD and not t.isdigit())
        if sign > 0:
            conn.exec_driver_sql(
                "INSERT INTO search_trigrams(tri, len, term) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(tri, len(w), w) for w in typo_words for tri in trigrams(w)],
            )
            return
        gone = []
        for chunk in _chunks(typo_words):
            gone += [
                str(r[0])
                for r in conn.exec_driver_sql(
                    f"SELECT term FROM search_terms WHERE kind = 'w' AND df <= 0 AND term IN "
                    f"({_marks(len(chunk))})",
                    tuple(chunk),
                )
            ]
        conn.exec_driver_sql(
            "DELETE FROM search_trigrams WHERE tri = ? AND len = ? AND term = ?",
            [(tri, len(w), w) for w in gone for tri in trigrams(w)],
        )
        conn.exec_driver_sql("DELETE FROM search_terms WHERE df <= 0")
        conn.exec_driver_sql("DELETE FROM search_suggest WHERE weight <= 0")

    # ---- searching ------------------------------------------------------------------------------
    def search(self, conn: Connection, query: str, limit: int, after: Sequence[float] | None) -> list[Hit]:
        """Cursor: (layout variant, tier, last product id); within a tier, catalog order."""
        pos = _parse_cursor(after)
        if pos is not None:
            variant = int(pos[0])
            return self._run(conn, swap_layout(query) if variant else query, variant, limit, pos)
        hits = self._run(conn, query, 0, limit, None)
        if not hits:
            swapped = swap_layout(query)
            if words(swapped) and words(swapped) != words(query):
                hits = self._run(conn, swapped, 1, limit, None)
        return hits

    def _run(
        self, conn: Connection, query: str, variant: int, limit: int, pos: tuple[int, ...] | None
    ) -> list[Hit]:
        code_id = _code_hit(conn, query)
        hits: list[Hit] = []
        if pos is None and code_id is not None:
            hits.append(Hit(code_id, 0.0, (variant, 0, code_id)))
        plan = _Plan(conn, words(query)[:MAX_QUERY_WORDS])
        start, after_id = (int(pos[1]), int(pos[2])) if pos is not None else (1, 0)
        for tier in TIERS:
            if tier < start or len(hits) >= limit:
                continue
            ids = self._page(
                conn, plan, tier, limit - len(hits), after_id if tier == start else 0, code_id or 0
            )
            hits += [Hit(pid, float(tier), (variant, tier, pid)) for pid in ids]
        return hits

    def _page(
        self, conn: Connection, plan: _Plan, tier: int, n: int, after_id: int, exclude: int
    ) -> list[int]:
        """Up to n ids of what `tier` adds, after `after_id`, in catalog order."""
        expr = plan.expr(tier)
        return [] if expr is None else _tier_page(conn, expr, n, after_id, exclude)

    def suggest(self, conn: Connection, query: str, limit: int) -> list[Suggestion]:
        found = _suggest(conn, query, limit)
        if not found:
            swapped = swap_layout(query)
            if words(swapped) != words(query):
                found = _suggest(conn, swapped, limit)
        return found


def _suggest(conn: Connection, query: str, limit: int) -> list[Suggestion]:
    ws = words(query)[:MAX_QUERY_WORDS]
    if not ws:
        return []
    key = " ".join(ws) + (" " if query[-1:].isspace() else "")
    rows = conn.exec_driver_sql(
        "SELECT phrase, kind, display FROM (SELECT phrase, pos, kind, display, weight FROM search_suggest "
        "WHERE key >= ? AND key < ? ORDER BY key LIMIT ?) AS s ORDER BY pos > 0, weight DESC, display LIMIT ?",
        (key, key + _MAX, SUGGEST_SCAN, limit * 4),
    ).all()
    seen: set[str] = set()
    out = []
    for phrase, kind, display in rows:
        if phrase not in seen:
            seen.add(phrase)
            out.append(Suggestion(str(display), str(kind)))
    return out[:limit]


def _parse_cursor(after: Sequence[float] | None) -> tuple[int, ...] | None:
    if after is None:
        return None
    if (
        len(after) != 3
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in after)
        or after[0] not in (0, 1)
        or after[1] not in (0, *TIERS)
        or not 0 <= after[2] <= MAX_PRODUCT_ID
    ):
        raise ValueError("not a search cursor")
    return tuple(int(v) for v in after)


def _code_hit(conn: Connection, query: str) -> int | None:
    """The product a GTIN (8, 12, 13 or 14 digits, leading zeros or not), SKU or unit label names."""
    q = query.strip()
    if not q or len(q) > 64 or any(c.isspace() for c in q):
        return None
    if q.isdigit():
        if not 6 <= len(q) <= 14:
            return None
        bare = q.lstrip("0")
        codes = sorted({q, bare} | {bare.zfill(n) for n in (8, 12, 13, 14) if len(bare) <= n})
        row = conn.exec_driver_sql(
            f"SELECT id FROM products WHERE gtin IN ({_marks(len(codes))}) ORDER BY id LIMIT 1", tuple(codes)
        ).first()
        if row is not None:
            return int(row[0])
    variants = (q, q.upper())
    row = conn.exec_driver_sql("SELECT id FROM products WHERE sku IN (?, ?) LIMIT 1", variants).first()
    if row is None:
        row = conn.exec_driver_sql(
            "SELECT p.id FROM units u JOIN products p ON p.sku = u.sku WHERE u.label IN (?, ?) LIMIT 1",
            variants,
        ).first()
    return int(row[0]) if row is not None else None


def _tier_page(conn: Connection, expr: str, n: int, after_id: int, exclude: int) -> list[int]:
    """Up to n product ids of one tier after `after_id`, in catalog order.

    No per-row score: bm25 reads each match's document sizes (a B-tree lookup a row), which at a
    million products costs more than the whole 20 ms budget for a broad word. The tiers carry the
    ranking; a page is a merge of posting lists in rowid order that stops after n."""
    rows = conn.exec_driver_sql(
        "SELECT rowid FROM product_search WHERE product_search MATCH ? AND rowid > ? AND rowid <> ? "
        "ORDER BY rowid LIMIT ?",
        (expr, after_id, exclude, n),
    ).all()
    return [int(r[0]) for r in rows]


@dataclass(slots=True)
class _Word:
    text: str
    last: bool
    exact: set[str] = field(default_factory=set)  # indexed words (name, brand columns)
    prefix: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)  # indexed stems (stems column)
    typos: set[str] = field(default_factory=set)

    def alternatives(self, tier: int) -> tuple[set[str], set[str]]:
        """(words, stems) this word may match as at `tier` or better."""
        ws = set(self.exact)
        if tier >= 2:
            ws |= self.prefix
        if tier >= 4:
            ws |= self.typos
        return ws, (set(self.stems) if tier >= 3 else set())

    def adds(self, tier: int) -> bool:
        return bool({1: self.exact, 2: self.prefix, 3: self.stems, 4: self.typos}[tier])


class _Plan:
    """A query's words and what each may match as, looked up in the vocabulary tier by tier (a tier
    is only looked up when the ones before it did not fill the page)."""

    def __init__(self, conn: Connection, query_words: list[str]) -> None:
        self.conn = conn
        self.words = [_Word(w, i == len(query_words) - 1) for i, w in enumerate(query_words)]
        self.looked_up = 0

    def _lookup(self, tier: int) -> None:
        while self.looked_up < tier:
            self.looked_up += 1
            getattr(self, f"_tier{self.looked_up}")()

    def _known(self, kind: str, terms: set[str]) -> set[str]:
        items = sorted(terms)
        found: set[str] = set()
        for chunk in _chunks(items):
            found |= {
                str(r[0])
                for r in self.conn.exec_driver_sql(
                    f"SELECT term FROM search_terms WHERE kind = ? AND term IN ({_marks(len(chunk))})",
                    (kind, *chunk),
                )
            }
        return found

    def _tier1(self) -> None:
        known = self._known("w", {w.text for w in self.words})
        for w in self.words:
            if w.text in known:
                w.exact.add(w.text)

    def _tier2(self) -> None:
        last = self.words[-1] if self.words else None
        if last is None:
            return
        rows = self.conn.exec_driver_sql(
            "SELECT term FROM (SELECT term, df FROM search_terms WHERE kind = 'w' AND term > ? AND term < ? "
            "ORDER BY kind, term LIMIT ?) AS t ORDER BY df DESC, term LIMIT ?",
            (last.text, last.text + _MAX, PREFIX_SCAN, PREFIX_EXPANSION),
        ).all()
        last.prefix = {str(r[0]) for r in rows}

    def _tier3(self) -> None:
        """Stems: the query word's own, and an indexed stem the word starts with (Snowball leaves
        'кроссовок' whole, but 'кроссовк' is the stem of 'кроссовки': a fleeting vowel)."""
        wanted: dict[str, set[str]] = {}
        for w in self.words:
            if w.text.isdigit():
                continue
            options = {stem(w.text), *fleeting_vowel(w.text)}
            options |= {w.text[:n] for n in range(max(MIN_STEM_PREFIX, len(w.text) - 3), len(w.text) + 1)}
            wanted[w.text] = options
        known = self._known("s", set().union(*wanted.values())) if wanted else set()
        for w in self.words:
            w.stems = wanted.get(w.text, set()) & known

    def _tier4(self) -> None:
        for w in self.words:
            budget = typo_budget(w.text)
            if budget == 0:
                continue
            grams = trigrams(w.text, whole=not w.last)
            need = max(1, len(grams) - 3 * budget)
            hi = len(w.text) + budget if not w.last else 10_000
            rows = self.conn.exec_driver_sql(
                f"SELECT t.term, s.df FROM (SELECT term, count(*) AS c FROM search_trigrams "
                f"WHERE tri IN ({_marks(len(grams))}) AND len BETWEEN ? AND ? GROUP BY term HAVING count(*) >= ?) t "
                "JOIN search_terms s ON s.kind = 'w' AND s.term = t.term",
                (*sorted(grams), len(w.text) - budget, hi, need),
            ).all()
            scored = []
            for term, df in rows:
                term = str(term)
                d = edit_distance(w.text, term, budget)
                if w.last:
                    d = min(d, prefix_distance(w.text, term, budget))
                if 0 < d <= budget:
                    scored.append((d, -int(df), term))
            w.typos = {t for _, _, t in sorted(scored)[:TYPO_CANDIDATES]}

    def adds(self, tier: int) -> bool:
        """Whether `tier` can match anything the tiers before it did not (looked up first)."""
        if not self.words:
            return False
        self._lookup(tier)
        return any(w.adds(tier) for w in self.words)

    def groups(self, tier: int) -> list[tuple[set[str], set[str]]] | None:
        """Per query word, the (words, stems) it may match as at `tier`; None if one has none."""
        out = []
        for w in self.words:
            ws, ss = w.alternatives(tier)
            if not ws and not ss:
                return None
            out.append((ws, ss))
        return out or None

    def _query(self, tier: int) -> str | None:
        groups = []
        for ws, ss in self.groups(tier) or []:
            parts = []
            if ws:
                parts.append("{name brand} : (" + " OR ".join(f'"{t}"' for t in sorted(ws)) + ")")
            if ss:
                parts.append("stems : (" + " OR ".join(f'"{t}"' for t in sorted(ss)) + ")")
            groups.append("(" + " OR ".join(parts) + ")")
        return " AND ".join(groups) if groups else None

    def expr(self, tier: int) -> str | None:
        """The MATCH expression of what `tier` adds over the tiers before it, or None if nothing."""
        if not self.adds(tier):
            return None
        this = self._query(tier)
        if this is None:
            return None
        before = self._query(tier - 1) if tier > 1 else None
        return f"({this}) NOT ({before})" if before else this
