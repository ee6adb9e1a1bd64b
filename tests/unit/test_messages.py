"""Coded messages: every code the core can raise has a text in both languages of the one catalog."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from shared import messages
from shared.auth import AUTH_CODES
from shared.auth.offline_pickup import CODES as PICKUP_CODES
from shared.auth.session import UNLOCK_CODES
from shared.barcodes.messages import ERROR_CODES as BARCODE_CODES
from shared.barcodes.model import ScanKind
from shared.domain import SPECS
from shared.printing.report import TEXT_KEYS as REPORT_KEYS
from shared.store.errors import CODES as STORE_CODES
from shared.store.errors import REFUSAL_CODES, DiskFullError, StoreError, translate
from shared.sync.errors import CODES as SYNC_CODES
from shared.sync.errors import REASON_CODES

ROOT = Path(__file__).resolve().parents[2]
CYRILLIC = re.compile("[\u0400-\u04ff]")

MESSAGE_CODES = sorted(
    {
        *STORE_CODES,
        *REFUSAL_CODES,
        *(spec.plan.refusal for spec in SPECS.values() if spec.plan is not None),  # the store raises these
        *SYNC_CODES,
        *REASON_CODES,
        *AUTH_CODES,
        *UNLOCK_CODES,
        *(f"pickup_{c}" for c in PICKUP_CODES),
        *BARCODE_CODES,
        messages.EITHER_OR,
    }
)
CATALOG = [(messages.MESSAGES, c) for c in MESSAGE_CODES]
CATALOG += [(messages.KINDS, k.value) for k in ScanKind]
CATALOG += [(messages.REPORTS, k) for k in REPORT_KEYS]

# the terminal's flows answer with Reaction.error("key", ...) / Msg.of("key", ...); its login raises
# LoginError("code"): each is a key of the "Terminal" context or a shared "Messages" code
_TERMINAL_MAKERS = {
    ("Reaction", "error"),
    ("Reaction", "warn"),
    ("Reaction", "info"),
    ("Reaction", "ok"),
    ("Msg", "of"),
}


def terminal_codes(folder: Path) -> set[str]:
    """The literal message keys and login codes in the terminal's sources under ``folder``."""
    found: set[str] = set()
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            func, first = node.func, node.args[0].value
            maker = (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and (func.value.id, func.attr) in _TERMINAL_MAKERS
            )
            if isinstance(first, str) and (maker or (isinstance(func, ast.Name) and func.id == "LoginError")):
                found.add(first)
    return found


TERMINAL_CODES = sorted(terminal_codes(ROOT / "scanner_app"))
# a new key belongs in the "Terminal" table (shared/qt/messages_terminal.py) unless it is a shared code
CATALOG += [
    (
        messages.MESSAGES
        if messages.lookup(c, messages.MESSAGES, "en") and not messages.lookup(c, messages.TERMINAL, "en")
        else messages.TERMINAL,
        c,
    )
    for c in TERMINAL_CODES
]


def test_the_terminal_codes_are_found() -> None:
    assert len(TERMINAL_CODES) > 100
    assert {"pick_unit_ok", "ret_box_ok", "wrong_kind", "bad_pin", "bad_credentials"} <= set(TERMINAL_CODES)


@pytest.mark.parametrize(("context", "code"), CATALOG, ids=lambda v: str(v))
def test_every_code_has_a_text_in_both_languages(context: str, code: str) -> None:
    ru = messages.lookup(code, context, "ru")
    en = messages.lookup(code, context, "en")
    table = "shared/qt/messages_terminal.py" if context == messages.TERMINAL else "shared/qt/messages.py"
    assert ru and ru.strip(), (
        f"no Russian text for {context}/{code}: give it an English text in {table}, run make translations "
        "and translate it"
    )
    assert en and en.strip(), f"no English text for {context}/{code}: run make translations"
    wordless = not re.search("[A-Za-z]", re.sub(r"{\w+}", "", en))  # "{name}: {count}"
    assert CYRILLIC.search(ru) or wordless or (context == messages.REPORTS and ru == "№"), (
        f"{code}: {ru!r} is not Russian"
    )
    assert not CYRILLIC.search(en), f"{code}: {en!r} is not English"
    # both texts take the same params (Russian may leave out a technical one, never add one)
    assert set(re.findall(r"{(\w+)}", ru)) <= set(re.findall(r"{(\w+)}", en)), code


def _literals(path: Path) -> list[tuple[int, str]]:
    """String literals that are neither docstrings nor comments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("package", ["shared/store", "shared/sync", "shared/auth"])
def test_no_russian_words_in_the_core(package: str) -> None:
    """The core says what happened as codes: its words are the catalog's."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for line, text in _literals(path)
        if CYRILLIC.search(text)
    ]
    assert found == []


def test_store_errors_carry_code_and_params_and_render_in_the_current_language() -> None:
    err = translate(OSError(28, "No space left on device"))
    assert isinstance(err, DiskFullError) and err.code == "disk_full" and err.params == {}
    assert err.message.startswith("Диск заполнен")
    messages.set_language("en")
    try:
        assert err.message.startswith("The disk is full")
        assert "Диск" not in str(err)
    finally:
        messages.set_language("ru")
    assert StoreError("newer_schema").message.startswith("База данных создана более новой версией")


def test_unknown_code_and_missing_params_do_not_crash() -> None:
    assert messages.render("no_such_code", {"box": "B1"}) == "no_such_code (box=B1)"
    assert "?" in messages.render("too_long", {}, "en")
    assert messages.render("wrong_kind", {"expected": "cell|box", "scanned": "unit"}, "en") == (
        "Wrong label: scan a cell label or a box label, not a unit label."
    )
