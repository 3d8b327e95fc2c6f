"""A serial receipt made with no network on a phone: each unit by its serial (a GS1 code, or the JAN then the
serial's own label), queued offline, synced once; the same serial scanned again is refused with the reason."""

from pathlib import Path

from sqlalchemy import select

from tests.builders import make_item
from tests.e2e.helpers import scans_recorded
from webapp.extensions import db
from webapp.models import Movement, SerialNumber

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "serials"
READER_JAN = "4549292123456"


def test_a_serial_receipt_made_offline_syncs_once_and_a_second_receipt_of_a_serial_is_refused(phone):
    reader = make_item("READER-BT", "バーコードリーダー BT-100", READER_JAN, name_en="Barcode reader BT-100")
    reader.serial_tracked = True
    db.session.commit()
    reader_id = reader.id
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    device = phone()
    page = device.login()
    device.open("/scan/receive")
    device.wait_for_worker()
    device.wait_for_reference()
    device.wait_until(
        f"async () => (await import('/static/js/reference.js')).classify('{READER_JAN}')"
        ".then(r => r.kind === 'item' && r.item.serial_tracked === true)"
    )

    device.server.stop()
    device.context.set_offline(True)
    device.wedge("A-01-01")
    device.wedge("0104549292123456" + "21BTA-000017")  # the unit's GS1 code carries its serial
    device.wedge(READER_JAN)  # a unit with only its JAN: the phone asks for the serial's own label
    page.wait_for_function("document.getElementById('result-detail').textContent.includes('シリアル番号')")
    assert device.pending() == 1
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "asks-for-the-serial-ja.png"))
    device.wedge("BTA-000018")
    device.wait_for_queue(pending=2)
    assert "シリアル BTA-000018" in page.text_content("#result-detail")

    page.reload()
    page.wait_for_selector("#sync-status[data-state=offline]")
    device.server.start()
    device.context.set_offline(False)
    device.wait_for_queue(pending=0, timeout=30)
    db.session.remove()
    received = scans_recorded(mode="receive", status="applied")
    assert len(received) == 2
    serials = db.session.scalars(select(Movement.serial).where(Movement.item_id == reader_id)).all()
    assert sorted(serials) == ["BTA-000017", "BTA-000018"]
    in_stock = db.session.scalars(select(SerialNumber.serial).where(SerialNumber.location_id.is_not(None))).all()
    assert sorted(in_stock) == ["BTA-000017", "BTA-000018"]

    # The same unit scanned in again: refused, and the worker is told why in Japanese.
    device.open("/scan/receive")
    device.wedge("0104549292123456" + "21BTA-000017")
    device.wait_for_queue(pending=0, attention=1)
    page.wait_for_function("document.getElementById('result-detail').textContent.includes('BTA-000017')")
    assert "すでに A-01-01 にあります" in page.text_content("#result-detail")
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "serial-refused-ja.png"))
    db.session.remove()
    assert len(db.session.scalars(select(Movement).where(Movement.item_id == reader_id)).all()) == 2

    # Lookup of the serial alone: the unit's item, where it is and its whole history.
    device.open("/lookup")
    page.fill("#typed-code", "BTA-000018")
    page.press("#typed-code", "Enter")
    page.wait_for_selector("#lookup-result .serial-history[data-serial=BTA-000018]")
    assert "A-01-01 の在庫" in page.text_content("#lookup-result") and "入荷" in page.text_content("#lookup-result")
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "serial-lookup-ja.png"), full_page=True)
    assert device.errors == [] and device.foreign_requests() == []


def test_receiving_serials_against_an_order_takes_the_jan_then_each_units_serial_label(phone):
    from tests.builders import make_user
    from tests.e2e.helpers import PASSWORD
    from tests.e2e.workflow_phone import open_task, typed
    from webapp.models import Task
    from webapp.services.purchasing import create_purchase_order, order_lines

    reader = make_item("READER-BT", "バーコードリーダー BT-100", READER_JAN, name_en="Barcode reader BT-100")
    reader.serial_tracked = True
    db.session.commit()
    manager = make_user("tanaka", "manager", PASSWORD)[0]
    po = create_purchase_order("TKY", None, [(READER_JAN, 2)], manager)
    number = db.session.get(Task, po).number
    device = phone()
    device.login()
    page = open_task(device, number)
    page.fill("#qty", "5")  # a serial is one unit whatever the quantity field says
    typed(page, READER_JAN)
    page.wait_for_function("document.getElementById('wf-detail').textContent.includes('シリアル番号')")
    assert device.pending() == 0
    typed(page, "BTA-000031")
    typed(page, READER_JAN)
    typed(page, "BTA-000032")
    device.wait_for_queue(pending=0, attention=0)
    page.wait_for_function("document.getElementById('wf-qty').textContent === '2 / 2'")
    db.session.remove()
    assert order_lines(db.session.get(Task, po))[0]["received"] == 2
    serials = db.session.scalars(select(SerialNumber.serial).where(SerialNumber.location_id.is_not(None))).all()
    assert sorted(serials) == ["BTA-000031", "BTA-000032"]
    assert device.errors == []
