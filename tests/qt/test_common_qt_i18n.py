"""Translations: .qm up to date with .ts, every string translated, Russian by default."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from shared.qt import i18n, i18n_build
from shared.qt.status import age_text

CATALOGS = ["common", "pvz", "scanner"]
TS_FILES = sorted(p for p in i18n.translations_dir().glob("*.ts") if p.stem.rsplit("_", 1)[0] in CATALOGS)


def test_there_are_catalogs_for_both_languages() -> None:
    names = {p.name for p in TS_FILES}
    for catalog in CATALOGS:
        for lang in ("ru", "en"):
            assert f"{catalog}_{lang}.ts" in names


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_qm_is_compiled_from_current_ts(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / ts.with_suffix(".qm").name
    i18n_build.lrelease(ts, fresh)
    committed = ts.with_suffix(".qm")
    assert committed.exists(), f"{committed.name} missing: run make translations"
    assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is stale: run make translations"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_is_translated(ts: Path) -> None:
    assert i18n_build.untranslated(ts) == []


@pytest.mark.parametrize("catalog", CATALOGS)
def test_every_string_in_the_code_is_in_both_catalogs(catalog: str, tmp_path: Path) -> None:
    """lupdate over the code into a scratch .ts; each (context, source) must be in the committed ones."""
    scratch = tmp_path / f"{catalog}_ru.ts"
    i18n_build.lupdate(catalog, scratch)
    in_code = set(i18n_build.entries(scratch))
    assert in_code, "no strings found: is the catalog's source folder right?"
    for lang in ("ru", "en"):
        committed = set(i18n_build.entries(i18n.translations_dir() / f"{catalog}_{lang}.ts"))
        assert in_code - committed == set(), f"{catalog}_{lang}.ts lacks strings: run make translations"


def test_russian_catalog_really_is_russian() -> None:
    entries = i18n_build.entries(i18n.translations_dir() / "common_ru.ts")
    cyrillic = [t for t in entries.values() if any("а" <= ch.lower() <= "я" for ch in t)]
    assert len(cyrillic) >= 0.9 * len(entries)


def test_install_defaults_to_russian(qapp) -> None:
    translators = i18n.install(qapp, None, ["common"])
    try:
        assert i18n.current_language() == "ru"
        assert i18n.error_message("unknown_box") == "Неизвестный короб: отгрузки с такой этикеткой нет."
        assert i18n.state_name("ACCEPTED") == "в ячейке"
        assert "этикетку ячейки" in i18n.wrong_kind_message("unit", ["cell"])
    finally:
        i18n.uninstall(qapp, translators)


def test_install_english(qapp) -> None:
    translators = i18n.install(qapp, "en", ["common"])
    try:
        assert i18n.current_language() == "en"
        assert i18n.error_message("unknown_box") == "Unknown box: no shipment with this label."
        assert i18n.wrong_kind_message("unit", ["cell", "box"]) == (
            "Wrong label: scan a cell label or a box label, not a unit label."
        )
    finally:
        i18n.uninstall(qapp, translators)
        i18n.install(qapp, "ru", [])  # leave the default locale Russian for other tests


def test_unknown_code_falls_back_to_the_errors_own_text() -> None:
    assert i18n.error_message("no_such_code", "Original text") == "Original text"


def test_missing_catalog_is_loud(qapp, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        i18n.install(qapp, "ru", ["nope"], directory=tmp_path)


def test_language_normalisation() -> None:
    assert i18n.normalise_language("EN_us") == "en"
    assert i18n.normalise_language("de") == "ru"
    assert i18n.normalise_language(None) == "ru"


def test_age_texts(qapp) -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 1, 1, 12, tzinfo=UTC)
    translators = i18n.install(qapp, "en", ["common"])
    try:
        assert age_text(now, None) == "—"
        assert age_text(now, now - timedelta(seconds=5)) == "now"
        assert age_text(now, now - timedelta(minutes=5)) == "5 min"
        assert age_text(now, now - timedelta(minutes=130)) == "2 h 10 min"
        assert age_text(now, now - timedelta(days=3)) == "3 d"
    finally:
        i18n.uninstall(qapp, translators)
        i18n.install(qapp, "ru", [])


def test_build_check_command_passes() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "shared.qt.i18n_build", "--check", *CATALOGS],
        capture_output=True,
        text=True,
        cwd=i18n_build.ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ts_files_are_well_formed_xml() -> None:
    for ts in TS_FILES:
        root = ET.parse(ts).getroot()
        assert root.tag == "TS"
    assert QCoreApplication.translate("Nope", "x") == "x"  # no catalog knows this context


def test_every_operation_type_has_one_name_in_both_languages(qapp) -> None:  # type: ignore[no-untyped-def]
    from shared.domain import OpType

    translators = i18n.install(qapp, "ru", ["common"])
    try:
        russian = {op: i18n.op_name(op) for op in OpType}
    finally:
        i18n.uninstall(qapp, translators)
    english = {op: i18n.op_name(op) for op in OpType}
    for op in OpType:
        assert english[op] != op.value, f"{op.value} has no name"
        assert any("\u0400" <= ch <= "\u04ff" for ch in russian[op]), (op.value, russian[op])
    assert i18n.op_name("no.such") == "no.such"
