import dataclasses
from datetime import date

import pytest

from webapp.domain.barcodes import (
    MalformedCode,
    ParsedCode,
    barcode_key,
    expand_upce,
    gtin_check_digit,
    is_valid_gtin,
    normalise_symbology,
    parse_code,
    to_gtin14,
)

JAN = "4901234567894"
JAN14 = "04901234567894"
CASE_GTIN = "14901234567891"  # the case of 12 that holds JAN
GS = "\x1d"


def malformed(code, symbology=None):
    with pytest.raises(MalformedCode) as caught:
        parse_code(code, symbology)
    return caught.value


# --- GS1 arithmetic -------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "digit"),
    [
        ("490123456789", 4),
        ("454929212345", 6),
        ("4912345", 6),
        ("03600029145", 2),
        ("1490123456789", 1),
        ("04210000526", 4),
        ("34901234000000001", 9),
    ],
)
def test_check_digit_is_gs1_mod_10_for_any_length(body, digit):
    assert gtin_check_digit(body) == digit


@pytest.mark.parametrize("body", ["", "49012345678X", "４９０１"])
def test_check_digit_needs_ascii_digits(body):
    with pytest.raises(MalformedCode):
        gtin_check_digit(body)


@pytest.mark.parametrize("code", [JAN, "4549292123456", "49123456", "036000291452", CASE_GTIN])
def test_gtins_of_8_12_13_and_14_digits_with_correct_check_digits_are_valid(code):
    assert is_valid_gtin(code)


@pytest.mark.parametrize("code", ["4901234567893", "4901234567", "490123456789A", "４９０１２３４５６７８９４"])
def test_wrong_check_digits_lengths_and_characters_are_not_valid_gtins(code):
    assert not is_valid_gtin(code)


def test_to_gtin14_zero_pads_and_rejects_a_misread():
    assert to_gtin14("49123456") == "00000049123456"
    assert to_gtin14(CASE_GTIN) == CASE_GTIN
    assert malformed_of(to_gtin14, "4901234567893").code == "bad_check_digit"
    assert malformed_of(to_gtin14, "12345").code == "bad_gtin"


def malformed_of(function, code):
    with pytest.raises(MalformedCode) as caught:
        function(code)
    return caught.value


@pytest.mark.parametrize(
    ("upc_e", "upc_a"),
    [
        ("04252614", "042100005264"),
        ("01234505", "012000003455"),
        ("01234531", "012300000451"),
        ("01234543", "012340000053"),
        ("01234565", "012345000065"),
        ("425261", "042100005264"),
        ("0425261", "042100005264"),
        ("1234565", "123456000056"),
    ],
)
def test_upc_e_expands_to_upc_a_for_every_last_digit_rule(upc_e, upc_a):
    assert expand_upce(upc_e) == upc_a
    assert is_valid_gtin(upc_a)


@pytest.mark.parametrize(
    ("code", "reason"),
    [("04252615", "bad_check_digit"), ("24252614", "bad_upce"), ("42526", "bad_upce"), ("04252A14", "bad_upce")],
)
def test_upc_e_rejects_wrong_check_digit_number_system_and_length(code, reason):
    assert malformed_of(expand_upce, code).code == reason


# --- plain GTINs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "gtin14"),
    [
        (JAN, JAN14),
        ("4549292123456", "04549292123456"),
        ("036000291452", "00036000291452"),
        ("49123456", "00000049123456"),
        (CASE_GTIN, CASE_GTIN),
    ],
)
def test_jan_upc_a_ean_8_and_itf_14_are_gtins_keyed_by_gtin_14(code, gtin14):
    parsed = parse_code(code)
    assert parsed == ParsedCode(raw=code, kind="gtin", candidates=(gtin14,), gtin=gtin14)


@pytest.mark.parametrize("code", ["4901234567893", "036000291453", CASE_GTIN[:-1] + "2", "49123457"])
def test_a_gtin_with_a_wrong_check_digit_is_a_misread_not_a_scan(code):
    error = malformed(code)
    assert error.code == "bad_check_digit"
    assert "check digit" in str(error).lower()


def test_an_8_digit_code_valid_as_both_ean_8_and_upc_e_offers_the_upc_a_second():
    assert parse_code("01234565").candidates == ("00000001234565", "00012345000065")
    assert parse_code("01234565").gtin == "00000001234565"


def test_an_8_digit_code_that_is_only_a_valid_upc_e_is_expanded():
    parsed = parse_code("04252614")
    assert (parsed.gtin, parsed.candidates) == ("00042100005264", ("00042100005264",))


def test_a_scanner_saying_upc_e_forces_the_expansion():
    parsed = parse_code("01234565", symbology="UPC_E")
    assert parsed.candidates == ("00012345000065",)
    assert parsed.symbology == "upc_e"
    assert malformed("04252615", "upc_e").code == "bad_check_digit"


def test_a_scanner_saying_ean_8_gets_no_upc_e_guess():
    assert parse_code("01234565", symbology="ean_8").candidates == ("00000001234565",)
    assert malformed("04252614", "ean_8").code == "bad_check_digit"


@pytest.mark.parametrize("code", ["425261", "0425261"])
def test_short_upc_e_without_check_digit_is_read_only_when_the_scanner_says_upc_e(code):
    assert parse_code(code, "upc_e").gtin == "00042100005264"
    assert parse_code(code).kind == "text"


@pytest.mark.parametrize("code", ["10234", "4901234567", "123456789012345"])
def test_numbers_of_other_lengths_are_internal_codes_not_errors(code):
    assert parse_code(code) == ParsedCode(raw=code, kind="text", candidates=(code,))


def test_ean_13_symbology_identifier_is_stripped_and_named():
    parsed = parse_code("]E0" + JAN)
    assert (parsed.kind, parsed.gtin, parsed.symbology, parsed.raw) == ("gtin", JAN14, "ean13", "]E0" + JAN)
    assert parse_code("]E449123456").symbology == "ean8"
    assert parse_code("]I1" + CASE_GTIN).symbology == "itf14"


@pytest.mark.parametrize("add_on", ["12", "01500"])
def test_an_ean_13_add_on_is_ignored_for_lookup(add_on):
    assert parse_code("]E3" + JAN + add_on).candidates == (JAN14,)


# --- wedge scanners and typed entry -------------------------------------------------


@pytest.mark.parametrize("typed", [JAN + "\r\n", f"  {JAN}\n", f"\t{JAN}\t", f"\u3000{JAN}\r"])
def test_whitespace_and_enter_from_a_wedge_scanner_are_stripped(typed):
    parsed = parse_code(typed)
    assert (parsed.raw, parsed.gtin) == (JAN, JAN14)


def test_full_width_digits_typed_with_a_japanese_ime_are_read_as_a_jan():
    assert parse_code("４９０１２３４５６７８９４").candidates == (JAN14,)


@pytest.mark.parametrize("code", ["", "   ", "\r\n", "]C1", "]C1" + GS])
def test_an_empty_code_is_malformed(code):
    assert malformed(code).code == "empty"


def test_a_code_over_2000_characters_is_too_long():
    assert parse_code("A" * 2000).kind == "text"
    assert malformed("A" * 2001).code == "too_long"


@pytest.mark.parametrize("code", ["4901234\x00567894", "A-01\x0b-02", "A-01\x1c02", "RETRO\x7fCLOCK", "A\x85B"])
def test_control_characters_other_than_the_gs1_separator_and_line_breaks_are_rejected(code):
    assert malformed(code).code == "bad_characters"


# --- GS1 element strings --------------------------------------------------------


def test_gs1_128_with_separators_gives_gtin_lot_and_expiry():
    parsed = parse_code(f"]C101{JAN14}10LOT-2405A{GS}17271231{GS}21SN0001")
    assert parsed.kind == "gs1"
    assert parsed.candidates == (JAN14,)
    assert (parsed.gtin, parsed.lot, parsed.expiry, parsed.serial) == (JAN14, "LOT-2405A", date(2027, 12, 31), "SN0001")
    assert parsed.symbology == "gs1_128"


def test_expiry_day_00_means_the_last_day_of_the_month():
    assert parse_code(f"]C101{JAN14}17280200").expiry == date(2028, 2, 29)
    assert parse_code(f"]C101{JAN14}17270400").expiry == date(2027, 4, 30)


@pytest.mark.parametrize("expiry", ["270230", "271301", "2712"])
def test_an_impossible_expiry_date_is_malformed(expiry):
    assert malformed(f"]C101{JAN14}17{expiry}").code == "bad_gs1"


def test_gs1_datamatrix_carries_lot_expiry_and_serial():
    parsed = parse_code(f"]d201{JAN14}1726093010B2406{GS}21000123")
    assert (parsed.kind, parsed.symbology) == ("gs1", "datamatrix")
    assert (parsed.lot, parsed.expiry, parsed.serial) == ("B2406", date(2026, 9, 30), "000123")


def test_gs1_qr_and_gs1_databar_identifiers_mean_gs1():
    assert parse_code(f"]Q301{JAN14}10Q1").symbology == "qr"
    assert parse_code(f"]e001{JAN14}").candidates == (JAN14,)
    assert parse_code(f"]e001{JAN14}").symbology == "gs1_databar"


def test_a_leading_fnc1_sent_as_gs_marks_a_gs1_string():
    parsed = parse_code(f"{GS}01{JAN14}10LOT1{GS}17271231")
    assert (parsed.kind, parsed.lot, parsed.raw[0]) == ("gs1", "LOT1", GS)


def test_gs1_128_without_identifier_is_recognised_by_its_gtin_element():
    assert parse_code(f"01{JAN14}17271231").expiry == date(2027, 12, 31)
    assert parse_code(f"01{JAN14}10LOT1").lot == "LOT1"
    assert malformed(f"01{JAN14[:-1]}317271231").code == "bad_check_digit"


def test_a_long_number_starting_01_that_is_not_gs1_stays_text():
    assert parse_code(f"01{JAN14}ZZ-9").kind == "text"


def test_human_readable_form_with_parentheses_is_parsed():
    parsed = parse_code(f"(01){JAN14}(10)LOT1(17)271231")
    assert (parsed.kind, parsed.gtin, parsed.lot, parsed.expiry) == ("gs1", JAN14, "LOT1", date(2027, 12, 31))
    assert parse_code(f"(01) {JAN14} (10) LOT1").lot == "LOT1"


def test_count_of_trade_items_on_a_case_pallet_label_is_read():
    sscc = "349012340000000012"
    parsed = parse_code(f"]C100{sscc}02{CASE_GTIN}37{'12'}")
    assert (parsed.gtin, parsed.count, parsed.candidates) == (CASE_GTIN, 12, (CASE_GTIN,))


def test_variable_count_ai_30_is_read():
    assert parse_code(f"(01){JAN14}(30)24").count == 24


def test_a_gs1_string_without_gtin_is_keyed_by_its_human_readable_form():
    parsed = parse_code("]C100349012340000000012")
    assert (parsed.kind, parsed.gtin, parsed.candidates) == ("gs1", None, ("(00)349012340000000012",))


@pytest.mark.parametrize("code", [f"]C101{JAN14[:-1]}3", f"(01){JAN14[:-1]}3", f"]d201{CASE_GTIN[:-1]}2{GS}10X"])
def test_a_gs1_string_whose_gtin_check_digit_is_wrong_is_a_misread(code):
    assert malformed(code).code == "bad_check_digit"


@pytest.mark.parametrize(
    "code", ["]C10104901234567", "]C1RETRO-CLOCK", "(01)123", "(01)" + JAN14 + "(9999)X", f"RETRO{GS}CLOCK"]
)
def test_a_broken_gs1_string_is_malformed(code):
    error = malformed(code)
    assert error.code == "bad_gs1"
    assert str(error)


# --- GS1 Digital Link ---------------------------------------------------------------


def test_a_gs1_digital_link_uri_gives_gtin_lot_and_expiry():
    parsed = parse_code(f"https://id.gs1.org/01/{JAN14}/10/LOT1?17=271231")
    assert (parsed.kind, parsed.candidates, parsed.lot, parsed.expiry) == ("gs1", (JAN14,), "LOT1", date(2027, 12, 31))


def test_a_digital_link_on_any_domain_with_a_short_gtin_is_padded():
    assert parse_code(f"https://shop.example.jp/products/01/{JAN}").gtin == JAN14


def test_a_digital_link_with_a_wrong_gtin_check_digit_is_a_misread():
    assert malformed(f"https://id.gs1.org/01/{JAN14[:-1]}3").code == "bad_check_digit"


def test_a_broken_digital_link_is_malformed():
    assert malformed(f"https://id.gs1.org/01/{JAN14}/10").code == "bad_gs1"


@pytest.mark.parametrize(
    "url", ["https://example.com/menu", "https://blog.example.com/2024/01/hello", "http://example.jp/414/4901234000007"]
)
def test_an_ordinary_web_address_in_a_qr_code_is_text(url):
    assert parse_code(url) == ParsedCode(raw=url, kind="text", candidates=(url,))


# --- text -------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["A-01-02", "RETRO-CLOCK", "倉庫A 棚3 在庫確認", "(SAMPLE)", "]ABC", "]X0ABC"])
def test_location_codes_internal_codes_and_japanese_qr_text_are_text(code):
    assert parse_code(code) == ParsedCode(raw=code, kind="text", candidates=(code,))


def test_a_code_39_location_label_loses_its_identifier_and_keeps_any_check_character():
    parsed = parse_code("]A0A-01-02\r\n")
    assert (parsed.kind, parsed.candidates, parsed.symbology) == ("text", ("A-01-02",), "code39")
    assert parse_code("A-01-02X", "code_39").candidates == ("A-01-02X",)  # mod-43 not enforced


def test_code_128_and_qr_identifiers_name_the_symbology_of_text():
    assert parse_code("]C0RETRO-CLOCK").symbology == "code128"
    assert parse_code("]Q1棚A-01").candidates == ("棚A-01",)


def test_the_symbology_identifier_wins_over_the_callers_guess():
    assert parse_code("]C0RETRO-CLOCK", "qr_code").symbology == "code128"


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("EAN_13", "ean13"),
        ("ean-8", "ean8"),
        ("upc_a", "upc_a"),
        ("UPCE", "upc_e"),
        ("Code 128", "code128"),
        ("code_39", "code39"),
        ("itf", "itf"),
        ("ITF-14", "itf14"),
        ("GS1-128", "gs1_128"),
        ("data_matrix", "datamatrix"),
        ("qr_code", "qr"),
        ("pdf417", "pdf417"),
        ("Micro QR", "micro_qr"),
        (None, None),
        ("  ", None),
    ],
)
def test_symbology_names_from_barcodedetector_zxing_and_people_are_normalised(given, normal):
    assert normalise_symbology(given) == normal


# --- the registration key -----------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        JAN,
        JAN14,
        f"]E0{JAN}",
        f"]C101{JAN14}10LOT1",
        f"(01){JAN14}(17)271231",
        f"https://id.gs1.org/01/{JAN14}",
        f" {JAN}\r\n",
    ],
)
def test_every_way_of_writing_one_product_has_the_same_key(code):
    assert barcode_key(code) == JAN14


def test_barcode_key_of_text_is_the_text_and_of_a_misread_is_an_error():
    assert barcode_key(" A-01-02 ") == "A-01-02"
    assert barcode_key("01234565", "upc_e") == "00012345000065"
    with pytest.raises(MalformedCode):
        barcode_key("4901234567893")


def test_malformed_code_is_a_value_error_with_a_machine_code_and_message():
    error = malformed("")
    assert isinstance(error, ValueError)
    assert (error.code, error.message) == ("empty", str(error))


def test_a_parsed_code_cannot_be_changed():
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse_code(JAN).gtin = None  # type: ignore[misc]


def test_a_upc_a_reported_as_upc_e_by_the_camera_is_taken_as_it_is():
    assert parse_code("042100005264", "upc_e").candidates == ("00042100005264",)
