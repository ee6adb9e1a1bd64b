"""Clerk-facing texts for barcode errors, in Russian (the default) and English.

The parser raises BarcodeError with an English message; screens translate by `code` with
`render_message(error.code, error.params, "ru")`. Params that name kinds ('kind', 'expected',
'scanned') hold ScanKind values ('expected' may hold several joined by '|') and are rendered as
kind names in the chosen language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

LANGUAGES: Final = ("ru", "en")

KIND_NAMES: Final[Mapping[str, Mapping[str, str]]] = {
    # Russian names are in the accusative: they follow "отсканируйте", "а не", "похоже на".
    "ru": {
        "product": "штрихкод товара",
        "unit": "этикетку единицы товара",
        "cell": "этикетку ячейки",
        "location": "этикетку места хранения",
        "box": "этикетку короба",
        "badge": "бейдж сотрудника",
        "pickup": "QR-код получения заказа",
        "marking": "код маркировки «Честный знак»",
        "document": "штрихкод накладной",
        "tote": "этикетку ящика тележки",
    },
    "en": {
        "product": "a product barcode",
        "unit": "a unit label",
        "cell": "a cell label",
        "location": "a shelf location label",
        "box": "a box label",
        "badge": "an employee badge",
        "pickup": "a pickup QR code",
        "marking": "a marking code",
        "document": "a delivery document barcode",
        "tote": "a tote label",
    },
}

MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "ru": {
        "empty": "Ничего не отсканировано.",
        "too_long": "Слишком длинный код ({length} символов): это не наша этикетка.",
        "unknown_format": "Неизвестный штрихкод. Отсканируйте этикетку товара, ячейки, короба или документа.",
        "malformed": "Похоже на {kind}, но код неполный или повреждён. Отсканируйте ещё раз.",
        "bad_check_digit": (
            "Контрольная цифра не сходится: этикетка повреждена или напечатана с ошибкой. "
            "Отсканируйте ещё раз или введите код вручную."
        ),
        # 'detail' is technical English for logs: the Russian text leaves it out.
        "bad_gs1": "Данные GS1 в штрихкоде повреждены. Отсканируйте ещё раз.",
        "foreign_box": "Это этикетка чужого короба, а не нашего.",
        "wrong_kind": "Не та этикетка: отсканируйте {expected}, а не {scanned}.",
    },
    "en": {
        "empty": "Nothing was scanned.",
        "too_long": "The code is too long ({length} characters) to be one of our labels.",
        "unknown_format": "Unknown barcode. Scan a product, unit, cell, box or document label.",
        "malformed": "This looks like {kind}, but the code is incomplete or damaged. Scan it again.",
        "bad_check_digit": (
            "The check digit does not match: the label is damaged or misprinted. "
            "Scan it again or type the code."
        ),
        "bad_gs1": "The GS1 data in this barcode is broken ({detail}). Scan it again.",
        "foreign_box": "This box label is not one of ours.",
        "wrong_kind": "Wrong label: scan {expected}, not {scanned}.",
    },
}

ERROR_CODES: Final = tuple(MESSAGES["en"])

_KIND_PARAMS: Final = ("kind", "expected", "scanned")
_OR: Final[Mapping[str, str]] = {"ru": " или ", "en": " or "}


class _Defaulting(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def render_message(code: str, params: Mapping[str, str] | None = None, lang: str = "ru") -> str:
    """The clerk's text for an error code in `lang` ('ru' or 'en'); unknown codes fall back to
    'unknown_format', unknown languages to Russian, missing params to '?'."""
    if lang not in MESSAGES:
        lang = "ru"
    templates = MESSAGES[lang]
    template = templates.get(code, templates["unknown_format"])
    names = KIND_NAMES[lang]
    values = _Defaulting(params or {})
    for key in _KIND_PARAMS:
        if key in values:
            values[key] = _OR[lang].join(names.get(k, k) for k in values[key].split("|"))
    return template.format_map(values)
