"""Error texts: every error code and every kind has a Russian and an English text."""

from __future__ import annotations

import re

import pytest

from shared.barcodes import BarcodeError, ScanKind, expect, parse, render_message
from shared.barcodes.messages import ERROR_CODES, KIND_NAMES, MESSAGES


def test_every_code_and_kind_is_translated() -> None:
    assert set(MESSAGES["ru"]) == set(MESSAGES["en"]) == set(ERROR_CODES)
    for lang in ("ru", "en"):
        assert set(KIND_NAMES[lang]) == {k.value for k in ScanKind}
    for code in ERROR_CODES:
        assert any("а" <= ch <= "я" for ch in MESSAGES["ru"][code].lower()), code


@pytest.mark.parametrize(
    ("raw", "ru_words"),
    [
        ("", "Ничего не отсканировано"),
        ("U" * 600, "600 символов"),
        ("hello", "Неизвестный штрихкод"),
        ("U12", "этикетку единицы товара"),
        ("4601234567890", "Контрольная цифра"),
        ("]C10104601234567893" + "17AB", "Данные GS1"),
        ("346012340000000018", "чужого короба"),
    ],
)
def test_parser_errors_render_in_russian_from_their_params(raw: str, ru_words: str) -> None:
    with pytest.raises(BarcodeError) as info:
        parse(raw)
    err = info.value
    ru = render_message(err.code, err.params, "ru")
    assert ru_words in ru
    assert re.search("[a-z]{3,}", ru) is None, ru  # no English left in the clerk's Russian text
    assert render_message(err.code, err.params, "en") == err.message
    assert "{" not in err.message


def test_wrong_kind_with_several_expected_kinds_in_both_languages() -> None:
    with pytest.raises(BarcodeError) as info:
        expect(parse("C-PVZ-DEMO-1-0042"), ScanKind.UNIT, ScanKind.BOX)
    ru = render_message(info.value.code, info.value.params, "ru")
    assert (
        ru
        == "Не та этикетка: отсканируйте этикетку единицы товара или этикетку короба, а не этикетку ячейки."
    )


def test_unknown_code_language_or_missing_params_do_not_crash() -> None:
    assert render_message("no_such_code", {}, "en") == MESSAGES["en"]["unknown_format"]
    assert render_message("empty", None, "de") == MESSAGES["ru"]["empty"]
    assert "?" in render_message("too_long", {}, "en")
