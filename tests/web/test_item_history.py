"""The item page says who moved stock, on which phone and under which document, and shows its settings history."""

from dataclasses import replace

from sqlalchemy import select

from tests.services.stocktake.test_workflow_stocktake import CLOCK, count, world  # noqa: F401  (the fixture)
from tests.web.helpers import log_in
from tests.workflow_fixtures import put_stock
from webapp.extensions import db
from webapp.models import Device, Item, Task
from webapp.services.catalog import add_barcode
from webapp.services.stocktake import approve, start_count


def test_each_movement_shows_its_user_phone_and_document_and_the_item_its_changes(world, client):  # noqa: F811
    phone = Device(name="入荷用 iPhone 1", user_id=world["worker"].user_id)
    db.session.add(phone)
    db.session.commit()
    put_stock(replace(world["worker"], device_id=str(phone.id)), "A-01-02", 4)
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["A-01-01"])
    count(world, session, "A-01-01", CLOCK, 8)
    approve(session, world["manager_id"], zero_uncounted=True)
    clock_id = db.session.scalar(select(Item.id).where(Item.code == "RETRO-CLOCK"))
    add_barcode(clock_id, "14901234567891", 12, world["manager_id"])
    number = db.session.get(Task, session).number
    log_in(client, "suzuki")
    page = client.get(f"/office/items/{clock_id}", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    movements = page[page.index('id="movements"') : page.index('id="settings-history"')]
    assert "入荷用 iPhone 1" in movements and "sato" in movements
    assert f"/workflows/office/count-sessions/{session}" in movements and number in movements
    history = page[page.index('id="settings-history"') :]
    assert "14901234567891" in history and "suzuki" in history and "追加" in history
