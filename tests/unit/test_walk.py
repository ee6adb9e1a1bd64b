"""Walk order (shared/domain/walk.py): the serpentine through the aisles and its length."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from shared.domain.walk import Walk, WalkConfig, parse_slot

WAREHOUSE = [
    f"WH-1:{z}-{a:02d}-{s:02d}-{lv}" for z in "AB" for a in range(1, 6) for s in (1, 5, 10) for lv in (1, 2)
]


def test_codes_and_ids_parse_alike_and_anything_else_is_no_slot() -> None:
    assert parse_slot("A-01-02-3") == parse_slot("WH-DEMO-1:A-01-02-3")
    slot = parse_slot("WH-DEMO-1:B-12-07-4")
    assert slot is not None and (slot.zone, slot.aisle, slot.shelf, slot.level) == ("B", 12, 7, 4)
    for bad in (None, "", "A-1-2-3", "WH:a-01-02-3", "SHELF"):
        assert parse_slot(bad) is None


def test_the_walk_snakes_up_one_aisle_and_down_the_next() -> None:
    walk = Walk(WAREHOUSE)
    stops = ["A-03-05-1", "A-01-10-1", "A-01-01-2", "A-01-01-1", "A-03-10-1", "A-02-05-1", "A-03-01-1"]
    assert walk.sort(stops) == [
        "A-01-01-1",  # aisle 1 up, bottom level first
        "A-01-01-2",
        "A-01-10-1",
        "A-02-05-1",  # aisle 2 down
        "A-03-01-1",  # aisle 3 up again
        "A-03-05-1",
        "A-03-10-1",
    ]
    # aisle 2 empty: aisle 3 is the second aisle walked, so it is walked down
    assert walk.sort(["A-03-01-1", "A-03-10-1", "A-01-05-1"]) == ["A-01-05-1", "A-03-10-1", "A-03-01-1"]


def test_the_walk_is_configurable_per_warehouse() -> None:
    stops = ["A-01-01-1", "A-02-01-1", "B-01-10-1", "B-01-01-1"]
    assert Walk(WAREHOUSE, WalkConfig(zone_order=("B",))).sort(stops) == [
        "B-01-01-1",
        "B-01-10-1",
        "A-01-01-1",
        "A-02-01-1",
    ]
    assert Walk(WAREHOUSE, WalkConfig(aisles_descending=True, first_aisle_up=False)).sort(stops[:2]) == [
        "A-02-01-1",
        "A-01-01-1",
    ]
    assert Walk(WAREHOUSE, WalkConfig(first_aisle_up=False)).sort(["A-01-01-1", "A-01-10-1"]) == [
        "A-01-10-1",
        "A-01-01-1",
    ]


def test_unreadable_locations_come_last_and_items_keep_their_order_at_one_place() -> None:
    walk = Walk(WAREHOUSE)
    items = [("x", None), ("y", "A-02-01-1"), ("z", "DOCK"), ("u", "A-01-01-1"), ("v", "A-01-01-1")]
    assert [name for name, _ in walk.order(items, lambda it: it[1])] == ["u", "v", "y", "x", "z"]


def test_walk_length_on_the_floor_model() -> None:
    cfg = WalkConfig(aisle_pitch=3.0, shelf_pitch=1.0, zone_gap=6.0)
    walk = Walk(WAREHOUSE, cfg)  # shelves up to 10: the back cross aisle is at 11 m
    assert walk.length([]) == 0
    assert walk.length(["A-01-05-1"]) == 10  # 5 m in, 5 m back
    # across to aisle 2 deep in: by the back cross aisle (1 + 3 + 1), not the front (9 + 3 + 9)
    assert walk.distance(parse_slot("A-01-10-1"), parse_slot("A-02-10-1")) == 5
    assert walk.distance(parse_slot("A-01-01-1"), parse_slot("A-02-01-1")) == 5
    assert walk.distance(parse_slot("A-05-01-1"), parse_slot("B-01-01-1")) == 3 + 6 + 2
    # the serpentine is shorter than up every aisle and back to the front
    stops = ["A-01-01-1", "A-01-10-1", "A-02-01-1", "A-02-10-1"]
    assert walk.length(walk.sort(stops)) < walk.length(stops)


codes = st.builds(
    lambda z, a, s, lv: f"{z}-{a:02d}-{s:02d}-{lv}",
    st.sampled_from("ABC"),
    st.integers(1, 12),
    st.integers(1, 20),
    st.integers(1, 4),
)
configs = st.builds(
    WalkConfig,
    zone_order=st.lists(st.sampled_from("ABC"), unique=True).map(tuple),
    aisles_descending=st.booleans(),
    first_aisle_up=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(codes, max_size=40), configs)
def test_walk_order_property(stops: list[str], config: WalkConfig) -> None:
    walk = Walk(WAREHOUSE + stops, config)
    ordered = walk.sort(stops)
    assert sorted(ordered) == sorted(stops)  # a permutation: nothing lost, nothing added
    assert walk.sort(ordered) == ordered  # a walk order is its own walk order
    slots = [parse_slot(c) for c in ordered]
    assert all(s is not None for s in slots)
    runs = [
        (key, [s for s in group if s]) for key, group in itertools.groupby(slots, lambda s: s and s.aisle_key)
    ]
    aisles = [key for key, _ in runs]
    assert len(aisles) == len(set(aisles))  # every aisle is entered once
    ranks = [walk.aisle_rank(group[0]) for _, group in runs]
    assert ranks == sorted(ranks)  # in the configured aisle order
    for n, (_, group) in enumerate(runs):
        shelves = [s.shelf for s in group]
        up = (n % 2 == 0) == config.first_aisle_up
        assert shelves == sorted(shelves, reverse=not up)  # up one aisle, down the next
    # the length of a walk does not depend on the direction it is walked in
    assert abs(walk.length(ordered) - walk.length(list(reversed(ordered)))) < 1e-9
    assert walk.length(ordered) >= 0
