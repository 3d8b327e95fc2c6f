"""Receiving in packs on a phone-sized page (390x844) in real Chromium: a worker scans the case code (GTIN-14 of
12 clocks) and then the JAN of one clock against one purchase order; both go to the same order line (13
received), the screen says 「1 ケース 1 個」, and the ledger holds 13 pieces."""

import pytest
from sqlalchemy import func, select

from tests.builders import make_user
from tests.e2e.helpers import JAN, PASSWORD
from tests.e2e.workflow_phone import open_task, shoot, typed
from webapp.extensions import db
from webapp.models import Movement, Task
from webapp.services.catalog import add_barcode, update_item
from webapp.services.purchasing import create_purchase_order, order_lines

CASE = "14901234567891"  # the ITF-14 / GTIN-14 on the carton of 12, built on the clock's JAN


@pytest.fixture
def order(seeded):
    manager, _ = make_user("suzuki", "manager", PASSWORD)
    add_barcode(seeded["item_id"], CASE, 12)
    update_item(seeded["item_id"], {"case_qty": 12, "order_in": "case"})
    po = create_purchase_order("TKY", None, [(JAN, 24)], manager)
    return po, db.session.get(Task, po).number


def wait_text(page, element_id, text):
    page.wait_for_function(f"document.getElementById({element_id!r}).textContent.includes({text!r})")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_case_code_and_an_each_code_tally_into_one_order_line_shown_as_cases_and_pieces(phone, order, seeded, lang):
    po, number = order
    device = phone(locale="en-US" if lang == "en" else "ja-JP")
    device.login()
    page = open_task(device, number)
    wait_text(page, "wf-lines", "2 ケース" if lang == "ja" else "2 cases")  # expected 24: two cases
    typed(page, CASE)
    device.wait_for_queue(pending=0, attention=0)
    page.wait_for_function("document.getElementById('wf-qty').textContent === '12 / 24'")
    typed(page, JAN)
    device.wait_for_queue(pending=0, attention=0)
    page.wait_for_function("document.getElementById('wf-qty').textContent === '13 / 24'")
    received, left = ("入荷 1 ケース 1 個", "あと 11 個") if lang == "ja" else ("Received 1 case 1 pcs", "11 pcs still")
    wait_text(page, "wf-lines", received)
    assert left in page.text_content("#wf-lines")
    assert received in page.text_content("#wf-detail")
    shoot(page, f"pack-levels-receiving-{lang}")
    db.session.remove()
    [line] = order_lines(db.session.get(Task, po))
    assert (line["received"], line["outstanding"]) == (13, 11)  # one line, in pieces
    ledger = db.session.scalar(select(func.sum(Movement.quantity)).where(Movement.item_id == seeded["item_id"]))
    assert ledger == 13
