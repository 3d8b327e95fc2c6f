"""Labels sent to a stand-in printer on 127.0.0.1:9100, read back: right barcode data and check digits, every
field inside the configured label, at 203 and 300 dpi; a printer that is down is refused and nothing recorded."""

from datetime import date

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site, make_user
from tests.zpl_helpers import PRINTER_PORT, SilentPrinter, StandInPrinter, closed_port, code128_text, parse_zpl
from webapp.domain.barcodes import parse_code
from webapp.domain.gtin import gtin_check_digit
from webapp.domain.zpl import dots
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.models import AuditEvent, Barcode, Location
from webapp.services.labels import LabelJob, bin_labels, case_label, create_printer, item_label, print_job


@pytest.fixture
def owner(app):
    return make_user("kobayashi", "owner")[0]


@pytest.fixture
def tea(app):
    return make_item(
        "TEA-525",
        "伊右衛門 緑茶 525ml",
        "4901234567894",
        name_en="Iyemon green tea 525ml",
        case_jan="14901234567891",
        case_qty=24,
        unit_price="128",
    )


def _printer(owner, dpi, width, height, mode="graphic", port=PRINTER_PORT, name=None):
    values = {
        "name": name or f"Zebra {dpi} {width}x{height} {mode}",
        "host": "127.0.0.1",
        "port": port,
        "dpi": dpi,
        "width_mm": width,
        "height_mm": height,
        "text_mode": mode,
        "font": "E:ANMDJ.TTF",
    }
    return create_printer(owner, values)


def _prints() -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "print")))


def _case_code(item) -> int:
    return db.session.scalar(select(Barcode.id).where(Barcode.item_id == item.id, Barcode.pack_qty == 24))


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("mode", ["font", "graphic"])
def test_item_bin_and_case_labels_reach_the_printer_whole_with_the_right_barcodes(owner, tea, dpi, mode):
    make_site("TKY", bins=("A-01-01", "A-01-02"))
    small = _printer(owner, dpi, 50, 30, mode)
    wide = _printer(owner, dpi, 100, 50, mode)
    bins = list(db.session.scalars(select(Location.id).where(Location.code.like("A-01-%"))))
    with StandInPrinter() as printer:
        print_job(owner, item_label(small, tea.id, copies=3, lang="ja", price=True))
        print_job(owner, bin_labels(small, bins, copies=2))
        print_job(owner, case_label(wide, _case_code(tea), lot="L2407A", expiry=date(2027, 12, 31)))
        item_job, bin_job, case_job = printer.wait_for(3)

    [item] = parse_zpl(item_job)
    assert (item.width, item.length, item.copies, item.utf8) == (dots(50, dpi), dots(30, dpi), 3, True)
    [ean] = item.of("ean13")
    assert ean.data + str(gtin_check_digit(ean.data)) == "4901234567894"
    assert item.outside() == []

    labels = parse_zpl(bin_job)
    assert [code128_text(label.of("code128")[0].data) for label in labels] == ["A-01-01", "A-01-02"]
    assert [label.of("qr")[0].data for label in labels] == ["MA,A-01-01", "MA,A-01-02"]
    assert all(label.copies == 2 and label.outside() == [] for label in labels)

    [case] = parse_zpl(case_job)
    assert (case.width, case.length) == (dots(100, dpi), dots(50, dpi))
    scanned = parse_code(code128_text(case.of("code128")[0].data))
    assert scanned.gtin == "14901234567891" and gtin_check_digit(scanned.gtin[:-1]) == 1
    assert (scanned.expiry, scanned.lot) == (date(2027, 12, 31), "L2407A")
    assert case.outside() == []

    names = [f.data for f in item.of("text")]
    if mode == "font":
        assert "伊右衛門 緑茶 525ml" in names
    else:
        assert "伊右衛門 緑茶 525ml" not in names and len(item.of("graphic")) == 2  # name and price as bitmaps
    assert [{k: v["new"] for k, v in e.changes.items()} for e in _prints()] == [
        {"label_kind": "item", "printed_for": "TEA-525", "labels": 3},
        {"label_kind": "bins", "printed_for": "A-01-01, A-01-02", "labels": 4},
        {"label_kind": "case", "printed_for": "(01)14901234567891(17)271231(10)L2407A", "labels": 1},
    ]


def test_an_english_label_prints_the_english_name(owner, tea):
    printer_id = _printer(owner, 203, 50, 30, "font")
    [label] = parse_zpl(item_label(printer_id, tea.id, lang="en").zpl)
    assert "Iyemon green tea 525ml" in [f.data for f in label.of("text")]


def test_a_printer_that_is_down_is_refused_clearly_and_no_print_is_recorded(owner, tea):
    printer_id = _printer(owner, 203, 50, 30, port=closed_port(), name="事務所のZebra")
    with pytest.raises(Conflict) as refused:
        print_job(owner, item_label(printer_id, tea.id), timeout=1.0)
    assert refused.value.code == "printer_unreachable"
    assert "事務所のZebra (127.0.0.1:" in refused.value.message and "did not take the labels" in refused.value.message
    assert _prints() == []


def test_a_case_label_that_does_not_fit_the_printers_labels_is_refused_before_anything_is_sent(owner, tea):
    printer_id = _printer(owner, 203, 50, 30)
    with StandInPrinter() as printer:
        with pytest.raises(InvalidInput) as refused:
            case_label(printer_id, _case_code(tea), lot="L2407A", expiry=date(2027, 12, 31))
        assert printer.jobs == []
    assert refused.value.code == "label_too_small"
    assert refused.value.fields["label_mm"] == [50, 30] and refused.value.fields["needed_mm"][0] > 50


@pytest.mark.parametrize("hang_up_after", [None, 4096], ids=["never reads", "hangs up halfway"])
def test_a_job_the_printer_does_not_take_whole_is_refused_and_not_recorded(owner, tea, hang_up_after):
    with SilentPrinter(hang_up_after=hang_up_after) as printer:
        printer_id = _printer(owner, 203, 50, 30, port=printer.port)
        # Far more than the kernel's socket buffers hold, so the rest has to be taken by the printer itself.
        one = item_label(printer_id, tea.id).zpl
        copies = 16_000_000 // len(one) + 1  # 16 MB
        job = LabelJob(printer_id, one * copies, copies, "item", "TEA-525", "item-TEA-525.zpl")
        with pytest.raises(Conflict) as refused:
            print_job(owner, job, timeout=1.0)
    assert refused.value.code == "printer_unreachable"
    assert _prints() == []


def test_a_bin_code_in_japanese_has_no_code_128_and_is_refused_by_name(owner):
    make_site("OSK", bins=("棚-01",))
    printer_id = _printer(owner, 203, 50, 30)
    bin_id = db.session.scalar(select(Location.id).where(Location.code == "棚-01"))
    with pytest.raises(InvalidInput) as refused:
        bin_labels(printer_id, [bin_id])
    assert refused.value.code == "not_barcodable" and refused.value.fields == {"code": "棚-01"}
