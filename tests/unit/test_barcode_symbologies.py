"""The detector's format decides a code's check, not its length; long 2D text is accepted up to MAX_LENGTH."""

import pytest

from webapp.domain.barcodes import KEY_LENGTH, MAX_LENGTH, MalformedCode, normalise_symbology, parse_code

DELIVERY_NOTE = "佐川急便 お問い合せ番号 1234-5678-9012\n大阪府大阪市北区梅田1-1-1\n株式会社たなおろし 御中"


def test_a_code_128_of_eight_digits_is_text_not_a_misread_ean_8():
    parsed = parse_code("15182881", "code_128")
    assert parsed.kind == "text" and parsed.candidates == ("15182881",)


def test_the_same_eight_digits_typed_with_no_format_are_still_judged_as_an_ean_8():
    with pytest.raises(MalformedCode):
        parse_code("15182881")


def test_an_ean_8_with_a_wrong_check_digit_is_refused_and_a_right_one_read():
    with pytest.raises(MalformedCode) as caught:
        parse_code("96385075", "ean_8")
    assert caught.value.code == "bad_check_digit"
    assert parse_code("96385074", "ean_8").gtin == "00000096385074"


def test_a_jan_printed_as_code_128_still_finds_the_item_by_its_gtin():
    assert parse_code("4901234567894", "code_128").candidates == ("04901234567894",)


def test_an_itf_14_on_a_carton_keeps_its_check_digit():
    assert parse_code("14901234567891", "itf").gtin == "14901234567891"
    with pytest.raises(MalformedCode):
        parse_code("14901234567890", "itf")


def test_codabar_loses_its_start_and_stop_characters():
    parsed = parse_code("A40156B", "codabar")
    assert parsed.kind == "text" and parsed.candidates == ("40156",) and parsed.symbology == "codabar"


def test_gs1_databar_expanded_gives_the_gtin_lot_and_expiry():
    parsed = parse_code("(01)04901234567894(17)271231(10)LOT42A", "databar_expanded")
    assert (parsed.gtin, parsed.lot, parsed.expiry.isoformat()) == ("04901234567894", "LOT42A", "2027-12-31")
    assert parsed.symbology == "gs1_databar"


def test_a_pdf417_delivery_note_with_line_breaks_is_text():
    parsed = parse_code(DELIVERY_NOTE, "pdf417")
    assert parsed.kind == "text" and parsed.candidates == (DELIVERY_NOTE,)


def test_qr_text_up_to_the_limit_is_accepted_and_keyed_within_the_key_column():
    long_text = ((DELIVERY_NOTE + "\n") * 40)[: MAX_LENGTH - 1] + "終"
    assert len(long_text) == MAX_LENGTH
    parsed = parse_code(long_text, "qr_code")
    assert parsed.raw == long_text and len(parsed.candidates[0]) <= KEY_LENGTH
    other = parse_code(long_text[:-1] + "始", "qr_code")
    assert other.candidates[0] != parsed.candidates[0]  # same start, different text: different keys
    with pytest.raises(MalformedCode) as caught:
        parse_code(long_text + "x", "qr_code")
    assert caught.value.code == "too_long"


def test_control_characters_other_than_line_breaks_are_still_refused():
    with pytest.raises(MalformedCode):
        parse_code("ABC\x07DEF", "qr_code")


@pytest.mark.parametrize(
    "spelling, name",
    [("codabar", "codabar"), ("NW-7", "codabar"), ("pdf417", "pdf417"), ("databar_expanded", "gs1_databar")],
)
def test_detector_format_names_are_understood(spelling, name):
    assert normalise_symbology(spelling) == name
