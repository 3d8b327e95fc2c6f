"""Thermal labels from the office: the owner's printer page, and printing or downloading item, case and bin labels
(a stand-in printer on 127.0.0.1:9100), refusals in the user's language that print and record nothing."""

from datetime import date

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site, make_user
from tests.web.helpers import PASSWORD, log_in
from tests.zpl_helpers import PRINTER_PORT, StandInPrinter, closed_port, code128_text, parse_zpl
from webapp.domain.barcodes import parse_code
from webapp.extensions import db
from webapp.models import AuditEvent, Barcode, LabelPrinter

ZEBRA = {
    "name": "倉庫のZebra",
    "host": "127.0.0.1",
    "port": str(PRINTER_PORT),
    "dpi": "300",
    "width_mm": "100",
    "height_mm": "50",
    "text_mode": "graphic",
    "font": "E:ANMDJ.TTF",
}


@pytest.fixture
def office(app, client):
    make_user("kobayashi", "owner", PASSWORD)
    tea = make_item("TEA-525", "伊右衛門 緑茶 525ml", "4901234567894", case_jan="14901234567891", case_qty=24)
    make_site("TKY", bins=("A-01-01", "A-01-02"))
    return {"client": client, "csrf": log_in(client, "kobayashi"), "tea": tea.id}


def post(office, url, lang="ja", **form):
    return office["client"].post(url, data={"csrf_token": office["csrf"], **form}, headers={"Accept-Language": lang})


def _printer(office, **changes) -> int:
    assert post(office, "/office/label-printers", **(ZEBRA | changes)).status_code == 303
    return db.session.scalar(select(LabelPrinter.id).order_by(LabelPrinter.id.desc()))


def _prints():
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "print")))


def test_the_owner_adds_a_printer_and_its_settings_show_on_the_page(office):
    _printer(office)
    page = office["client"].get("/office/label-printers", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert 'data-name="倉庫のZebra"' in page and 'value="127.0.0.1"' in page and "ラベルプリンター" in page
    trail = db.session.scalar(select(AuditEvent).where(AuditEvent.object_kind == "label_printer"))
    assert trail.action == "create" and trail.changes["dpi"]["new"] == 300


def test_a_bad_setting_is_refused_in_japanese_and_nothing_is_saved(office):
    answer = post(office, "/office/label-printers", **(ZEBRA | {"dpi": "600"}))
    assert answer.status_code == 422
    assert "203 dpi か 300 dpi を選んでください。" in answer.get_data(as_text=True)
    assert db.session.scalar(select(LabelPrinter.id)) is None


def test_an_item_label_is_printed_from_the_item_page_and_lands_on_the_printer(office):
    printer_id = _printer(office)
    page = office["client"].get(f"/office/items/{office['tea']}").get_data(as_text=True)
    assert 'id="thermal-labels"' in page and 'data-case="14901234567891"' in page
    with StandInPrinter() as printer:
        answer = post(office, f"/office/items/{office['tea']}/zpl", printer=printer_id, copies="5", action="print")
        [job] = printer.wait_for(1)
    assert answer.status_code == 303
    [label] = parse_zpl(job)
    assert label.copies == 5 and label.of("ean13")[0].data == "490123456789" and label.outside() == []
    assert [(e.changes["printed_for"]["new"], e.changes["labels"]["new"]) for e in _prints()] == [("TEA-525", 5)]
    activity = office["client"].get("/office/activity", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert "商品ラベル" in activity and "印刷" in activity


def test_a_case_label_with_lot_and_expiry_downloads_as_a_zpl_file(office):
    printer_id = _printer(office)
    case_id = db.session.scalar(select(Barcode.id).where(Barcode.pack_qty == 24))
    answer = post(
        office,
        f"/office/items/{office['tea']}/case-zpl/{case_id}",
        printer=printer_id,
        copies="2",
        lot="L2407A",
        expiry="2027-12-31",
        action="download",
    )
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"] == 'attachment; filename="case-14901234567891.zpl"'
    [label] = parse_zpl(answer.data)
    scanned = parse_code(code128_text(label.of("code128")[0].data))
    assert (scanned.gtin, scanned.expiry, scanned.lot) == ("14901234567891", date(2027, 12, 31), "L2407A")
    assert label.copies == 2 and _prints() == []  # a download is not a print


def test_bin_labels_of_a_site_are_printed_from_the_label_sheet(office):
    printer_id = _printer(office, width_mm="50", height_mm="30", dpi="203")
    sheet = office["client"].get("/workflows/labels?site=TKY&what=bins").get_data(as_text=True)
    assert 'id="bin-zpl"' in sheet
    with StandInPrinter() as printer:
        answer = post(office, "/workflows/labels/zpl", site="TKY", printer=printer_id, copies="1", action="print")
        [job] = printer.wait_for(1)
    assert answer.status_code == 303
    codes = [code128_text(label.of("code128")[0].data) for label in parse_zpl(job)]
    assert codes == ["TKY-RCV", "A-01-01", "A-01-02"]


def test_a_printer_that_is_down_gets_a_409_in_japanese_and_no_print_is_recorded(office):
    printer_id = _printer(office, port=str(closed_port()))
    answer = post(office, f"/office/items/{office['tea']}/zpl", printer=printer_id, copies="1", action="print")
    assert answer.status_code == 409
    assert "ラベルを受け取らなかったため、何も印刷されていません" in answer.get_data(as_text=True)
    assert _prints() == []


@pytest.mark.parametrize("copies", ["0", "101", "1e3"])
def test_copies_outside_1_to_100_are_refused(office, copies):
    printer_id = _printer(office)
    answer = post(office, f"/office/items/{office['tea']}/zpl", printer=printer_id, copies=copies, action="download")
    assert answer.status_code == 422 and "枚数は1〜100です。" in answer.get_data(as_text=True)


def test_a_case_label_on_a_printer_with_small_labels_is_refused_saying_the_size(office):
    printer_id = _printer(office, width_mm="50", height_mm="30", dpi="203")
    case_id = db.session.scalar(select(Barcode.id).where(Barcode.pack_qty == 24))
    answer = post(
        office,
        f"/office/items/{office['tea']}/case-zpl/{case_id}",
        "en",
        printer=printer_id,
        lot="L1",
        action="download",
    )
    assert answer.status_code == 422
    assert "does not fit on the printer&#39;s 50 x 30 mm labels" in answer.get_data(as_text=True)


def test_a_manager_prints_but_only_the_owner_sets_up_printers(office, client):
    printer_id = _printer(office)
    client.post("/logout", data={"csrf_token": office["csrf"]})
    make_user("yamada", "manager", PASSWORD)
    csrf = log_in(client, "yamada")
    assert client.get("/office/label-printers").status_code == 403
    answer = client.post(
        f"/office/items/{office['tea']}/zpl", data={"csrf_token": csrf, "printer": printer_id, "action": "download"}
    )
    assert answer.status_code == 200 and answer.data.startswith(b"^XA^CI28^PW1181^LL590")
