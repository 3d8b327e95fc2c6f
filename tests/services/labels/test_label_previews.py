"""The labels as a ZPL renderer (zplkit) draws them, PNGs in test-artifacts/zpl/, and their barcodes read back
by zxing-cpp from the picture: what a scanner at the shelf would get."""

from datetime import date

import pytest
from PIL import Image
from sqlalchemy import select

from tests.builders import make_item, make_site, make_user
from tests.zpl_helpers import ARTIFACTS, read_barcodes, render_png
from webapp.domain.zpl import LabelSize
from webapp.domain.zpl_barcodes import gs1_case
from webapp.domain.zpl_labels import BinLabel, CaseLabel, TextStyle
from webapp.domain.zpl_labels import bin_label as bin_label_layout
from webapp.domain.zpl_labels import case_label as case_label_layout
from webapp.extensions import db
from webapp.models import Barcode, Location
from webapp.services.labels import bin_labels, case_label, create_printer, item_label


def _printer(owner, dpi, width, height, mode):
    values = {
        "name": f"{dpi}-{width}-{mode}",
        "host": "127.0.0.1",
        "dpi": dpi,
        "width_mm": width,
        "height_mm": height,
        "text_mode": mode,
    }
    return create_printer(owner, values)


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("mode", ["font", "graphic"])
def test_rendered_labels_scan_back_to_their_codes(app, dpi, mode):
    owner = make_user("kobayashi", "owner")[0]
    tea = make_item(
        "TEA-525",
        "伊右衛門 緑茶 525ml ペットボトル",
        "4901234567894",
        case_jan="14901234567891",
        case_qty=24,
        unit_price="128",
    )
    make_site("TKY", bins=("A-01-03",))
    db.session.get(Location, db.session.scalar(select(Location.id).where(Location.code == "A-01-03"))).name = "飲料 棚A"
    db.session.commit()
    small, wide = _printer(owner, dpi, 50, 30, mode), _printer(owner, dpi, 100, 50, mode)
    case_id = db.session.scalar(select(Barcode.id).where(Barcode.pack_qty == 24))
    bin_id = db.session.scalar(select(Location.id).where(Location.code == "A-01-03"))

    item_png = render_png(item_label(small, tea.id, price=True).zpl, dpi, f"item-{dpi}dpi-{mode}")
    bin_png = render_png(bin_labels(small, [bin_id]).zpl, dpi, f"bin-{dpi}dpi-{mode}")
    case_job = case_label(wide, case_id, lot="L2407A", expiry=date(2027, 12, 31))
    case_png = render_png(case_job.zpl, dpi, f"case-{dpi}dpi-{mode}")

    assert read_barcodes(item_png) == [("EAN13", "4901234567894", "]E0")]
    assert sorted(read_barcodes(bin_png)) == [("Code128", "A-01-03", "]C0"), ("QRCode", "A-01-03", "]Q1")]
    # ]C1: a GS1-128 (FNC1 first), which zxing gives as its AIs in brackets; the lot, variable-length, comes last.
    assert read_barcodes(case_png) == [("Code128", "(01)14901234567891(17)271231(10)L2407A", "]C1")]
    for name, size in (("item", (50, 30)), ("bin", (50, 30)), ("case", (100, 50))):
        picture = Image.open(ARTIFACTS / f"{name}-{dpi}dpi-{mode}.png")
        dots_per_mm = 8 if dpi == 203 else 11.81
        assert picture.size == (round(size[0] * dots_per_mm), round(size[1] * dots_per_mm))
        assert picture.convert("L").getbbox() is not None  # something printed


def test_zpl_control_characters_and_a_greater_than_sign_in_a_code_scan_back_as_typed():
    # ^ and ~ would start ZPL commands, _ is the ^FH escape and > the Code 128 invocation character.
    label = bin_label_layout(LabelSize(50, 30, 203), TextStyle(), BinLabel("R>1^~_", "棚^A"))
    png = render_png(label.zpl().encode(), 203, "bin-203dpi-escaped")
    assert sorted(read_barcodes(png)) == [("Code128", "R>1^~_", "]C0"), ("QRCode", "R>1^~_", "]Q1")]


def test_a_lot_with_gs1_punctuation_scans_back_in_the_gs1_128():
    case = CaseLabel("緑茶", 24, gs1_case("14901234567891", date(2027, 12, 31), "L-24/07>A"))
    png = render_png(case_label_layout(LabelSize(100, 50, 300), TextStyle(), case).zpl().encode(), 300, "case-lot")
    assert read_barcodes(png) == [("Code128", "(01)14901234567891(17)271231(10)L-24/07>A", "]C1")]
