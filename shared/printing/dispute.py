"""A dispute pack: what happened to a unit, an order or a box, as a file a worker can send.

Pure (no Qt, no database): the PVZ app builds a ``DisputePack`` from its journal and photos and
renders the act to PDF with Qt (shared/qt/dispute_pdf.py); the backend builds one from every
device's ops it holds (backend_stub/services/disputes.py) and renders the act without Qt
(shared/printing/dispute_pdf.py, fpdf2). Both write the same ZIP:

    act.pdf           the act: timeline with photos, then the CCTV times
    act.html          the same act as HTML (photos linked from photos/)
    timeline.json     the entries: when (UTC and local), who, which device, where, photos
    ops.jsonl         the raw operations, one JSON object a line (with their chain hashes, if any)
    cctv.txt          the wall-clock times to look up in the point's camera recording
    photos/<sha256>.jpg|png
    manifest.json     every other member's SHA-256 and size, and who built the pack when

Texts (titles, column headers, action names) come in through ``texts``: the app passes translated
ones, the backend the English defaults below.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from shared.domain.evidence import EXTENSIONS

DEFAULT_TEXTS: dict[str, str] = {
    "title": "Dispute act",
    "subject.unit": "Unit",
    "subject.order": "Order",
    "subject.box": "Box",
    "source": "Source",
    "site": "Site",
    "built": "Built",
    "by": "by",
    "col.when": "When (local time)",
    "col.who": "Who",
    "col.device": "Device",
    "col.action": "Action",
    "col.place": "Cell / location / box",
    "col.state": "State",
    "units": "Units",
    "photos": "Photos",
    "timeline": "Timeline",
    "state.pending": "not yet sent",
    "state.applied": "confirmed by the server",
    "state.rejected": "rejected by the server",
    "no_entries": "Nothing recorded for this subject.",
    "cctv": "Times to look up in the camera recording",
    "chain": "Chain",
    "photo.taken": "photo taken",
    "unit.col.label": "Unit label",
    "unit.col.status": "Status now",
    "unit.col.cell": "Cell",
}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    when: datetime  # aware
    action: str  # op type, or "photo" for a photo taken
    actor_id: str
    actor_name: str
    device_id: str
    place: str = ""  # cell, location, box or route the action happened at
    units: tuple[str, ...] = ()  # unit labels (or ids)
    state: str = ""  # applied | pending | rejected (an op's), "" for a photo
    detail: str = ""  # a reason, a note
    photos: tuple[str, ...] = ()  # SHA-256 of the photos it names
    op_id: str = ""
    seq: int = 0
    op_hash: str = ""  # the op's chain hash, when the journal carries one
    prev_hash: str = ""


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    sha256: str
    mime: str
    taken_at: datetime | None = None
    taken_by: str = ""
    note: str = ""

    @property
    def file_name(self) -> str:
        return f"photos/{self.sha256}.{EXTENSIONS.get(self.mime, 'bin')}"


@dataclass(slots=True)
class DisputePack:
    subject_kind: str  # unit | order | box
    subject: str  # as a person reads it: a label, an order number, an SSCC
    site_id: str
    source: str  # "device pvz-pc-7" or "backend"
    built_at: datetime
    built_by: str
    entries: list[TimelineEntry] = field(default_factory=list)
    photos: dict[str, PhotoInfo] = field(default_factory=dict)
    units: list[dict[str, str]] = field(default_factory=list)  # label, status, cell
    raw_ops: list[dict[str, Any]] = field(default_factory=list)

    def sorted_entries(self) -> list[TimelineEntry]:
        return sorted(self.entries, key=lambda e: (e.when, e.device_id, e.seq))


def place_of(payload: Mapping[str, Any]) -> str:
    """Where an op happened, from its payload: a cell, a location, a box or a route."""
    for key in ("cell_id", "location_id", "box_id", "route_id"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def photos_named(payload: Mapping[str, Any]) -> tuple[str, ...]:
    """The photo hashes an op's payload names (``photos``: a list of SHA-256), if any."""
    value = payload.get("photos")
    if isinstance(value, list):
        return tuple(str(v) for v in value if isinstance(v, str))
    return ()


def local(when: datetime, tz: tzinfo | None) -> datetime:
    return when.astimezone(tz) if tz is not None else when.astimezone()


def _fmt(when: datetime, tz: tzinfo | None) -> str:
    at = local(when, tz)
    return at.strftime("%Y-%m-%d %H:%M:%S ") + at.strftime("%z")[:3] + ":" + at.strftime("%z")[3:]


def cctv_lines(pack: DisputePack, action_name: Callable[[str], str], tz: tzinfo | None = None) -> list[str]:
    """One line per moment to look up: local wall-clock time (with its UTC offset), then what."""
    out = []
    for e in pack.sorted_entries():
        what = action_name(e.action)
        where = f" @ {e.place}" if e.place else ""
        units = f" [{', '.join(e.units)}]" if e.units else ""
        out.append(f"{_fmt(e.when, tz)}  {what}{units}{where}  {e.actor_name or e.actor_id} / {e.device_id}")
    return out


def render_html(
    pack: DisputePack,
    *,
    texts: Mapping[str, str] | None = None,
    action_name: Callable[[str], str] | None = None,
    photo_src: Callable[[PhotoInfo], str] | None = None,
    tz: tzinfo | None = None,
    photo_width: int = 240,
) -> str:
    """The act as simple HTML (tables and images only, which QTextDocument lays out for the PDF)."""
    t = {**DEFAULT_TEXTS, **(texts or {})}
    name = action_name or (lambda a: a)
    src = photo_src or (lambda p: p.file_name)
    esc = html.escape
    subject = t.get(f"subject.{pack.subject_kind}", pack.subject_kind)
    parts = [
        "<html><head><meta charset='utf-8'><style>"
        "body{font-family:sans-serif;font-size:9pt} td,th{padding:3px;vertical-align:top}"
        "th{background:#ddd;text-align:left} h1{font-size:15pt} h2{font-size:12pt}"
        "</style></head><body>",
        f"<h1>{esc(t['title'])}: {esc(subject)} {esc(pack.subject)}</h1>",
        f"<p>{esc(t['site'])}: <b>{esc(pack.site_id)}</b> &nbsp; {esc(t['source'])}: {esc(pack.source)}<br/>"
        f"{esc(t['built'])}: {esc(_fmt(pack.built_at, tz))} {esc(t['by'])} {esc(pack.built_by)}</p>",
    ]
    if pack.units:
        parts.append(f"<h2>{esc(t['units'])}</h2><table border='1' cellspacing='0' width='100%'><tr>")
        parts.append(
            "".join(f"<th>{esc(t[k])}</th>" for k in ("unit.col.label", "unit.col.status", "unit.col.cell"))
        )
        parts.append("</tr>")
        for u in pack.units:
            parts.append(
                "<tr>"
                + "".join(f"<td>{esc(u.get(k, ''))}</td>" for k in ("label", "status", "cell"))
                + "</tr>"
            )
        parts.append("</table>")
    heads = ("col.when", "col.who", "col.device", "col.action", "col.place", "col.state")
    parts.append("<h2>" + esc(t["timeline"]) + "</h2>")
    if not pack.entries:
        parts.append(f"<p>{esc(t['no_entries'])}</p>")
    else:
        parts.append("<table border='1' cellspacing='0' width='100%'><tr>")
        parts.append("".join(f"<th>{esc(t[h])}</th>" for h in heads) + "</tr>")
        for e in pack.sorted_entries():
            action = esc(name(e.action))
            if e.units:
                action += "<br/>" + esc(", ".join(e.units))
            if e.detail:
                action += "<br/><i>" + esc(e.detail) + "</i>"
            if e.op_hash:
                action += f"<br/><small>{esc(t['chain'])}: {esc(e.op_hash[:16])}</small>"
            cells = (
                esc(_fmt(e.when, tz)),
                esc(e.actor_name or e.actor_id),
                esc(e.device_id),
                action,
                esc(e.place),
                esc(t.get(f"state.{e.state}", e.state)),
            )
            parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
            shown = [pack.photos[s] for s in e.photos if s in pack.photos]
            if shown:
                imgs = " ".join(f"<img src='{esc(src(p))}' width='{photo_width}'/>" for p in shown)
                parts.append(f"<tr><td colspan='{len(heads)}'>{imgs}</td></tr>")
        parts.append("</table>")
    parts.append(f"<h2>{esc(t['cctv'])}</h2><pre>")
    parts.append(esc("\n".join(cctv_lines(pack, name, tz))))
    parts.append("</pre></body></html>")
    return "".join(parts)


def timeline_json(pack: DisputePack, tz: tzinfo | None = None) -> list[dict[str, Any]]:
    out = []
    for e in pack.sorted_entries():
        item = asdict(e)
        item.pop("when")
        item["when_utc"] = e.when.astimezone(UTC).isoformat().replace("+00:00", "Z")
        item["when_local"] = _fmt(e.when, tz)
        item["units"] = list(e.units)
        item["photos"] = list(e.photos)
        out.append(item)
    return out


def write_zip(
    pack: DisputePack,
    target: Path,
    *,
    photo_bytes: Callable[[str], bytes | None],
    pdf: bytes | None = None,
    texts: Mapping[str, str] | None = None,
    action_name: Callable[[str], str] | None = None,
    tz: tzinfo | None = None,
) -> dict[str, str]:
    """Write the pack's ZIP atomically (temporary file, fsync, rename); return member -> SHA-256.

    ``photo_bytes(sha)`` gives a photo's bytes, or None when it is not here (listed as missing)."""
    name = action_name or (lambda a: a)
    members: dict[str, bytes] = {}
    if pdf is not None:
        members["act.pdf"] = pdf
    members["act.html"] = render_html(pack, texts=texts, action_name=action_name, tz=tz).encode("utf-8")
    members["timeline.json"] = json.dumps(timeline_json(pack, tz), ensure_ascii=False, indent=1).encode(
        "utf-8"
    )
    members["ops.jsonl"] = "".join(
        json.dumps(op, ensure_ascii=False, sort_keys=True) + "\n" for op in pack.raw_ops
    ).encode("utf-8")
    members["cctv.txt"] = ("\n".join(cctv_lines(pack, name, tz)) + "\n").encode("utf-8")
    missing: list[str] = []
    for sha, info in sorted(pack.photos.items()):
        data = photo_bytes(sha)
        if data is None:
            missing.append(sha)
        else:
            members[info.file_name] = data
    digests = {n: hashlib.sha256(b).hexdigest() for n, b in members.items()}
    manifest = {
        "subject_kind": pack.subject_kind,
        "subject": pack.subject,
        "site_id": pack.site_id,
        "source": pack.source,
        "built_at": pack.built_at.isoformat(),
        "built_by": pack.built_by,
        "files": {n: {"sha256": d, "size": len(members[n])} for n, d in digests.items()},
        "missing_photos": missing,
    }
    members["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for member, data in members.items():
                    stored = member.startswith("photos/") or member.endswith(".pdf")
                    zf.writestr(member, data, compress_type=zipfile.ZIP_STORED if stored else None)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return digests


def entries_from_ops(
    ops: Sequence[Mapping[str, Any]],
    *,
    user_name: Callable[[str], str],
    unit_label: Callable[[str], str] | None = None,
    units_of: Callable[[Mapping[str, Any]], Sequence[str]] | None = None,
) -> list[TimelineEntry]:
    """Timeline entries from wire-shaped ops (``op_id, device_id, seq, type, payload, actor,
    created_at`` and optionally ``status``/``state``, ``reason``, ``hash``, ``prev``)."""
    from shared.domain import parse_iso

    label = unit_label or (lambda u: u)
    out = []
    for op in ops:
        payload = op.get("payload") or {}
        if units_of is not None:
            units = tuple(label(u) for u in units_of(op))
        else:
            units = tuple(label(str(payload["unit_id"])) for _ in (0,) if payload.get("unit_id"))
        reason = op.get("reason")
        detail = str(payload.get("reason") or payload.get("note") or "")
        if isinstance(reason, Mapping) and reason.get("message"):
            detail = (detail + " " if detail else "") + str(reason.get("message"))
        out.append(
            TimelineEntry(
                when=parse_iso(str(op["created_at"])),
                action=str(op["type"]),
                actor_id=str(op.get("actor", "")),
                actor_name=user_name(str(op.get("actor", ""))),
                device_id=str(op.get("device_id", "")),
                place=place_of(payload),
                units=units,
                state=str(op.get("status") or op.get("state") or ""),
                detail=detail,
                photos=photos_named(payload),
                op_id=str(op.get("op_id", "")),
                seq=int(op.get("seq") or 0),
                op_hash=str(op.get("hash") or ""),
                prev_hash=str(op.get("prev") or ""),
            )
        )
    return out
