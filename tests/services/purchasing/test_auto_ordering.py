"""Automatic ordering per supplier: at the owner's times, one order per supplier of everything at or below its
reorder point, up to the engine's target in whole cases; a minimum amount waited for unless an item is out of
stock; never a second order for a need already on an open order or a draft; the reasons kept per line."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_supplier, make_user
from tests.services.notifications.secure_smtp import mail_server, throwaway_ca
from tests.services.notifications.test_mail_server import use_server
from tests.services.replenishment.test_replenishment_data import TODAY, TOKYO, bin_id, daily_sales, post, tea_shop
from webapp.extensions import db
from webapp.models import AutoOrderLine, Supplier, Task
from webapp.services.purchasing import (
    auto_order_log,
    auto_times_fields,
    confirm_order,
    delivery_log,
    run_auto_ordering,
    save_company_profile,
    save_supplier_sending,
)
from webapp.services.replenishment import recompute


def tokyo(hour: int, minute: int = 0, days: int = 1) -> datetime:
    """The day after the sales history, at this Tokyo time."""
    day = TODAY + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TOKYO).astimezone(UTC)


@pytest.fixture
def shop(app):
    """静岡煎茶 (cases of 12, at least 24, 380 yen) down to 10, below its reorder point; the clock has plenty."""
    yamada = make_supplier("SUP-YAMADA", "株式会社山田商事")
    yamada.email = "juchu@yamada-shoji.example.jp"
    db.session.commit()
    other = make_supplier("SUP-KIKUCHI", "菊池商事")
    site, tea = tea_shop(supplier_id=yamada.id, order_multiple=12, min_order_qty=24)
    clock = make_item("RETRO-CLOCK", "レトロ置時計", "4901234567894", supplier_id=yamada.id, unit_cost="1200")
    mug = make_item("MUG-HASAMI", "波佐見焼マグカップ", "4912345000019", supplier_id=other.id)
    daily_sales(tea.id, "A-01-01", opening=150, per_day=[5] * 28)
    daily_sales(clock.id, "B-02-01", opening=40, per_day=[1] * 28)  # 12 left, above its point for now
    daily_sales(mug.id, "A-01-02", opening=66, per_day=[2] * 28)  # 10 left, but its supplier orders by hand
    recompute(today=TODAY, period_days=28)
    user_id, _ = make_user("kobayashi", "manager")
    return {"site": site, "tea": tea, "clock": clock, "mug": mug, "yamada": yamada.id, "user_id": user_id}


def auto(shop, mode="draft", times="09:00,15:00", **fields):
    values = {"channel": "manual", "auto_mode": mode, "auto_times": times, "now": tokyo(0)} | fields
    save_supplier_sending(shop["yamada"], **values)


def orders() -> list[Task]:
    return list(db.session.scalars(select(Task).where(Task.kind == "purchase_order").order_by(Task.id)))


def sell(item_id: int, location: str, quantity: int, when: datetime) -> None:
    post(
        [
            {
                "type": "pick",
                "item_id": item_id,
                "location_id": bin_id(location),
                "quantity": -quantity,
                "occurred_at": when,
            }
        ]
    )


def test_a_run_at_the_set_time_drafts_one_order_with_the_reason_of_each_line(shop):
    auto(shop)
    assert run_auto_ordering(tokyo(8, 59)) == {"drafted": [], "sent": [], "unsent": []}  # not yet 09:00
    result = run_auto_ordering(tokyo(9, 0))
    (order,) = orders()
    assert result["drafted"] == [order.id] and order.status == "draft" and order.supplier_id == shop["yamada"]
    (line,) = order.lines
    (why,) = auto_order_log()
    assert line.item_id == shop["tea"].id and line.quantity == why["quantity"]
    assert (why["outcome"], why["order_number"], why["on_hand"], why["on_order"]) == ("ordered", order.number, 10, 0)
    assert why["position"] <= why["reorder_point"] < why["order_up_to"]
    assert line.quantity % 12 == 0 and line.quantity >= 24
    assert line.quantity - 12 < why["order_up_to"] - why["position"] <= line.quantity  # up to the target, in cases


def test_a_second_call_in_the_same_slot_orders_nothing_more(shop):
    auto(shop)
    run_auto_ordering(tokyo(9, 0))
    assert run_auto_ordering(tokyo(9, 0)) == {"drafted": [], "sent": [], "unsent": []}
    assert run_auto_ordering(tokyo(9, 30)) == {"drafted": [], "sent": [], "unsent": []}
    assert len(orders()) == 1


def test_a_need_on_a_waiting_draft_or_an_open_order_is_not_ordered_again(shop):
    auto(shop)
    run_auto_ordering(tokyo(9, 0))
    assert run_auto_ordering(tokyo(15, 0))["drafted"] == []  # the 09:00 draft still waits for approval
    confirm_order(orders()[0].id, shop["user_id"])
    assert run_auto_ordering(tokyo(9, 0, days=2))["drafted"] == []  # on order now: the position is above the point
    assert len(orders()) == 1


def test_several_runs_a_day_order_what_fell_to_its_point_since_the_last(shop):
    auto(shop)
    run_auto_ordering(tokyo(9, 0))
    assert [ln.item_id for ln in orders()[0].lines] == [shop["tea"].id]
    sell(shop["clock"].id, "B-02-01", 10, tokyo(11, 0))  # 2 clocks left
    result = run_auto_ordering(tokyo(15, 0))
    assert len(result["drafted"]) == 1
    assert [ln.item_id for ln in orders()[1].lines] == [shop["clock"].id]


def test_below_the_minimum_amount_it_waits_unless_an_item_is_out_of_stock(shop):
    yamada = db.session.get(Supplier, shop["yamada"])
    yamada.min_order_amount = Decimal(50_000)  # 最低発注金額 on the supplier
    db.session.commit()
    auto(shop)
    assert run_auto_ordering(tokyo(9, 0))["drafted"] == []  # 24 or so teas at 380 yen are under 50,000 yen
    assert orders() == [] and {w["outcome"] for w in auto_order_log()} == {"waiting"}
    sell(shop["tea"].id, "A-01-01", 10, tokyo(12, 0))  # the last ten teas sold: out of stock
    result = run_auto_ordering(tokyo(15, 0))
    (order,) = orders()
    assert result["drafted"] == [order.id] and order.lines[0].item_id == shop["tea"].id
    latest = auto_order_log()[0]
    assert (latest["outcome"], latest["on_hand"], latest["amount"] < 50_000) == ("ordered", 0, True)


def test_ordering_off_or_another_suppliers_items_are_left_alone(shop):
    auto(shop, mode="off", times="")
    assert run_auto_ordering(tokyo(9, 0)) == {"drafted": [], "sent": [], "unsent": []}
    auto(shop)
    run_auto_ordering(tokyo(9, 0))
    assert {ln.item_id for o in orders() for ln in o.lines} == {shop["tea"].id}  # not the mug of 菊池商事
    assert auto_times_fields() == {"hour": "15,9", "minute": "0"}


def test_send_automatically_confirms_and_emails_the_order(shop, tmp_path):
    certs = throwaway_ca(tmp_path)
    save_company_profile(name="田中商店", person_in_charge="小林")
    with mail_server(certs) as inbox:
        use_server(inbox.port, certs)
        auto(shop, mode="send", channel="email")
        result = run_auto_ordering(tokyo(9, 0))
    (order,) = orders()
    assert result == {"drafted": [], "sent": [order.id], "unsent": []}
    assert order.status == "open" and order.sent_channel == "email"
    assert [d["outcome"] for d in delivery_log(order.id)] == ["sent"]
    assert inbox.messages[0]["Subject"] == f"【発注書】{order.number} 田中商店"
    assert db.session.scalar(select(AutoOrderLine.task_id)) == order.id


def test_send_automatically_to_a_supplier_ordered_by_hand_leaves_the_order_confirmed(shop):
    auto(shop, mode="send")
    result = run_auto_ordering(tokyo(9, 0))
    (order,) = orders()
    assert result == {"drafted": [], "sent": [], "unsent": [order.id]}
    assert order.status == "open" and order.sent_at is None


def test_the_first_run_after_turning_it_on_is_the_next_set_time(shop):
    save_supplier_sending(shop["yamada"], channel="manual", auto_mode="draft", auto_times="09:00", now=tokyo(10, 0))
    assert run_auto_ordering(tokyo(10, 1))["drafted"] == []  # 09:00 had passed when it was switched on
    assert len(run_auto_ordering(tokyo(9, 0, days=2))["drafted"]) == 1
