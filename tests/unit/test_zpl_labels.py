"""The ZPL label builder: dots per dpi, every field inside the label, check digits, GS1-128 with FNC1, escaping."""

from datetime import date

import pytest

from tests.zpl_helpers import code128_symbols, code128_text, parse_zpl
from webapp.domain.barcodes import parse_code
from webapp.domain.gtin import gtin_check_digit
from webapp.domain.zpl import Bitmap, Box, Label, LabelDoesNotFit, LabelSize, dots, field_data
from webapp.domain.zpl_barcodes import gs1_128_data, gs1_case, qr_modules
from webapp.domain.zpl_labels import BinLabel, CaseLabel, ItemLabel, TextStyle, bin_label, case_label, item_label

TEA = ItemLabel("伊右衛門 緑茶 525ml ペットボトル", "TEA-525", "4901234567894", "¥128")
FONT = TextStyle()


def _drawn(text: str, width: int, height: int, lines: int, align: str = "L") -> Bitmap:
    """A stand-in drawing of exactly the asked size (the real one is tests/services/labels)."""
    width -= width % 8
    return Bitmap(width, height * lines, tuple(b"\xff" * (width // 8) for _ in range(height * lines)))


def test_millimetres_become_8_dots_at_203_dpi_and_11_81_at_300():
    assert dots(50, 203) == 400
    assert dots(30, 203) == 240
    assert dots(50, 300) == 590  # 590.5 rounds to even
    assert dots(100, 300) == 1181
    assert LabelSize(50, 30, 300).height == 354


@pytest.mark.parametrize("dpi", [203, 300])
def test_an_item_label_sets_its_size_and_keeps_every_field_on_the_label(dpi):
    [label] = parse_zpl(item_label(LabelSize(50, 30, dpi), FONT, TEA).zpl(3))
    assert (label.width, label.length, label.copies, label.utf8) == (dots(50, dpi), dots(30, dpi), 3, True)
    assert label.outside() == []
    [ean] = label.of("ean13")
    assert ean.data == "490123456789"  # the printer adds the check digit
    assert f"{ean.data}{gtin_check_digit(ean.data)}" == "4901234567894"
    assert [f.data for f in label.of("text")][:1] == ["伊右衛門 緑茶 525ml ペットボトル"]


def test_an_item_label_refuses_a_jan_whose_check_digit_is_wrong():
    with pytest.raises(ValueError, match="check digit"):
        item_label(LabelSize(50, 30, 203), FONT, ItemLabel("緑茶", "TEA-525", "4901234567895"))


def test_an_item_without_a_jan_gets_its_code_as_code_128():
    [label] = parse_zpl(item_label(LabelSize(50, 30, 203), FONT, ItemLabel("手作り石鹸", "SOAP-01")).zpl())
    [bars] = label.of("code128")
    assert code128_text(bars.data) == "SOAP-01"
    assert label.outside() == []


@pytest.mark.parametrize("dpi", [203, 300])
def test_a_bin_label_has_the_code_as_code_128_and_qr_inside_the_label(dpi):
    [label] = parse_zpl(bin_label(LabelSize(50, 30, dpi), FONT, BinLabel("A-01-03", "飲料 棚A 1段目")).zpl())
    [bars], [qr] = label.of("code128"), label.of("qr")
    assert code128_text(bars.data) == "A-01-03"
    assert qr.data == "MA,A-01-03"  # error correction M, automatic input mode
    assert label.outside() == []


def test_a_case_label_is_gs1_128_with_fnc1_first_gtin_14_expiry_and_lot_last():
    case = CaseLabel("伊右衛門 緑茶 525ml", 24, gs1_case("14901234567891", date(2027, 12, 31), "L2407A"))
    [label] = parse_zpl(case_label(LabelSize(100, 50, 203), FONT, case).zpl())
    [bars] = label.of("code128")
    assert bars.data == ">;>801149012345678911727123110>6L2407A"
    element = code128_text(bars.data)
    assert element == "]C101149012345678911727123110L2407A"
    scanned = parse_code(element)  # as the app's own scanning reads it
    assert (scanned.gtin, scanned.expiry, scanned.lot) == ("14901234567891", date(2027, 12, 31), "L2407A")
    assert "(01)14901234567891(17)271231(10)L2407A" in [f.data for f in label.of("text")]
    assert label.outside() == []


def test_a_case_jan_of_13_digits_becomes_its_gtin_14_with_a_leading_zero():
    assert gs1_case("4901234567894").gtin14 == "04901234567894"
    data, symbols = gs1_128_data(gs1_case("4901234567894"))
    assert data == ">;>80104901234567894" and symbols == 1 + 8
    assert code128_symbols(data)[1] == 9


def test_a_lot_outside_the_gs1_characters_is_refused():
    with pytest.raises(ValueError, match="lot"):
        gs1_case("14901234567891", lot="ロット1")
    with pytest.raises(ValueError, match="lot"):
        gs1_case("14901234567891", lot="L" * 21)


def test_a_case_label_on_a_50_mm_label_is_refused_saying_how_wide_it_must_be():
    case = CaseLabel("緑茶", 24, gs1_case("14901234567891", date(2027, 12, 31), "L2407A"))
    with pytest.raises(LabelDoesNotFit) as refused:
        case_label(LabelSize(50, 30, 203), FONT, case)
    assert refused.value.label_mm == (50, 30)
    assert refused.value.needed_mm[0] > 50
    assert "does not fit on a 50 x 30 mm label" in str(refused.value)


def test_a_label_too_short_for_its_bars_is_refused():
    with pytest.raises(LabelDoesNotFit, match="item label"):
        item_label(LabelSize(50, 15, 203), FONT, TEA)


def test_a_field_placed_off_the_label_is_refused():
    label = Label(LabelSize(50, 30, 203), "test label")
    with pytest.raises(LabelDoesNotFit):
        label.text(Box(380, 10, 40, 20), "X", 20)  # 380 + 40 > 400 dots
    assert label.commands == []


def test_carets_tildes_and_underscores_in_data_are_hex_escaped():
    assert field_data("A^B~C_D") == "^FH_^FDA_5EB_7EC_5FD"
    assert field_data("改行\nなし") == "^FH_^FD改行_0Aなし"
    zpl = bin_label(LabelSize(50, 30, 203), FONT, BinLabel("X^XZ~JR_1>2", "")).zpl()
    assert zpl.count("^XZ") == 1 and "~JR" not in zpl  # the code cannot end the label or reset the printer
    [label] = parse_zpl(zpl)
    [bars] = label.of("code128")
    assert code128_text(bars.data) == "X^XZ~JR_1>2"
    assert label.of("qr")[0].data == "MA,X^XZ~JR_1>2"


def test_copies_are_bounded():
    label = item_label(LabelSize(50, 30, 203), FONT, TEA)
    assert parse_zpl(label.zpl(100))[0].copies == 100
    with pytest.raises(ValueError):
        label.zpl(101)
    with pytest.raises(ValueError):
        label.zpl(0)


def test_graphic_text_mode_sends_the_name_as_a_bitmap_of_the_text_box():
    style = TextStyle(mode="graphic", draw=_drawn)
    [label] = parse_zpl(item_label(LabelSize(50, 30, 300), style, TEA).zpl())
    [name, price] = label.of("graphic")
    assert name.width % 8 == 0 and name.width <= dots(47, 300)
    assert len(name.data) == 2 * int(name.params[1])  # hex: two characters a byte
    assert "伊右衛門" not in "".join(f.data for f in label.of("text"))
    assert label.outside() == []
    assert price.x > name.x


def test_qr_size_grows_with_the_code():
    assert qr_modules("A-01") == 21
    assert qr_modules("A" * 20) == 25


def test_font_mode_names_the_printers_configured_unicode_font():
    style = TextStyle(mode="font", font="E:NOTOSANSJP.TTF")
    zpl = item_label(LabelSize(50, 30, 203), style, TEA).zpl()
    assert "^FO12,12^A@N,30,30,E:NOTOSANSJP.TTF^FB376,2,0,L,0^FH_^FD伊右衛門 緑茶 525ml ペットボトル^FS" in zpl
    assert zpl.startswith("^XA^CI28^PW400^LL240")
