"""Framing and debounce logic with explicit times (the serial tests run the same code on a pty)."""

from __future__ import annotations

import pytest

from shared.domain.clock import ManualClock
from shared.scanning import Debouncer, Framer, ScanEvent, wire_time_s
from shared.scanning.events import FaultKind
from shared.scanning.framing import Fault, Frame


def texts(items: list[Frame | Fault]) -> list[str]:
    return [i.text for i in items if isinstance(i, Frame)]


def faults(items: list[Frame | Fault]) -> list[FaultKind]:
    return [i.kind for i in items if isinstance(i, Fault)]


def test_frame_split_across_many_feeds_is_one_scan() -> None:
    f = Framer(suffix=b"\r")
    out: list[Frame | Fault] = []
    for i, ch in enumerate(b"U0000000000017\r"):
        out += f.feed(bytes([ch]), 1.0 + i * 0.001)
    assert texts(out) == ["U0000000000017"]
    assert not f.pending


def test_suffix_split_between_feeds_with_crlf() -> None:
    f = Framer(suffix=b"\r\n")
    out = f.feed(b"ABC123\r", 1.0) + f.feed(b"\nDEF456\r\n", 1.001)
    assert texts(out) == ["ABC123", "DEF456"]


def test_several_frames_in_one_feed_keep_order() -> None:
    f = Framer()
    out = f.feed(b"first\rsecond\rthird\r", 1.0)
    assert texts(out) == ["first", "second", "third"]


def test_gs_is_kept_and_other_control_bytes_dropped() -> None:
    f = Framer()
    out = f.feed(b"\x00\x00]d2010460123456789321abc\x1d91EE06\x0792x\r", 1.0)
    assert texts(out) == ["]d2010460123456789321abc\x1d91EE06\x0792x".replace("\x07", "")]
    frame = out[0]
    assert isinstance(frame, Frame) and b"\x1d" in frame.raw


def test_garbage_is_a_fault_and_the_next_scan_still_works() -> None:
    f = Framer()
    out = f.feed(b"\xff\xfe\x81\x80\r", 1.0) + f.feed(b"U0000000000017\r", 1.1)
    assert faults(out) == [FaultKind.GARBLED]
    assert texts(out) == ["U0000000000017"]


def test_overlong_line_is_one_fault_then_resyncs_at_the_next_suffix() -> None:
    f = Framer(max_length=64)
    out = f.feed(b"X" * 50, 1.0) + f.feed(b"Y" * 50, 1.01) + f.feed(b"Z" * 500, 1.02)
    assert faults(out) == [FaultKind.TOO_LONG]
    out = f.feed(b"tail\rgood-code\r", 1.03)
    assert faults(out) == [] and texts(out) == ["good-code"]


def test_overlong_line_within_one_feed() -> None:
    f = Framer(max_length=16)
    out = f.feed(b"A" * 40 + b"\rOK-CODE\r", 1.0)
    assert faults(out) == [FaultKind.TOO_LONG]
    assert texts(out) == ["OK-CODE"]


def test_timeout_framing_without_suffix() -> None:
    f = Framer(suffix=None, inter_byte_timeout=0.05)
    assert f.feed(b"ABC", 1.0) == []
    assert f.feed(b"DEF", 1.02) == []  # within the gap: same frame
    assert f.poll(1.06) == []  # 40 ms after the last byte: not yet
    assert texts(f.poll(1.071)) == ["ABCDEF"]
    # a pause before new data ends the previous frame first
    f.feed(b"one", 2.0)
    out = f.feed(b"two", 2.5)
    assert texts(out) == ["one"]
    assert texts(f.poll(3.0)) == ["two"]


def test_partial_frame_without_suffix_is_dropped_with_advice() -> None:
    f = Framer(suffix=b"\r", incomplete_timeout=1.0)
    f.feed(b"U00000", 5.0)
    assert f.poll(5.5) == []
    out = f.poll(6.01)
    assert faults(out) == [FaultKind.INCOMPLETE]
    assert isinstance(out[0], Fault) and "suffix" in out[0].message
    assert texts(f.feed(b"NEXT-1\r", 7.0)) == ["NEXT-1"]


def test_cyrillic_utf8_frame() -> None:
    assert texts(Framer().feed("Г0000000000017\r".encode(), 1.0)) == ["Г0000000000017"]


def test_empty_frames_are_skipped() -> None:
    assert Framer().feed(b"\r\r\n\r", 1.0) == []


def test_no_suffix_needs_timeout() -> None:
    with pytest.raises(ValueError):
        Framer(suffix=None, inter_byte_timeout=None)


def test_wire_time_at_9600_is_about_a_millisecond_a_byte() -> None:
    assert wire_time_s(15, 9600) == pytest.approx(0.015625)


def ev(text: str, t: float) -> ScanEvent:
    return ScanEvent(text.encode(), text, None, "test", t)


def test_debouncer_ignores_repeats_inside_the_window_only() -> None:
    d = Debouncer(window_s=0.5)
    assert d.accept(ev("A", 1.0)) is True
    assert d.accept(ev("A", 1.2)) is False  # bounce
    assert d.accept(ev("A", 1.6)) is False  # still re-reading: 0.4 s after the last sighting
    assert d.accept(ev("A", 2.2)) is True  # a deliberate second scan after a pause
    assert d.accept(ev("B", 2.3)) is True
    assert d.accept(ev("A", 2.4)) is True  # A, B, A: three different scans


def test_debouncer_with_clock_and_zero_window() -> None:
    clock = ManualClock()
    d = Debouncer(window_s=0.3, clock=clock)
    assert d.accept_text("X")
    clock.advance(0.1)
    assert not d.accept_text("X")
    clock.advance(0.31)
    assert d.accept_text("X")
    z = Debouncer(window_s=0)
    assert z.accept(ev("A", 1.0)) and z.accept(ev("A", 1.0))
