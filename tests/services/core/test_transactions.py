"""One transaction per service call: it commits its own work and nothing a caller left pending."""

from sqlalchemy import select

from tests.builders import make_item, make_site
from webapp.extensions import db
from webapp.models import Barcode, Item
from webapp.services.catalog import add_barcode


def test_a_service_does_not_commit_changes_made_outside_it(app):
    make_site()
    clock_id = make_item().id
    db.session.get(Item, clock_id).note = "書きかけのメモ"  # changed on the session, never committed by its caller
    add_barcode(clock_id, "4549292123456")
    db.session.remove()
    assert db.session.scalar(select(Item.note).where(Item.id == clock_id)) == ""
    assert db.session.scalar(select(Barcode.item_id).where(Barcode.raw == "4549292123456")) == clock_id


def test_a_service_after_a_read_sees_and_keeps_its_own_work(app):
    make_site()
    clock_id = make_item().id
    assert db.session.scalar(select(Item.code).where(Item.id == clock_id)) == "RETRO-CLOCK"  # opens a read
    add_barcode(clock_id, "4549292123456")
    db.session.remove()
    assert [b.raw for b in db.session.get(Item, clock_id).barcodes] == ["4901234567894", "4549292123456"]
