"""The scanner-input parser: every label kind from clean and dirty input, and every way to fail."""

from __future__ import annotations

import pytest

from shared.barcodes import (
    BarcodeError,
    Scan,
    ScanKind,
    cell_id,
    expect,
    gs1_check_digit,
    location_id,
    make_badge_label,
    make_cell_label,
    make_document_label,
    make_gtin13,
    make_location_label,
    make_sscc,
    make_unit_label,
    parse,
    render_message,
)
from shared.barcodes.messages import ERROR_CODES

GS = "\x1d"
UNIT = make_unit_label(1234)  # U000000012348
CELL = make_cell_label("PVZ-DEMO-1", 42)  # C-PVZ-DEMO-1-0042
LOCATION = make_location_label("WH-DEMO-1", "A-01-02-3")  # L-WH-DEMO-1A01023
BOX_FWD = make_sscc(12345)
BOX_RET = make_sscc(777, kind_return=True)
BADGE = make_badge_label(4242)
DOCUMENT = make_document_label(31337)
EAN13 = make_gtin13("460123456789")  # 4601234567893
GTIN14 = "0" + EAN13
PICKUP = "WBP1.eyJvIjoiMTIzIn0.Zm9vYmFy-_x"
MARK_SERIAL = "5bW'iT&Kd%p(c"
MARK_KEY = "EE07"
MARK_CRYPTO = "AbCd" * 10 + "+/=9"  # 44 characters
MARKING = f"01{GTIN14}21{MARK_SERIAL}{GS}91{MARK_KEY}{GS}92{MARK_CRYPTO}"


def _err(raw: str | bytes) -> BarcodeError:
    with pytest.raises(BarcodeError) as info:
        parse(raw)
    assert info.value.code in ERROR_CODES
    assert info.value.message
    return info.value


# kind, raw, code, fields
CLEAN = [
    (ScanKind.UNIT, UNIT, UNIT, {"label": UNIT, "serial": "00000001234"}),
    (
        ScanKind.CELL,
        CELL,
        CELL,
        {"site_id": "PVZ-DEMO-1", "number": "0042", "cell_id": "PVZ-DEMO-1:0042"},
    ),
    (
        ScanKind.LOCATION,
        LOCATION,
        LOCATION,
        {"site_id": "WH-DEMO-1", "code": "A-01-02-3", "location_id": "WH-DEMO-1:A-01-02-3"},
    ),
    (ScanKind.BOX, BOX_FWD, BOX_FWD, {"sscc": BOX_FWD, "box_kind": "forward"}),
    (ScanKind.BOX, BOX_RET, BOX_RET, {"sscc": BOX_RET, "box_kind": "return"}),
    (ScanKind.BADGE, BADGE, BADGE, {"number": "000004242"}),
    (ScanKind.DOCUMENT, DOCUMENT, DOCUMENT, {"number": "000031337"}),
    (ScanKind.PRODUCT, EAN13, EAN13, {"gtin": EAN13, "gtin14": GTIN14}),
    (ScanKind.PRODUCT, "46009333", "46009333", {"gtin": "46009333", "gtin14": "00000046009333"}),
    (ScanKind.PRODUCT, "036000291452", "036000291452", {"gtin": "036000291452", "gtin14": "00036000291452"}),
    (
        ScanKind.PRODUCT,
        "14601234567890",
        "14601234567890",
        {"gtin": "14601234567890", "gtin14": "14601234567890"},
    ),
    (ScanKind.PICKUP, PICKUP, PICKUP, {"token": PICKUP[5:]}),
    (
        ScanKind.MARKING,
        MARKING,
        MARKING,
        {"gtin": GTIN14, "gtin14": GTIN14, "serial": MARK_SERIAL, "key": MARK_KEY, "crypto": MARK_CRYPTO},
    ),
]
CLEAN_IDS = [f"{k.value}-{i}" for i, (k, *_rest) in enumerate(CLEAN)]


@pytest.mark.parametrize(("kind", "raw", "code", "fields"), CLEAN, ids=CLEAN_IDS)
def test_every_kind_parses_from_clean_input(
    kind: ScanKind, raw: str, code: str, fields: dict[str, str]
) -> None:
    scan = parse(raw)
    assert scan.kind is kind
    assert scan.code == code
    assert dict(scan.fields) == fields
    assert scan.symbology is None
    assert scan.layout_repaired is False


DIRTY_WRAPS = [
    ("{}\r\n", None),
    ("{}\r", None),
    ("{}\n", None),
    ("{}\t", None),
    ("  {} \x00", None),
    ("\x02{}\x03\r\n", None),
    ("\ufeff{}", None),
    ("]C0{}\r\n", "code128"),
    ("]Q1{}\n", "qr"),
    ("]X0{}", "other"),
]


@pytest.mark.parametrize(("kind", "raw", "code", "fields"), CLEAN, ids=CLEAN_IDS)
@pytest.mark.parametrize(("wrap", "symbology"), DIRTY_WRAPS)
def test_every_kind_parses_from_dirty_input(
    kind: ScanKind, raw: str, code: str, fields: dict[str, str], wrap: str, symbology: str | None
) -> None:
    for dirty in (wrap.format(raw), wrap.format(raw).encode("utf-8")):
        scan = parse(dirty)
        assert (scan.kind, scan.code, dict(scan.fields)) == (kind, code, fields), dirty
        assert scan.symbology == symbology


@pytest.mark.parametrize(
    ("raw", "symbology", "code"),
    [
        ("]E0" + EAN13, "ean13", EAN13),
        ("]E4" + "46009333", "ean8", "46009333"),
        ("]E0" + "0036000291452", "ean13", "0036000291452"),
        ("]C1" + "00" + BOX_FWD, "code128", BOX_FWD),
        ("]C1" + "01" + GTIN14, "code128", "01" + GTIN14),
        ("]d2" + MARKING, "datamatrix", MARKING),
        ("]Q3" + "01" + GTIN14, "qr", "01" + GTIN14),
        ("]C0" + UNIT, "code128", UNIT),
    ],
)
def test_aim_prefixes_name_the_symbology(raw: str, symbology: str, code: str) -> None:
    scan = parse(raw + "\r\n")
    assert scan.symbology == symbology
    assert scan.code == code


def test_sscc_with_ai_00_in_every_spelling() -> None:
    for raw in (
        BOX_RET,
        "00" + BOX_RET,
        "]C100" + BOX_RET + "\r\n",
        GS + "00" + BOX_RET,
        "(00)" + BOX_RET,
    ):
        scan = parse(raw)
        assert scan.kind is ScanKind.BOX
        assert dict(scan.fields) == {"sscc": BOX_RET, "box_kind": "return"}


def test_box_labels_of_other_companies_are_refused() -> None:
    body = "3" + BOX_FWD[1:17]  # extension digit 3 is neither forward nor return

    assert _err(body + gs1_check_digit(body)).code == "foreign_box"
    other = "1" + "4609999" + BOX_FWD[8:17]
    assert _err(other + gs1_check_digit(other)).code == "foreign_box"


MARKING_SPELLINGS = [
    MARKING,
    MARKING.replace(GS, ""),  # GS stripped by the scanner: 91/92 lengths still split it
    MARKING.replace(GS, "<GS>"),
    MARKING.replace(GS, "<gs>"),
    MARKING.replace(GS, "\\x1d"),
    MARKING.replace(GS, "^]"),
    MARKING.replace(GS, "\u241d"),
    GS + MARKING,  # FNC1 in first position sent as GS
    "]d2" + MARKING + "\r\n",
    "]d2" + GS + MARKING.replace(GS, "") + "\n",
    # GS present in one place only
    f"01{GTIN14}21{MARK_SERIAL}{GS}91{MARK_KEY}92{MARK_CRYPTO}",
    f"01{GTIN14}21{MARK_SERIAL}91{MARK_KEY}{GS}92{MARK_CRYPTO}",
    f"(01){GTIN14}(21){MARK_SERIAL}(91){MARK_KEY}(92){MARK_CRYPTO}",
]


@pytest.mark.parametrize("raw", MARKING_SPELLINGS)
def test_marking_code_with_gs_present_absent_or_written_out(raw: str) -> None:
    scan = parse(raw)
    assert scan.kind is ScanKind.MARKING
    assert scan.code == MARKING
    assert dict(scan.fields) == {
        "gtin": GTIN14,
        "gtin14": GTIN14,
        "serial": MARK_SERIAL,
        "key": MARK_KEY,
        "crypto": MARK_CRYPTO,
    }


def test_marking_code_with_88_character_crypto_and_short_serial() -> None:
    crypto = "Zz9+" * 22
    for sep in (GS, ""):
        scan = parse(f"]d201{GTIN14}21ABC123{sep}91ffd0{sep}92{crypto}")
        assert scan.kind is ScanKind.MARKING
        assert scan.fields["serial"] == "ABC123"
        assert scan.fields["key"] == "ffd0"
        assert scan.fields["crypto"] == crypto


def test_short_marking_code_with_ai_93() -> None:
    scan = parse(f"]d201{GTIN14}21ABCDEF{GS}93dGVz")
    assert scan.kind is ScanKind.MARKING
    assert dict(scan.fields) == {
        "gtin": GTIN14,
        "gtin14": GTIN14,
        "serial": "ABCDEF",
        "key": "",
        "crypto": "dGVz",
    }


def test_real_gs1_datamatrix_decoded_by_zxing_parses_as_marking() -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    content = f"[01]{GTIN14}[21]{MARK_SERIAL}[91]{MARK_KEY}[92]{MARK_CRYPTO}"
    symbol = zxingcpp.create_barcode(content, zxingcpp.BarcodeFormat.DataMatrix, gs1=True)
    (found,) = zxingcpp.read_barcodes(symbol.to_image(scale=4), text_mode=zxingcpp.TextMode.Plain)
    scan = parse(found.symbology_identifier + found.text)
    assert scan.kind is ScanKind.MARKING
    assert scan.symbology == "datamatrix"
    assert scan.fields["serial"] == MARK_SERIAL
    assert scan.code == MARKING


def test_incomplete_marking_codes_are_bad_gs1() -> None:
    assert _err(f"]d201{GTIN14}21{MARK_SERIAL}{GS}91{MARK_KEY}").code == "bad_gs1"
    assert _err(f"]d201{GTIN14}21{MARK_SERIAL}{GS}92{MARK_CRYPTO}").code == "bad_gs1"
    assert _err(f"]d201{GTIN14}21{MARK_SERIAL}{GS}91{MARK_KEY}{GS}92{MARK_CRYPTO[:40]}").code == "bad_gs1"


def test_gs1_product_strings_keep_their_application_identifiers() -> None:
    scan = parse(f"]C101{GTIN14}17261231" + f"10LOT-7{GS}21SN1\r\n")
    assert scan.kind is ScanKind.PRODUCT
    assert scan.fields["gtin"] == GTIN14
    assert scan.fields["gtin14"] == GTIN14
    assert scan.fields["17"] == "261231"
    assert scan.fields["10"] == "LOT-7"
    assert scan.fields["21"] == "SN1"
    assert scan.code == f"01{GTIN14}1726123110LOT-7{GS}21SN1"
    # Fixed-length AIs need no GS; the same string typed in brackets gives the same scan.
    again = parse(f"(01){GTIN14}(17)261231(10)LOT-7(21)SN1")
    assert (again.kind, again.code, dict(again.fields)) == (scan.kind, scan.code, dict(scan.fields))
    assert parse("01" + GTIN14).fields["gtin"] == GTIN14


@pytest.mark.parametrize(
    "raw",
    [
        f"]C101{GTIN14}99",  # unknown AI 99 is fine but the value is empty
        f"]C101{GTIN14}17AB1231",  # a date must be digits
        f"]C101{GTIN14[:10]}",  # AI 01 cut short
        f"]C101{GTIN14}10{'X' * 21}",  # batch longer than 20
        f"]C101{GTIN14}10AB{GS}10CD",  # the same AI twice
        f"]C1{GTIN14}",  # no AI at all: '04' is not an AI we know
    ],
)
def test_broken_gs1_data_is_reported_as_bad_gs1(raw: str) -> None:
    assert _err(raw).code == "bad_gs1"


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (EAN13[:-1] + "4", "product"),
        ("46009334", "product"),
        ("036000291453", "product"),
        ("14601234567891", "product"),
        ("01" + GTIN14[:-1] + "0", "product"),
        (BOX_FWD[:-1] + str((int(BOX_FWD[-1]) + 1) % 10), "box"),
        ("00" + BOX_FWD[:-1] + str((int(BOX_FWD[-1]) + 5) % 10), "box"),
        (UNIT[:-1] + "9", "unit"),
        (BADGE[:-1] + str((int(BADGE[-1]) + 1) % 10), "badge"),
        (DOCUMENT[:-1] + str((int(DOCUMENT[-1]) + 1) % 10), "document"),
        (MARKING.replace(GTIN14, GTIN14[:-1] + "0"), "marking"),
    ],
)
def test_every_check_digit_is_checked(raw: str, kind: str) -> None:
    err = _err(raw)
    assert err.code == "bad_check_digit"
    assert err.params["kind"] == kind
    assert "check digit" in err.message


def test_russian_layout_is_repaired_only_into_valid_labels() -> None:
    # 'U000000012348' and 'C-PVZ-DEMO-1-0042' typed with the Russian layout on, and with Caps Lock
    for typed, code in [
        ("Г000000012348", UNIT),
        ("г000000012348", UNIT),
        ("С-ЗМЯ-ВУЬЩ-1-0042", CELL),
        ("с-змя-вуьщ-1-0042", CELL),
        ("Д-ЦР-ВУЬЩ-1-Ф01023", LOCATION),
        ("У0000042420", BADGE),
        ("В0000313377", DOCUMENT),
        ("ЦИЗ1юунОмШощшЬЕШяШт0юЯь9мНьАн-_ч", PICKUP),
        ("циз1ЮУНоМшОЩШьешЯшТ0ЮяЬ9МнЬаН-_Ч", PICKUP),
        ("ъС0Г000000012348\r\n", UNIT),
    ]:
        scan = parse(typed)
        assert scan.code == code, typed
        assert scan.layout_repaired is True
        assert scan.raw == typed


def test_russian_layout_marking_code_with_written_gs() -> None:
    # '^]' typed with the Russian layout arrives as ':ъ'; letters in the serial become Cyrillic
    typed = f"01{GTIN14}21ФИС123:ъ91ЕУ07:ъ92{'Ф' * 44}"
    scan = parse(typed)
    assert scan.kind is ScanKind.MARKING
    assert scan.fields["serial"] == "ABC123"
    assert scan.fields["key"] == "TE07"
    assert scan.layout_repaired is True


def test_text_that_is_valid_as_typed_is_never_repaired() -> None:
    scan = parse(UNIT)
    assert scan.layout_repaired is False
    # Cyrillic that repairs into nothing valid stays an error
    assert _err("Привет").code == "unknown_format"
    # A Russian-typed unit label with a wrong check digit says so, rather than "unknown barcode"
    assert _err("Г000000012345").code == "bad_check_digit"


def test_bytes_that_are_not_utf8_decode_sensibly() -> None:
    scan = parse("Г000000012348\r\n".encode("cp1251"))
    assert scan.code == UNIT
    assert scan.layout_repaired is True
    assert parse(bytearray(UNIT.encode())).code == UNIT
    assert parse(memoryview(CELL.encode())).code == CELL
    for junk in (b"\xff\xfe\x98\x00", b"\x98" * 10, bytes(range(256))):
        _err(junk)


def test_too_long_and_empty_input() -> None:
    assert _err("U" * 513).code == "too_long"
    assert _err(b"1" * 5000).code == "too_long"
    assert _err("1" * 513).params["length"] == "513"
    for empty in ("", "\r\n", " \t ", b"\x00\x00", "]C0", "]C0\r\n", GS, "<GS>"):
        assert _err(empty).code == "empty", repr(empty)


@pytest.mark.parametrize(
    ("raw", "code", "kind"),
    [
        ("hello", "unknown_format", None),
        ("#12345", "unknown_format", None),
        ("X000000012348", "unknown_format", None),
        ("Uranium", "unknown_format", None),
        ("U12345", "malformed", "unit"),
        ("E123", "malformed", "badge"),
        ("D00000000001", "malformed", "document"),
        ("C-PVZ-DEMO-1-42", "malformed", "cell"),
        ("C-PVZ-DEMO-1-0000", "malformed", "cell"),
        ("C-0042", "malformed", "cell"),
        ("C-pvz demo-0042", "malformed", "cell"),
        ("L-WH-DEMO-1-A0102", "malformed", "location"),
        ("L-WH-DEMO-1-101023", "malformed", "location"),
        ("WBP1.", "malformed", "pickup"),
        ("WBP1.bad token!", "malformed", "pickup"),
        ("WBP2.abc", "malformed", "pickup"),
        ("123456", "unknown_format", None),
        ("12345678901234567890123", "unknown_format", None),
    ],
)
def test_malformed_and_unknown_labels(raw: str, code: str, kind: str | None) -> None:
    err = _err(raw)
    assert err.code == code
    if kind:
        assert err.params["kind"] == kind


def test_expect_passes_the_right_kind_and_names_both_kinds_otherwise() -> None:
    unit = parse(UNIT)
    assert expect(unit, ScanKind.UNIT) is unit
    assert expect(unit, ScanKind.CELL, ScanKind.UNIT) is unit
    with pytest.raises(BarcodeError) as info:
        expect(unit, ScanKind.CELL)
    err = info.value
    assert err.code == "wrong_kind"
    assert err.params == {"expected": "cell", "scanned": "unit"}
    assert err.message == "Wrong label: scan a cell label, not a unit label."
    assert render_message(err.code, err.params, "ru") == (
        "Не та этикетка: отсканируйте этикетку ячейки, а не этикетку единицы товара."
    )
    with pytest.raises(BarcodeError) as info:
        expect(parse(EAN13), ScanKind.UNIT, ScanKind.MARKING)
    assert info.value.message == "Wrong label: scan a unit label or a marking code, not a product barcode."
    with pytest.raises(ValueError):
        expect(unit)


def test_fields_give_database_ids_and_cannot_be_changed() -> None:
    cell = parse(CELL)
    assert cell.fields["cell_id"] == cell_id("PVZ-DEMO-1", 42)
    loc = parse(LOCATION)
    assert loc.fields["location_id"] == location_id("WH-DEMO-1", "A-01-02-3")
    with pytest.raises(TypeError):
        cell.fields["cell_id"] = "x"  # type: ignore[index]
    assert isinstance(cell, Scan)
    assert parse(CELL) == cell


def test_labels_are_read_case_insensitively_as_with_caps_lock() -> None:
    assert parse(UNIT.lower()).code == UNIT
    assert parse(CELL.lower()).code == CELL
    assert parse(LOCATION.lower()).code == LOCATION
    scan = parse(PICKUP.swapcase())  # Caps Lock inverts every letter of the signed token
    assert scan.code == PICKUP
    assert scan.layout_repaired is True


def test_parse_refuses_other_types_plainly() -> None:
    with pytest.raises(TypeError):
        parse(12345)  # type: ignore[arg-type]


def test_marking_and_pickup_makers_refuse_bad_parts() -> None:
    from shared.barcodes import make_marking_code, make_pickup_code

    assert make_marking_code(GTIN14, MARK_SERIAL, MARK_KEY, MARK_CRYPTO) == MARKING
    assert make_pickup_code(PICKUP[5:]) == PICKUP
    for args in [
        (GTIN14[:-1] + "0", "A", "EE07", "A" * 44),
        (GTIN14, "", "EE07", "A" * 44),
        (GTIN14, "A" * 21, "EE07", "A" * 44),
        (GTIN14, "A", "EE0", "A" * 44),
        (GTIN14, "A", "EE07", "A" * 45),
        (GTIN14, "Ж", "EE07", "A" * 44),
    ]:
        with pytest.raises(ValueError):
            make_marking_code(*args)
    for token in ("", "a b", "x" * 481, "токен"):
        with pytest.raises(ValueError):
            make_pickup_code(token)


def test_scans_and_errors_survive_pickle_copy_and_hashing() -> None:
    import copy
    import pickle

    scan = parse("]C0" + CELL)
    for clone in (pickle.loads(pickle.dumps(scan)), copy.deepcopy(scan), copy.copy(scan)):
        assert clone == scan
        assert clone.fields["cell_id"] == "PVZ-DEMO-1:0042"
    assert len({scan, parse("]C0" + CELL), parse(UNIT)}) == 2
    err = _err("U000000012345")
    again = pickle.loads(pickle.dumps(err))
    assert (again.code, again.message, dict(again.params)) == (err.code, err.message, dict(err.params))


@pytest.mark.parametrize(("kind", "raw", "code", "fields"), CLEAN, ids=CLEAN_IDS)
@pytest.mark.parametrize("caps_lock", [False, True], ids=["layout", "layout+caps"])
def test_every_kind_survives_the_russian_layout(
    kind: ScanKind, raw: str, code: str, fields: dict[str, str], caps_lock: bool
) -> None:
    from shared.barcodes.layout import to_russian_layout

    typed = to_russian_layout("]C0" + raw, caps_lock=caps_lock) + "\r\n"
    assert typed != "]C0" + raw + "\r\n"  # the AIM prefix at least comes out Cyrillic
    scan = parse(typed)
    assert (scan.kind, scan.code, dict(scan.fields)) == (kind, code, fields)
    assert scan.layout_repaired is True
    assert scan.symbology == "code128"


@pytest.mark.parametrize(
    ("raw", "extra", "code"),
    [
        (  # price (8005) after the crypto tail: 92 is variable-length, so a GS ends it
            f"]d201{GTIN14}21{MARK_SERIAL}{GS}91{MARK_KEY}{GS}92{MARK_CRYPTO}{GS}8005000120",
            {"8005": "000120"},
            f"01{GTIN14}21{MARK_SERIAL}{GS}91{MARK_KEY}{GS}92{MARK_CRYPTO}{GS}8005000120",
        ),
        (  # weight (3103, fixed length: no GS after it) between the serial and the key
            f"]d201{GTIN14}21{MARK_SERIAL}{GS}310300075091{MARK_KEY}{GS}92{MARK_CRYPTO}",
            {"3103": "000750"},
            f"01{GTIN14}21{MARK_SERIAL}{GS}310300075091{MARK_KEY}{GS}92{MARK_CRYPTO}",
        ),
        (  # the short form with a weight
            f"]d201{GTIN14}21ABCDEF{GS}93dGVz{GS}3103000750",
            {"3103": "000750"},
            f"01{GTIN14}21ABCDEF{GS}93dGVz{GS}3103000750",
        ),
    ],
)
def test_marking_code_keeps_every_extra_element(raw: str, extra: dict[str, str], code: str) -> None:
    scan = parse(raw)
    assert scan.kind is ScanKind.MARKING
    assert scan.code == code  # nothing dropped: the code is what the symbol holds
    for ai, value in extra.items():
        assert scan.fields[ai] == value
    assert scan.fields["gtin"] == GTIN14
    assert scan.fields["serial"] in (MARK_SERIAL, "ABCDEF")
    # the same text without AIM prefix or in brackets reads the same
    assert parse(code).code == code


@pytest.mark.parametrize(
    "raw",
    [
        f"01{GTIN14}21ABCDEF93dGVz",  # GS stripped by the scanner
        f"]d201{GTIN14}21ABCDEF93dGVz\r",
        f"{GS}01{GTIN14}21ABCDEF93dGVz",
        f"01{GTIN14}21ABCDEF<GS>93dGVz",
    ],
)
def test_short_marking_code_without_gs_is_a_marking_code_not_a_product(raw: str) -> None:
    scan = parse(raw)
    assert scan.kind is ScanKind.MARKING
    assert scan.code == f"01{GTIN14}21ABCDEF{GS}93dGVz"
    assert (scan.fields["serial"], scan.fields["key"], scan.fields["crypto"]) == ("ABCDEF", "", "dGVz")


def test_location_labels_in_the_older_form_read_as_the_same_location() -> None:
    assert LOCATION == "L-WH-DEMO-1A01023"  # compact: one Code 128 symbol less than the older form
    old, new = parse("L-WH-DEMO-1-A01023\r"), parse(LOCATION)
    assert old.kind is new.kind is ScanKind.LOCATION
    assert old.code == new.code == LOCATION
    assert (
        dict(old.fields)
        == dict(new.fields)
        == {
            "site_id": "WH-DEMO-1",
            "code": "A-01-02-3",
            "location_id": "WH-DEMO-1:A-01-02-3",
        }
    )
    assert parse("L-WH-1Z99999").fields["location_id"] == "WH-1:Z-99-99-9"
    for bad in ("L-A01023", "L--A01023", "L-WH-A0102", "L-WH--A01023", "L-WH-DEMO-1-a01023x"):
        assert _err(bad).code == "malformed", bad
