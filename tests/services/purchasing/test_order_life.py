"""A purchase order through its life: draft, confirmed, sent, partly received, received, cancelled, reopened."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_supplier, scan
from tests.workflow_fixtures import build_world
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.models import Task, TaskEvent, TaskLine
from webapp.services.core import on_order_by_site
from webapp.services.purchasing import (
    add_draft_line,
    cancel_order,
    confirm_order,
    create_purchase_order,
    mark_sent,
    merge_drafts,
    order_summary,
    orders_listing,
    release_purchase_order,
    remove_draft_line,
    reopen_order,
    update_draft,
    update_draft_line,
)
from webapp.services.scanning import apply_scans

CLOCK, TEA = "4901234567894", "4987654321094"


@pytest.fixture
def world(app):
    return build_world()


def draft(world, lines=((CLOCK, 10), ("GREEN-TEA", 24)), supplier="SUP-KIKUCHI"):
    return create_purchase_order("TKY", supplier, list(lines), world["manager_id"], draft=True)


def stage(task_id):
    return order_summary(task_id)["stage"]


def events(task_id):
    return [(e.kind, e.user_id) for e in db.session.scalars(select(TaskEvent).where(TaskEvent.task_id == task_id))]


def test_a_draft_is_confirmed_then_sent_and_each_step_says_who_and_when(world):
    po = draft(world)
    assert stage(po) == "draft" and order_summary(po)["steps"] == ["edit", "confirm", "merge", "cancel"]
    confirm_order(po, world["manager_id"])
    assert stage(po) == "confirmed"
    assert on_order_by_site({(world["clock"].id, world["site"].id)}) == {(world["clock"].id, world["site"].id): 10}
    mark_sent(po, world["manager_id"], "phone")
    summary = order_summary(po)
    assert summary["stage"] == "sent" and summary["sent_channel"] == "phone"
    assert events(po) == [("confirmed", world["manager_id"]), ("sent", world["manager_id"])]
    kinds = [(h["kind"], h["by"]) for h in summary["history"]]
    assert kinds == [("created", "suzuki"), ("confirmed", "suzuki"), ("sent", "suzuki")]
    assert all(h["at"] for h in summary["history"])


def test_confirming_fixes_each_line_price_from_the_item_cost(world):
    po = draft(world)
    confirm_order(po, world["manager_id"])
    world["clock"].unit_cost = Decimal("1500")
    db.session.commit()
    prices = {ln["item_code"]: ln["unit_price"] for ln in order_summary(po)["lines"]}
    assert prices == {"RETRO-CLOCK": "1200", "GREEN-TEA": "80"}


def test_receiving_moves_a_sent_order_to_partly_received_then_received(world):
    po = draft(world, [(CLOCK, 10)])
    confirm_order(po, world["manager_id"])
    mark_sent(po, None, "email")
    apply_scans([scan("receive", CLOCK, 4, task_id=po)], world["worker"])
    assert stage(po) == "partly_received"
    assert order_summary(po)["steps"] == ["mark_sent", "close_short"]
    apply_scans([scan("receive", CLOCK, 6, task_id=po)], world["worker"])
    assert stage(po) == "received"
    assert order_summary(po)["history"][-1]["kind"] == "received"


def test_nothing_is_received_against_a_draft_or_a_cancelled_order(world):
    po = draft(world, [(CLOCK, 10)])
    [out] = apply_scans([scan("receive", CLOCK, 1, task_id=po)], world["worker"])
    assert out.status == "rejected"
    cancel_order(po, world["manager_id"], "仕入先の在庫切れ")
    [out] = apply_scans([scan("receive", CLOCK, 1, task_id=po)], world["worker"])
    assert out.status == "rejected"
    assert db.session.scalar(select(TaskLine.done_quantity).where(TaskLine.task_id == po)) == 0


def test_confirm_needs_a_supplier_and_a_line(world):
    no_supplier = draft(world, [(CLOCK, 5)], supplier=None)
    with pytest.raises(InvalidInput) as refused:
        confirm_order(no_supplier, world["manager_id"])
    assert refused.value.code == "supplier_required"
    po = draft(world, [(CLOCK, 5)])
    [line] = order_summary(po)["lines"]
    remove_draft_line(po, line["id"], world["manager_id"])
    with pytest.raises(InvalidInput) as refused:
        confirm_order(po, world["manager_id"])
    assert refused.value.code == "no_lines"
    assert db.session.get(Task, po).status == "draft"


def test_only_a_draft_is_edited_or_confirmed(world):
    po = draft(world)
    confirm_order(po, world["manager_id"])
    line = order_summary(po)["lines"][0]
    with pytest.raises(Conflict) as refused:
        update_draft_line(po, line["id"], world["manager_id"], 99)
    assert refused.value.code == "not_draft"
    with pytest.raises(Conflict):
        add_draft_line(po, TEA, 5, world["manager_id"])
    with pytest.raises(Conflict):
        confirm_order(po, world["manager_id"])
    assert order_summary(po)["lines"][0]["expected"] == 10


def test_a_draft_line_quantity_goes_up_to_whole_packs_and_the_minimum(world):
    make_item("SENCHA-100", "静岡煎茶 100g", "4912345678904", order_multiple=6, min_order_qty=12, unit_cost="540")
    po = draft(world, [(CLOCK, 10)])
    line_id = add_draft_line(po, "4912345678904", 5, world["manager_id"], date(2026, 12, 10), "化粧箱入り")
    sencha = next(ln for ln in order_summary(po)["lines"] if ln["id"] == line_id)
    assert (sencha["expected"], sencha["expected_date"], sencha["note"]) == (12, "2026-12-10", "化粧箱入り")
    assert update_draft_line(po, line_id, world["manager_id"], 13) == 18
    assert update_draft_line(po, line_id, world["manager_id"], 24, date(2026, 12, 11)) == 24


def test_a_bad_quantity_or_unknown_item_changes_nothing(world):
    po = draft(world, [(CLOCK, 10)])
    [line] = order_summary(po)["lines"]
    for qty in (0, -3, 2_000_000):
        with pytest.raises(InvalidInput):
            update_draft_line(po, line["id"], world["manager_id"], qty)
    with pytest.raises(InvalidInput) as refused:
        add_draft_line(po, "4900000000000", 1, world["manager_id"])
    assert refused.value.code == "unknown_item"
    assert [ln["expected"] for ln in order_summary(po)["lines"]] == [10]


def test_remarks_are_kept_for_the_order_document(world):
    po = draft(world)
    update_draft(po, world["manager_id"], "午前中着でお願いします。")
    assert order_summary(po)["remarks"] == "午前中着でお願いします。"


def test_drafts_of_one_supplier_merge_into_the_oldest_adding_up_lines(world):
    first = draft(world, [(CLOCK, 10)])
    second = draft(world, [(CLOCK, 5), ("GREEN-TEA", 24)])
    assert merge_drafts([second, first], world["manager_id"]) == first
    lines = {ln["item_code"]: ln["expected"] for ln in order_summary(first)["lines"]}
    assert lines == {"RETRO-CLOCK": 15, "GREEN-TEA": 24}
    assert stage(second) == "cancelled" and order_summary(second)["steps"] == []
    with pytest.raises(Conflict) as refused:
        reopen_order(second, world["manager_id"])
    assert refused.value.code == "merged_away"


def test_drafts_of_two_suppliers_are_not_merged(world):
    make_supplier("SUP-YAMADA", "株式会社山田商事")
    kikuchi = draft(world, [(CLOCK, 10)])
    yamada = draft(world, [(TEA, 12)], supplier="SUP-YAMADA")
    with pytest.raises(Conflict) as refused:
        merge_drafts([kikuchi, yamada], world["manager_id"])
    assert refused.value.code == "merge_mismatch"
    assert stage(kikuchi) == stage(yamada) == "draft"
    with pytest.raises(InvalidInput):
        merge_drafts([kikuchi], world["manager_id"])


def test_a_confirmed_order_not_yet_received_is_cancelled_and_reopened_as_a_draft(world):
    po = draft(world)
    confirm_order(po, world["manager_id"])
    mark_sent(po, world["manager_id"], "fax")
    cancel_order(po, world["manager_id"], "二重発注")
    assert stage(po) == "cancelled" and order_summary(po)["steps"] == ["reopen"]
    assert on_order_by_site({(world["clock"].id, world["site"].id)}) == {}
    reopen_order(po, world["manager_id"])
    summary = order_summary(po)
    assert summary["stage"] == "draft" and summary["sent_at"] is None
    assert [h["kind"] for h in summary["history"]] == ["created", "confirmed", "sent", "cancelled", "reopened"]


def test_an_order_with_receipts_is_not_cancelled(world):
    po = draft(world)
    confirm_order(po, world["manager_id"])
    apply_scans([scan("receive", CLOCK, 2, task_id=po)], world["worker"])
    with pytest.raises(Conflict) as refused:
        cancel_order(po, world["manager_id"])
    assert refused.value.code == "not_cancellable"
    assert stage(po) == "partly_received"


def test_a_draft_is_not_marked_sent_and_a_channel_must_be_known(world):
    po = draft(world)
    with pytest.raises(Conflict) as refused:
        mark_sent(po, world["manager_id"], "email")
    assert refused.value.code == "not_confirmed"
    confirm_order(po, world["manager_id"])
    with pytest.raises(InvalidInput):
        mark_sent(po, world["manager_id"], "pigeon")
    assert stage(po) == "confirmed"


def test_only_a_cancelled_order_is_reopened(world):
    po = draft(world)
    with pytest.raises(Conflict) as refused:
        reopen_order(po, world["manager_id"])
    assert refused.value.code == "not_cancelled"


def test_the_list_shows_drafts_by_default_and_filters_by_stage_and_supplier(world):
    yamada = make_supplier("SUP-YAMADA", "株式会社山田商事")
    kikuchi_draft = draft(world, [(CLOCK, 10)])
    yamada_draft = draft(world, [(TEA, 12)], supplier="SUP-YAMADA")
    sent = draft(world, [(TEA, 6)])
    confirm_order(sent, world["manager_id"])
    mark_sent(sent, world["manager_id"], "email")
    assert {o["id"] for o in orders_listing()} == {kikuchi_draft, yamada_draft}
    assert [o["id"] for o in orders_listing("draft", yamada.id)] == [yamada_draft]
    assert [o["id"] for o in orders_listing("sent")] == [sent]
    assert orders_listing("confirmed") == []
    assert len(orders_listing(None)) == 3
    with pytest.raises(InvalidInput):
        orders_listing("lost")


def test_the_one_step_release_is_recorded_as_a_confirmation_by_its_user(world):
    po = draft(world, [(CLOCK, 3)], supplier=None)
    release_purchase_order(po, world["manager_id"])
    summary = order_summary(po)
    assert summary["stage"] == "confirmed" and summary["lines"][0]["unit_price"] == "1200"
    assert [(h["kind"], h["by"]) for h in summary["history"]] == [("created", "suzuki"), ("confirmed", "suzuki")]
