"""Serial numbers: every unit of a serial-tracked item named by its serial, in stock once at most, on the ledger."""

import threading

import pytest
from sqlalchemy import select

from tests.builders import actor, make_item, make_site, make_user, scan
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import Item, Movement, SerialNumber
from webapp.services.picking import create_pick_list
from webapp.services.scanning import apply_scans
from webapp.services.stock import ledger_mismatches
from webapp.services.stocktake import start_count

READER_JAN = "4549292123456"


def gs1(serial: str) -> str:
    """The unit's GS1 DataMatrix: its GTIN (01) and its serial (21)."""
    return "]d2" + "01" + "04549292123456" + "21" + serial


@pytest.fixture
def shop(app):
    make_site()
    reader = make_item("READER-BT", "バーコードリーダー BT-100", READER_JAN, name_en="Barcode reader BT-100")
    reader.serial_tracked = True
    db.session.commit()
    make_item()  # the retro clock: no serials
    worker = make_user("sato", "worker")[0]
    manager = make_user("tanaka", "manager")[0]
    return {"reader": reader.id, "worker": actor(worker), "manager": actor(manager, "manager"), "manager_id": manager}


def where(item_id: int, serial: str) -> str | None:
    db.session.expire_all()
    row = db.session.scalar(select(SerialNumber).where(SerialNumber.item_id == item_id, SerialNumber.serial == serial))
    if row is None or row.location_id is None:
        return None
    from webapp.models import Location

    return db.session.get(Location, row.location_id).code


def test_a_receipt_books_each_serial_in_from_its_gs1_code_or_a_serial_typed_beside_the_jan(shop):
    outcomes = apply_scans(
        [
            scan("receive", gs1("BTA-000017"), location="A-01-01"),
            scan("receive", READER_JAN, location="A-01-01", serial="BTA-000018"),
        ],
        shop["worker"],
    )
    assert [o.status for o in outcomes] == ["applied", "applied"]
    assert where(shop["reader"], "BTA-000017") == "A-01-01" and where(shop["reader"], "BTA-000018") == "A-01-01"
    serials = db.session.scalars(select(Movement.serial).where(Movement.item_id == shop["reader"])).all()
    assert sorted(serials) == ["BTA-000017", "BTA-000018"]
    assert ledger_mismatches() == []


def test_a_serial_item_without_its_serial_or_more_than_one_unit_at_once_is_refused(shop):
    plain, many = apply_scans(
        [scan("receive", READER_JAN, location="A-01-01"), scan("receive", gs1("BTA-1"), 3, location="A-01-01")],
        shop["worker"],
    )
    assert (plain.status, plain.reason) == ("rejected", "serial_required")
    assert (many.status, many.reason) == ("rejected", "serial_one_unit")
    assert db.session.scalars(select(Movement)).all() == []


def test_a_serial_already_in_stock_is_refused_even_in_the_same_batch(shop):
    first, again = apply_scans(
        [
            scan("receive", gs1("BTA-000017"), location="A-01-01"),
            scan("receive", gs1("BTA-000017"), location="A-01-02"),
        ],
        shop["worker"],
    )
    assert first.status == "applied"
    assert (again.status, again.reason, again.params) == (
        "rejected",
        "serial_in_stock",
        {"serial": "BTA-000017", "code": "A-01-01"},
    )
    [later] = apply_scans([scan("receive", gs1("BTA-000017"), location="B-02-01")], shop["worker"])
    assert later.reason == "serial_in_stock" and where(shop["reader"], "BTA-000017") == "A-01-01"


def test_picking_and_moving_name_the_serial_and_a_picked_serial_can_come_back(shop):
    apply_scans([scan("receive", gs1("BTA-000017"), location="A-01-01")], shop["worker"])
    [moved] = apply_scans([scan("move", gs1("BTA-000017"), location="A-01-01", to_location="B-02-01")], shop["worker"])
    assert moved.status == "applied" and where(shop["reader"], "BTA-000017") == "B-02-01"
    [wrong_bin] = apply_scans([scan("pick", gs1("BTA-000017"), location="A-01-01")], shop["worker"])
    assert (wrong_bin.reason, wrong_bin.params["code"]) == ("serial_elsewhere", "B-02-01")
    [picked] = apply_scans([scan("pick", gs1("BTA-000017"))], shop["worker"])  # no bin named: the serial's own
    assert picked.status == "applied" and picked.location == "B-02-01" and where(shop["reader"], "BTA-000017") is None
    [gone] = apply_scans([scan("pick", gs1("BTA-000017"))], shop["worker"])
    assert gone.reason == "serial_not_in_stock"
    [back] = apply_scans([scan("receive", gs1("BTA-000017"), location="A-01-02")], shop["worker"])
    assert back.status == "applied" and where(shop["reader"], "BTA-000017") == "A-01-02"
    assert ledger_mismatches() == []


def test_an_undone_receipt_takes_the_serial_out_of_stock_again(shop):
    received = scan("receive", gs1("BTA-000017"), location="A-01-01")
    apply_scans([received], shop["worker"])
    [undone] = apply_scans([scan("undo", "", undo_of=received.scan_id)], shop["worker"])
    assert undone.status == "applied" and where(shop["reader"], "BTA-000017") is None
    [again] = apply_scans([scan("receive", gs1("BTA-000017"), location="A-01-01")], shop["worker"])
    assert again.status == "applied"


def test_a_pick_list_line_of_a_serial_item_is_picked_by_serial(shop):
    apply_scans([scan("receive", gs1(s), location="A-01-01") for s in ("BTA-000017", "BTA-000018")], shop["worker"])
    pick_list = create_pick_list("TKY", [(READER_JAN, 2)], shop["manager_id"], number="PL-700")
    first, twice, second = apply_scans(
        [
            scan("pick", gs1("BTA-000017"), location="A-01-01", task_id=pick_list),
            scan("pick", gs1("BTA-000017"), location="A-01-01", task_id=pick_list),
            scan("pick", gs1("BTA-000018"), location="A-01-01", task_id=pick_list),
        ],
        shop["worker"],
    )
    assert (first.status, twice.reason, second.status) == ("applied", "serial_not_in_stock", "applied")


def test_a_count_of_a_serial_item_counts_each_serial_once(shop):
    apply_scans([scan("receive", gs1("BTA-000017"), location="A-01-01")], shop["worker"])
    count = start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-01"])
    one, repeat, other = apply_scans(
        [
            scan("count", gs1("BTA-000017"), location="A-01-01", task_id=count),
            scan("count", gs1("BTA-000017"), location="A-01-01", task_id=count),
            scan("count", gs1("BTA-000019"), location="A-01-01", task_id=count),
        ],
        shop["worker"],
    )
    assert (one.status, repeat.reason, other.status) == ("applied", "serial_counted", "applied")
    assert one.task["bin_total"] == 1 and other.task["bin_total"] == 2


def test_an_item_without_serials_ignores_a_serial_in_its_code(shop):
    [clock] = apply_scans([scan("receive", "]d2010490123456789421X1", 3, location="A-01-01")], shop["worker"])
    assert clock.status == "applied" and clock.quantity == 3
    assert db.session.scalars(select(SerialNumber)).all() == []


def test_two_phones_receiving_the_same_serial_at_once_one_is_applied_and_one_refused(app, shop):
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def phone(bin_code):
        try:
            with app.app_context():
                barrier.wait(timeout=10)
                outcomes.extend(apply_scans([scan("receive", gs1("BTA-000017"), location=bin_code)], shop["worker"]))
                db.session.remove()
        except Exception as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=phone, args=(b,)) for b in ("A-01-01", "A-01-02")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    db.session.remove()  # read what the phones committed, not this session's older snapshot
    assert sorted(o.status for o in outcomes) == ["applied", "rejected"]
    [refused] = [o for o in outcomes if o.status == "rejected"]
    assert refused.reason == "serial_in_stock" and refused.params["serial"] == "BTA-000017"
    assert len(db.session.scalars(select(Movement).where(Movement.serial == "BTA-000017")).all()) == 1
    assert ledger_mismatches() == []


def test_serial_numbers_are_turned_on_for_an_item_only_with_nothing_on_hand(shop):
    from webapp.models import AuditEvent
    from webapp.services.catalog import update_item

    clock = db.session.scalar(select(Item.id).where(Item.code == "RETRO-CLOCK"))
    apply_scans([scan("receive", "4901234567894", 2, location="A-01-01")], shop["worker"])
    with pytest.raises(InvalidInput) as refused:
        update_item(clock, {"serial_tracked": True}, user_id=shop["manager_id"])
    assert refused.value.code == "serial_stock" and db.session.scalars(select(AuditEvent)).all() == []
    apply_scans([scan("pick", "4901234567894", 2, location="A-01-01")], shop["worker"])
    update_item(clock, {"serial_tracked": True}, user_id=shop["manager_id"])
    db.session.remove()
    assert db.session.get(Item, clock).serial_tracked
    [event] = db.session.scalars(select(AuditEvent)).all()
    assert event.changes == {"serial_tracked": {"old": False, "new": True}}


def test_a_lookup_of_a_units_code_or_its_serial_alone_shows_where_it_is_and_its_whole_history(shop):
    from webapp.services.stock import lookup

    received = scan("receive", gs1("BTA-000017"), location="A-01-01")
    apply_scans([received], shop["worker"])
    apply_scans([scan("move", gs1("BTA-000017"), location="A-01-01", to_location="B-02-01")], shop["worker"])
    apply_scans([scan("pick", gs1("BTA-000017"))], shop["worker"])
    by_code = lookup(gs1("BTA-000017"))
    assert by_code["kind"] == "item" and by_code["serial"]["location"] is None
    history = [(h["type"], h["location"], h["quantity"]) for h in by_code["serial"]["history"]]
    assert history == [
        ("receive", "A-01-01", 1),
        ("move", "A-01-01", -1),
        ("move", "B-02-01", 1),
        ("pick", "B-02-01", -1),
    ]
    assert {h["user"] for h in by_code["serial"]["history"]} == {"sato"}
    alone = lookup("BTA-000017")
    assert alone["kind"] == "serial" and alone["item"]["code"] == "READER-BT"
    assert alone["serial"]["history"] == by_code["serial"]["history"]
    apply_scans([scan("receive", gs1("BTA-000018"), location="A-01-02")], shop["worker"])
    assert lookup(READER_JAN)["item"]["serials"] == [{"serial": "BTA-000018", "location": "A-01-02"}]
