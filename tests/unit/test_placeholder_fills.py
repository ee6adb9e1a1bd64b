"""One way to fill a translated text's ``%1``..``%n``: ``shared.qt.messages.fmt``.

A chain of ``.replace("%1", a).replace("%2", b)`` fills a second time whatever the first value brought
in (a customer named "%2", a server message quoting "%1"), so the UI packages must not grow one again.
The check reads the sources (every call, however it is wrapped over lines), not the text with a grep.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_PACKAGES = [ROOT / "pvz_app", ROOT / "scanner_app", ROOT / "shared" / "qt"]
_NUMBERED = re.compile(r"%\d")


def placeholder_replaces(source: str) -> list[int]:
    """Lines of ``<anything>.replace("%<digit>...", value)`` calls in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "replace"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and _NUMBERED.match(node.args[0].value)
        ):
            found.append(node.lineno)
    return sorted(found)


def _ui_modules() -> list[Path]:
    return sorted(p for pkg in UI_PACKAGES for p in pkg.rglob("*.py"))


def test_the_ui_packages_have_modules() -> None:
    assert len(_ui_modules()) > 40


@pytest.mark.parametrize("path", _ui_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_replace_chain_fills_placeholders(path: Path) -> None:
    lines = placeholder_replaces(path.read_text(encoding="utf-8"))
    assert not lines, (
        f"{path.relative_to(ROOT)} lines {lines}: fill %1..%n with shared.qt.messages.fmt(template, ...)"
    )


def test_the_check_sees_a_chain_however_it_is_wrapped() -> None:
    source = (
        'a = tr("Unit %1 in cell %2").replace("%1", label).replace("%2", cell)\n'
        "b = tr('Box %1').replace(\n    '%1', box\n)\n"
        'c = name.replace("%", "%%")\n'  # not a numbered placeholder
        'd = fmt(tr("Unit %1"), label)\n'
    )
    assert placeholder_replaces(source) == [1, 1, 2]
