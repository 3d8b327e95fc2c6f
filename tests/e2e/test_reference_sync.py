"""The phone's offline copy of barcodes follows the office: a code moved to another item moves on the phone."""

from sqlalchemy import select

from tests.e2e.helpers import JAN
from webapp.extensions import db
from webapp.models import Item
from webapp.services.catalog import add_barcode, remove_barcode

CLASSIFY = (
    "async () => (await import('/static/js/reference.js')).classify('" + JAN + "')"
    ".then(r => r.kind === 'item' ? r.item.code : r.kind)"
)
RESYNC = """async () => {
    const app = await import('/static/js/app.js');
    await (await import('/static/js/reference.js')).refreshReference(app.config.urls.reference);
}"""


def test_a_barcode_moved_to_another_item_is_moved_on_the_phone_at_its_next_sync(phone, seeded):
    device = phone()
    page = device.login()
    device.wait_for_reference()
    assert page.evaluate(CLASSIFY) == "RETRO-CLOCK"

    # The office finds the clock's JAN was registered on the wrong item and gives it to the tea cup.
    remove_barcode(seeded["item_id"], JAN)
    page.evaluate(RESYNC)
    assert page.evaluate(CLASSIFY) == "unknown"  # forgotten: scans of it now wait to be mapped

    add_barcode(db.session.scalar(select(Item.id).where(Item.code == "TEA-CUP")), JAN)
    page.evaluate(RESYNC)
    assert page.evaluate(CLASSIFY) == "TEA-CUP"
