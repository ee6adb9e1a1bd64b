"""The whole unit transition table is pinned: any change must update the reviewed golden copy.

The table (`shared.domain.states.TRANSITIONS`) decides who may move a unit from which state to which,
and where. Tests that exercise single rules cannot notice an extra rule; this one compares every rule
with `tests/unit/golden/transitions.txt`. When a change to the table is intended, rewrite the golden
copy and review its diff with the change:

    WB_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_transition_table_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

from shared.domain.states import TRANSITIONS, Role, Rule, SiteKind, UnitStatus

GOLDEN = Path(__file__).parent / "golden" / "transitions.txt"
UPDATE_ENV = "WB_UPDATE_GOLDEN"
HEADER = (
    "# The unit transition table (shared/domain/states.py), one rule a line, sorted by from and to.\n"
    "# Reviewed: a change here is a change to who may do what, and where. To rewrite after an\n"
    f"# intended change: {UPDATE_ENV}=1 .venv/bin/python -m pytest tests/unit/test_transition_table_golden.py\n"
    "# from -> to | action | roles | sites\n"
)


def _order(values: frozenset[Role] | frozenset[SiteKind], kind: type[Role] | type[SiteKind]) -> str:
    return ",".join(v.value for v in kind if v in values)


def render(rules: tuple[Rule, ...]) -> str:
    """The table as text, independent of the order rules are written in (enum order throughout)."""
    position = {s: i for i, s in enumerate(UnitStatus)}
    rows = sorted(rules, key=lambda r: (position[r.source], position[r.target]))
    width = max(len(s.value) for s in UnitStatus)
    action_width = max(len(r.action) for r in rules)
    lines = [
        f"{r.source.value:<{width}} -> {r.target.value:<{width}} | {r.action:<{action_width}} | "
        f"{_order(r.roles, Role)} | {_order(r.sites, SiteKind)}"
        for r in rows
    ]
    return HEADER + "\n".join(line.rstrip() for line in lines) + "\n"


def test_transition_table_matches_the_reviewed_golden_copy() -> None:
    text = render(TRANSITIONS)
    if os.environ.get(UPDATE_ENV) == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    golden = GOLDEN.read_text(encoding="utf-8")
    if text != golden:
        old, new = set(golden.splitlines()), set(text.splitlines())
        added = "\n".join(f"  + {line}" for line in text.splitlines() if line not in old)
        removed = "\n".join(f"  - {line}" for line in golden.splitlines() if line not in new)
        raise AssertionError(
            "The unit transition table differs from its reviewed golden copy "
            f"({GOLDEN.relative_to(Path(__file__).parents[2])}).\n"
            f"{added}\n{removed}\n"
            "If this change is intended, update the golden file on purpose and review its diff: "
            f"{UPDATE_ENV}=1 .venv/bin/python -m pytest tests/unit/test_transition_table_golden.py"
        )


def test_golden_rendering_is_deterministic() -> None:
    assert render(TRANSITIONS) == render(tuple(reversed(TRANSITIONS)))
    assert len(GOLDEN.read_text(encoding="utf-8").splitlines()) == len(HEADER.splitlines()) + len(TRANSITIONS)
