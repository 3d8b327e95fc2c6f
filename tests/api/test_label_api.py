"""Thermal labels through the API: the printers a manager may choose, labels as a .zpl file or sent to the printer
(a stand-in on 127.0.0.1:9100), the one error shape when the printer is down or the body is incomplete."""

from datetime import date

import pytest
from sqlalchemy import select

from tests.zpl_helpers import PRINTER_PORT, StandInPrinter, closed_port, code128_text, parse_zpl
from webapp.domain.barcodes import parse_code
from webapp.extensions import db
from webapp.models import AuditEvent, Barcode, Location
from webapp.services.labels import create_printer


def _printer(port=PRINTER_PORT, width=100, height=50) -> int:
    values = {
        "name": f"Zebra {port}",
        "host": "127.0.0.1",
        "port": port,
        "dpi": 203,
        "width_mm": width,
        "height_mm": height,
        "text_mode": "font",
    }
    return create_printer(None, values)


def test_a_manager_lists_the_printers_without_their_addresses(as_role):
    _printer()
    [printer] = as_role("manager").get("/api/v1/label-printers").get_json()
    assert printer["name"] == "Zebra 9100" and printer["width_mm"] == 100 and "host" not in printer
    assert as_role("worker").get("/api/v1/label-printers").status_code == 403


def test_a_case_label_comes_back_as_a_zpl_file(as_role, shop):
    printer_id = _printer()
    case_id = db.session.scalar(select(Barcode.id).where(Barcode.pack_qty == 12))
    body = {"printer_id": printer_id, "kind": "case", "barcode_id": case_id, "lot": "L2407A", "expiry": "2027-12-31"}
    answer = as_role("manager").post("/api/v1/labels/zpl", json=body)
    assert answer.status_code == 200 and answer.mimetype == "application/zpl"
    scanned = parse_code(code128_text(parse_zpl(answer.data)[0].of("code128")[0].data))
    assert (scanned.gtin, scanned.expiry, scanned.lot) == ("14901234567891", date(2027, 12, 31), "L2407A")


def test_bin_labels_sent_through_the_api_reach_the_printer(as_role, shop):
    printer_id = _printer(width=50, height=30)
    bins = list(db.session.scalars(select(Location.id).where(Location.code.in_(["A-01-01", "A-01-02"]))))
    with StandInPrinter() as printer:
        answer = as_role("manager").post(
            "/api/v1/labels/zpl", json={"printer_id": printer_id, "kind": "bins", "bin_ids": bins, "send": True}
        )
        [job] = printer.wait_for(1)
    assert answer.get_json() == {"printed": 2, "kind": "bins", "for": "A-01-01, A-01-02"}
    assert [code128_text(label.of("code128")[0].data) for label in parse_zpl(job)] == ["A-01-01", "A-01-02"]


def test_a_printer_that_is_down_answers_409_in_the_one_error_shape(as_role, shop):
    printer_id = _printer(port=closed_port())
    body = {"printer_id": printer_id, "kind": "item", "item_id": shop["clock"].id, "send": True}
    answer = as_role("manager").post("/api/v1/labels/zpl", json=body)
    assert answer.status_code == 409 and answer.get_json()["error"]["code"] == "printer_unreachable"
    assert db.session.scalar(select(AuditEvent.id).where(AuditEvent.action == "print")) is None


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "item"},  # no item_id
        {"kind": "case", "item_id": 1},  # a case label names its case code
        {"kind": "item", "item_id": 1, "copies": 101},
        {"kind": "item", "item_id": 1, "send": "yes"},
        {"kind": "label"},
    ],
)
def test_an_incomplete_or_out_of_range_body_is_a_422(as_role, shop, body):
    answer = as_role("manager").post("/api/v1/labels/zpl", json={"printer_id": _printer()} | body)
    assert answer.status_code == 422 and "error" in answer.get_json()
