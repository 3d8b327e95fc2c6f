"""Taking a barcode off an item: a wrong mapping can be undone without touching the ledger."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.builders import actor, make_item, make_site, make_user, scan
from webapp.errors import NotFound
from webapp.extensions import db
from webapp.models import BarcodeRemoval, Movement, StockLevel
from webapp.models.types import utcnow
from webapp.services.catalog import add_barcode, remove_barcode
from webapp.services.scanning import apply_scans, map_code, reference_data, unresolved_codes

TOWEL_JAN = "4549292123456"


@pytest.fixture
def world(app):
    make_site()
    towel = make_item("TENUGUI-ASA", "手ぬぐい 麻の葉", None, name_en="Tenugui towel")
    furoshiki = make_item("FUROSHIKI-L", "風呂敷 大判", None, name_en="Furoshiki, large")
    manager, _ = make_user("suzuki", "manager")
    worker, _ = make_user("sato", "worker")
    return {"towel": towel, "furoshiki": furoshiki, "manager": manager, "worker": actor(worker)}


def on_hand(item) -> int:
    return sum(db.session.scalars(select(StockLevel.quantity).where(StockLevel.item_id == item.id)))


def test_a_code_mapped_to_the_wrong_item_is_taken_off_and_mapped_again(world):
    # The manager maps the towel's JAN to the furoshiki by mistake; two receipts land on the wrong item.
    map_code(TOWEL_JAN, world["furoshiki"].id)
    apply_scans([scan("receive", code=TOWEL_JAN, quantity=2, location="A-01-01")], world["worker"])

    remove_barcode(world["furoshiki"].id, TOWEL_JAN, world["manager"])

    # What was posted stays posted (a stock count or an adjustment corrects it); new scans wait.
    assert on_hand(world["furoshiki"]) == 2
    [out] = apply_scans([scan("receive", code=TOWEL_JAN, quantity=3, location="A-01-01")], world["worker"])
    assert out.status == "unresolved"
    assert [row["code"] for row in unresolved_codes()] == ["04549292123456"]

    map_code(TOWEL_JAN, world["towel"].id)
    assert on_hand(world["towel"]) == 3 and on_hand(world["furoshiki"]) == 2


def test_the_removal_is_recorded_with_who_and_what(world):
    add_barcode(world["towel"].id, TOWEL_JAN)
    remove_barcode(world["towel"].id, TOWEL_JAN, world["manager"])
    [record] = db.session.scalars(select(BarcodeRemoval)).all()
    assert (record.code, record.raw, record.item_id, record.pack_qty, record.removed_by) == (
        "04549292123456",
        TOWEL_JAN,
        world["towel"].id,
        1,
        world["manager"],
    )


def test_a_barcode_is_found_by_what_was_printed_or_by_its_key(world):
    add_barcode(world["towel"].id, TOWEL_JAN)
    remove_barcode(world["towel"].id, "0" + TOWEL_JAN, world["manager"])  # the GTIN-14 form
    assert world["towel"].barcodes == []


def test_removing_a_code_the_item_does_not_have_changes_nothing(world):
    add_barcode(world["towel"].id, TOWEL_JAN)
    with pytest.raises(NotFound):
        remove_barcode(world["furoshiki"].id, TOWEL_JAN, world["manager"])
    with pytest.raises(NotFound):
        remove_barcode(world["towel"].id, "not a barcode", world["manager"])
    with pytest.raises(NotFound):
        remove_barcode(9999, TOWEL_JAN, world["manager"])
    assert [b.raw for b in world["towel"].barcodes] == [TOWEL_JAN]
    assert db.session.scalars(select(BarcodeRemoval)).all() == []


def test_the_ledger_is_untouched_by_a_removal(world):
    add_barcode(world["towel"].id, TOWEL_JAN)
    apply_scans([scan("receive", code=TOWEL_JAN, quantity=5, location="A-01-01")], world["worker"])
    before = db.session.scalars(select(Movement.quantity)).all()
    remove_barcode(world["towel"].id, TOWEL_JAN, world["manager"])
    assert db.session.scalars(select(Movement.quantity)).all() == before == [5]


def test_a_phone_delta_names_the_removed_code_and_a_code_given_to_another_item(world):
    add_barcode(world["towel"].id, TOWEL_JAN)
    cursor = (utcnow() + timedelta(minutes=5)).isoformat()  # past the overlap margin: only what follows counts
    assert reference_data(cursor)["removed_barcodes"] == []

    remove_barcode(world["towel"].id, TOWEL_JAN, world["manager"])
    delta = reference_data(utcnow().isoformat())
    assert delta["removed_barcodes"] == ["04549292123456"]
    assert delta["barcodes"] == []

    add_barcode(world["furoshiki"].id, TOWEL_JAN)
    delta = reference_data(utcnow().isoformat())
    # Both lists: the phone deletes first, then stores the new mapping.
    assert delta["removed_barcodes"] == ["04549292123456"]
    assert [(b["code"], b["item_id"]) for b in delta["barcodes"]] == [("04549292123456", world["furoshiki"].id)]


def test_a_full_download_lists_no_removals(world):
    add_barcode(world["towel"].id, TOWEL_JAN)
    remove_barcode(world["towel"].id, TOWEL_JAN, world["manager"])
    full = reference_data(None)
    assert full["full"] is True and full["removed_barcodes"] == [] and full["barcodes"] == []
