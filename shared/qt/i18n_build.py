"""Refresh the .ts translation sources from the code and compile the .qm files (`make translations`).

For each catalog (see shared/qt/i18n.py) this runs ``pyside6-lupdate`` over the catalog's source
folders into ``<catalog>_ru.ts`` and ``<catalog>_en.ts`` (keeping existing translations, dropping
strings no longer in the code), fills the English catalog's new entries with their English source
text, and compiles every ``.ts`` with ``pyside6-lrelease``. Russian entries a developer has not
translated yet stay "unfinished"; tests/qt/test_common_qt_i18n.py fails until they are translated.

    python -m shared.qt.i18n_build            # all catalogs
    python -m shared.qt.i18n_build --check    # exit 1 when a .qm is stale or a string untranslated
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from .i18n import LANGUAGES, translations_dir

ROOT = Path(__file__).resolve().parents[2]

# catalog -> source folders (relative to the repository root)
CATALOGS: dict[str, tuple[str, ...]] = {
    "common": ("shared/qt",),
    "pvz": ("pvz_app",),
    "scanner": ("scanner_app",),
}


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found (install PySide6)")
    return found


def sources(catalog: str) -> list[Path]:
    files: list[Path] = []
    for folder in CATALOGS[catalog]:
        base = ROOT / folder
        if base.is_dir():
            files.extend(sorted(p for p in base.rglob("*.py") if "__pycache__" not in p.parts))
    return files


def lupdate(catalog: str, ts: Path) -> None:
    files = sources(catalog)
    if not files:
        return
    lang = ts.stem.rsplit("_", 1)[1]
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            "ru_RU" if lang == "ru" else "en_US",
            *[str(f) for f in files],
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def fill_english(ts: Path) -> int:
    """Give every unfinished entry of an English catalog its English source text."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        numerus = message.get("numerus") == "yes"
        empty = not (translation.text or "").strip() and not any(
            (f.text or "").strip() for f in translation.iter("numerusform")
        )
        if translation.get("type") == "unfinished" or empty:
            if numerus:
                translation.text = None
                for child in list(translation):
                    translation.remove(child)
                for _ in range(2):  # English: singular, plural
                    ET.SubElement(translation, "numerusform").text = source
            else:
                translation.text = source
            translation.attrib.pop("type", None)
            filled += 1
    if filled:
        _write(tree, ts)
    return filled


def _write(tree: ET.ElementTree[Any], ts: Path) -> None:
    ET.indent(tree, space="    ")
    root = tree.getroot()
    assert root is not None
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False)
    # lupdate's layout: <context> at the margin, not indented under <TS> (so a rewrite diffs cleanly)
    lines = body.split("\n")
    body = "\n".join([lines[0], *(ln.removeprefix("    ") for ln in lines[1:-1]), lines[-1]])
    body = body.replace("'", "&apos;")  # as lupdate writes it (attribute values hold none)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every entry without a finished, non-empty translation."""
    missing: list[tuple[str, str]] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
            text = (translation.text or "").strip() if translation is not None else ""
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or (not text and not forms)
                or (forms and not all(f.strip() for f in forms))
            ):
                missing.append((name, message.findtext("source") or ""))
    return missing


def entries(ts: Path) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            found[(name, message.findtext("source") or "")] = (
                translation.text or "" if translation is not None else ""
            )
    return found


def build(catalogs: list[str] | None = None) -> list[Path]:
    folder = translations_dir()
    written: list[Path] = []
    for catalog in catalogs or list(CATALOGS):
        if not sources(catalog):
            continue
        for lang in LANGUAGES:
            ts = folder / f"{catalog}_{lang}.ts"
            lupdate(catalog, ts)
            if lang == "en":
                fill_english(ts)
            qm = ts.with_suffix(".qm")
            lrelease(ts, qm)
            written.extend([ts, qm])
    return written


def check(catalogs: list[str] | None = None) -> list[str]:
    """Problems: stale .qm files and untranslated strings (of the given catalogs, default all)."""
    problems: list[str] = []
    folder = translations_dir()
    wanted = set(catalogs or [])
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sorted(folder.glob("*.ts")):
            if wanted and ts.stem.rsplit("_", 1)[0] not in wanted:
                continue
            qm = ts.with_suffix(".qm")
            fresh = Path(tmp) / qm.name
            lrelease(ts, fresh)
            if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
                problems.append(f"{qm.name} is stale: run make translations")
            problems.extend(f"{ts.name}: untranslated [{c}] {s!r}" for c, s in untranslated(ts))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("catalogs", nargs="*")
    args = parser.parse_args(argv)
    if args.check:
        problems = check(args.catalogs or None)
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    for path in build(args.catalogs or None):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
