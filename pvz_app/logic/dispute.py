"""Build a dispute pack for a unit, an order or a box from this device's journal and photos (no Qt).

The timeline holds every op of this device that touched the subject's units (or named the box), and
every photo taken of them, each with who, when, which device and where. The ops the pack carries are
the journal's own, as pushed (``Operation.to_wire``) plus their state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from shared.domain import Operation
from shared.printing.dispute import DisputePack, PhotoInfo, TimelineEntry, photos_named, place_of
from shared.store.models import BoxView, UnitView

from .ports import Clerk, PvzJournal

if TYPE_CHECKING:
    from shared.store.evidence import Photo

KINDS = ("unit", "order", "box")


class DisputeSource(Protocol):
    """What a dispute pack reads of this device (the LocalStore is one)."""

    @property
    def device_id(self) -> str: ...

    def unit(self, unit_id: str) -> UnitView | None: ...

    def unit_by_label(self, label: str) -> UnitView | None: ...

    def units_for_order(self, order_id: str) -> list[UnitView]: ...

    def box(self, box_id: str) -> BoxView | None: ...

    def units_in_box(self, box_id: str) -> list[UnitView]: ...

    def ops_about(
        self, unit_ids: Sequence[str], box_id: str | None = None
    ) -> list[tuple[Operation, str, list[str]]]: ...

    def user_names(self) -> dict[str, str]: ...

    def photo(self, sha256: str) -> Photo | None: ...

    def photos_for(self, subject: str) -> list[Photo]: ...

    def read_photo(self, sha256: str) -> bytes: ...


class UnknownSubject(LookupError):
    def __init__(self, kind: str, code: str) -> None:
        super().__init__(f"no {kind} {code!r} on this device")
        self.kind = kind
        self.code = code


@dataclass(frozen=True, slots=True)
class Subject:
    kind: str
    key: str  # the id the journal uses
    shown: str  # what a person reads: a label, an order number, an SSCC
    units: tuple[UnitView, ...]
    box_id: str | None


def resolve(store: DisputeSource, kind: str, code: str) -> Subject:
    """Find the subject by what the clerk typed or scanned; raise UnknownSubject."""
    code = code.strip()
    if kind == "unit":
        unit = store.unit_by_label(code) or store.unit(code)
        if unit is None:
            raise UnknownSubject(kind, code)
        return Subject(kind, unit.id, unit.label or unit.id, (unit,), None)
    if kind == "order":
        units = store.units_for_order(code)
        if not units:
            raise UnknownSubject(kind, code)
        number = units[0].order_number
        return Subject(kind, code, f"{number} ({code})" if number else code, tuple(units), None)
    if kind == "box":
        box = store.box(code)
        units = store.units_in_box(code)
        if box is None and not units and not store.ops_about([], code):
            raise UnknownSubject(kind, code)
        return Subject(kind, code, code, tuple(units), code)
    raise ValueError(f"kind is one of {KINDS}")


def build_pack(
    store: DisputeSource,
    subject: Subject,
    *,
    site_id: str,
    built_by: str,
    now: datetime,
    status_name: Callable[[str], str] = str,
) -> DisputePack:
    names = store.user_names()
    labels = {u.id: u.label or u.id for u in subject.units}

    def label(unit_id: str) -> str:
        if unit_id not in labels:
            unit = store.unit(unit_id)
            labels[unit_id] = unit.label if unit is not None and unit.label else unit_id
        return labels[unit_id]

    pack = DisputePack(
        subject_kind=subject.kind,
        subject=subject.shown,
        site_id=site_id,
        source=f"device {store.device_id}",
        built_at=now,
        built_by=built_by,
    )
    for unit in subject.units:
        cell = f"{unit.cell_number}" if unit.cell_number is not None else (unit.cell_id or "")
        pack.units.append(
            {"label": unit.label or unit.id, "status": status_name(str(unit.status)), "cell": cell}
        )
    for op, state, touched in store.ops_about([u.id for u in subject.units], subject.box_id):
        wire = op.to_wire()
        wire["state"] = state
        pack.raw_ops.append(wire)
        pack.entries.append(
            TimelineEntry(
                when=op.created_at,
                action=str(op.type),
                actor_id=op.actor,
                actor_name=names.get(op.actor, op.actor),
                device_id=op.device_id,
                place=place_of(op.payload),
                units=tuple(label(u) for u in touched),
                state=state,
                detail=str(op.payload.get("reason") or op.payload.get("note") or ""),
                photos=photos_named(op.payload),
                op_id=op.op_id,
                seq=op.seq,
                op_hash=op.hash or "",
                prev_hash=op.prev_hash or "",
            )
        )
        for sha in photos_named(op.payload):
            photo = store.photo(sha)
            if photo is not None:
                pack.photos[sha] = PhotoInfo(sha, photo.mime, photo.taken_at, photo.taken_by, photo.note)
    subjects = {u.id for u in subject.units} | {u.label for u in subject.units if u.label}
    subjects |= {subject.key} | ({subject.box_id} if subject.box_id else set())
    for key in sorted(subjects):
        for photo in store.photos_for(key):
            if photo.sha256 in pack.photos:
                continue
            pack.photos[photo.sha256] = PhotoInfo(
                photo.sha256, photo.mime, photo.taken_at, photo.taken_by, photo.note
            )
            pack.entries.append(
                TimelineEntry(
                    when=photo.taken_at,
                    action="photo",
                    actor_id=photo.taken_by,
                    actor_name=names.get(photo.taken_by, photo.taken_by),
                    device_id=store.device_id,
                    units=(label(key),) if photo.subject_kind == "unit" else (),
                    place=key if photo.subject_kind == "box" else "",
                    detail=photo.note,
                    photos=(photo.sha256,),
                )
            )
    return pack


def photo_reader(store: DisputeSource) -> Callable[[str], bytes | None]:
    def read(sha: str) -> bytes | None:
        try:
            return store.read_photo(sha)
        except (OSError, KeyError, ValueError):
            return None

    return read


class DisputeFlow:
    """The dispute screen's work: find a subject, build its pack, keep photos of it."""

    def __init__(self, source: DisputeSource, journal: PvzJournal, clerk: Clerk) -> None:
        self.source = source
        self.journal = journal
        self.clerk = clerk

    def resolve(self, kind: str, code: str) -> Subject:
        return resolve(self.source, kind, code)

    def pack(
        self, subject: Subject, *, site_id: str, now: datetime, status_name: Callable[[str], str] = str
    ) -> DisputePack:
        actor = self.clerk.actor
        built_by = actor.username if actor is not None else ""
        return build_pack(
            self.source, subject, site_id=site_id, built_by=built_by, now=now, status_name=status_name
        )

    def photos(self) -> Callable[[str], bytes | None]:
        return photo_reader(self.source)

    def save_photo(self, subject: Subject, data: bytes) -> str:
        return self.journal.save_photo(data, self.clerk.actor, subject.key, subject.kind)
