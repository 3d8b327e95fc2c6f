"""Orders in the supplier's packs: a draft of 25 green teas sold by the case of 24 goes up to 2 cases, typed
「1ケース 3」 reads exactly, a case code received books 24 pieces, and the 発注書 says 「2 ケース (48 本)」."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from tests.builders import make_item, make_supplier, scan
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from tests.workflow_fixtures import build_world, stock_at
from webapp.domain.pack_levels import format_mixed, levels_of
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import Item, Movement, Task, TaskLine
from webapp.services.catalog import update_item
from webapp.services.purchasing import (
    add_draft_line,
    confirm_order,
    create_purchase_order,
    order_lines,
    order_pdf,
    order_summary,
    suggestion_rows,
    update_draft_line,
)
from webapp.services.replenishment import recompute
from webapp.services.scanning import apply_scans

CLOCK_JAN, TEA_JAN, TEA_CASE = "4901234567894", "4987654321094", "14987654321091"  # the case: GTIN-14 of the JAN


@pytest.fixture
def world(app):
    w = build_world()
    tea = w["tea"]
    w["tea_case"] = make_barcode(tea, TEA_CASE, 24)
    update_item(tea.id, {"unit": "bottle", "inner_qty": 6, "case_qty": 24, "order_in": "case"})
    return w


def make_barcode(item, code, pack_qty):
    from webapp.services.catalog import add_barcode

    return add_barcode(item.id, code, pack_qty)


def draft_line(world, quantity):
    po = create_purchase_order("TKY", "SUP-KIKUCHI", [(CLOCK_JAN, 2)], world["manager_id"], draft=True)
    line_id = add_draft_line(po, "GREEN-TEA", quantity, world["manager_id"])
    return po, line_id


def kept(line_id):
    return db.session.get(TaskLine, line_id).quantity


@pytest.mark.parametrize(
    ("typed", "pieces"),
    [(25, 48), (24, 24), (1, 24), ("1ケース 3", 48), ("2c", 48), ("１ケース", 24), ("3 ボール 6", 24), ("2 cases", 48)],
)
def test_a_draft_line_goes_up_to_whole_cases_of_the_suppliers_pack(world, typed, pieces):
    po, line_id = draft_line(world, 1)
    assert update_draft_line(po, line_id, world["manager_id"], typed) == pieces
    assert kept(line_id) == pieces and kept(line_id) % 24 == 0


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("2 pallets", "unknown_pack_word"), ("1.5ケース", "not_whole_packs"), ("abc", "not_a_quantity"), ("0", "bad_quantity"),
     ("50000 ケース", "quantity_too_large"), ("", "empty_quantity")],
)  # fmt: skip
def test_a_typed_quantity_that_makes_no_sense_is_refused_and_the_line_kept(world, typed, reason):
    po, line_id = draft_line(world, 48)
    with pytest.raises(InvalidInput) as refused:
        update_draft_line(po, line_id, world["manager_id"], typed)
    assert refused.value.code == reason and refused.value.fields == {"quantity": [refused.value.fields["quantity"][0]]}
    assert kept(line_id) == 48


def test_an_item_ordered_in_inners_with_an_order_multiple_goes_in_whole_steps_of_both(world):
    update_item(world["tea"].id, {"order_in": "inner", "order_multiple": 4})  # inners of 6, multiples of 4: steps of 12
    po, line_id = draft_line(world, 13)
    assert kept(line_id) == 24
    [tea] = [ln for ln in order_summary(po)["lines"] if ln["item_code"] == "GREEN-TEA"]
    assert tea["order_step"] == 12


def test_an_item_without_packs_keeps_its_plain_quantity(world):
    po = create_purchase_order("TKY", "SUP-KIKUCHI", [("GREEN-TEA", 24)], world["manager_id"], draft=True)
    line_id = add_draft_line(po, CLOCK_JAN, "7", world["manager_id"])
    assert kept(line_id) == 7
    with pytest.raises(InvalidInput) as refused:
        update_draft_line(po, line_id, world["manager_id"], "1ケース")
    assert refused.value.code == "no_case_level" and kept(line_id) == 7


def test_a_case_code_and_an_each_code_received_tally_into_one_line_in_pieces(world):
    po = create_purchase_order("TKY", "SUP-KIKUCHI", [("GREEN-TEA", 48)], world["manager_id"])
    outcomes = apply_scans(
        [scan("receive", TEA_CASE, 1, task_id=po, location="A-01-01"), scan("receive", TEA_JAN, 1, task_id=po, location="A-01-01")],
        world["worker"],
    )  # fmt: skip
    assert [o.status for o in outcomes] == ["applied", "applied"]
    [line] = order_lines(db.session.get(Task, po))
    assert (line["received"], line["outstanding"]) == (25, 23)
    assert format_mixed(line["received"], levels_of(line), line["unit"], "ja") == "1 ケース 1 本"
    assert format_mixed(line["outstanding"], levels_of(line), line["unit"], "en") == "3 inners 5 bottle"
    ledger = select(func.sum(Movement.quantity)).where(Movement.item_id == world["tea"].id)
    assert db.session.scalar(ledger) == 25 and stock_at("A-01-01", world["tea"]) == 25


def test_the_order_document_shows_the_line_in_cases_with_the_pieces_priced(world):
    make_supplier("SUP-YAMADA", "株式会社山田商事")
    po = create_purchase_order("TKY", "SUP-YAMADA", [(CLOCK_JAN, 1)], world["manager_id"], draft=True)
    add_draft_line(po, "GREEN-TEA", "1ケース 1", world["manager_id"])
    confirm_order(po, world["manager_id"])
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(order_pdf(po))).pages)
    assert "2 ケース (48 本)" in text and "48" in text and "¥3,840" in text  # 48 x ¥80: priced by the piece


def test_suggestions_round_up_to_whole_cases_of_the_order_level(app):
    kikuchi = make_supplier()
    _site, tea = tea_shop(supplier_id=kikuchi.id, order_multiple=1, min_order_qty=1)
    make_item("MUG-HASAMI", "波佐見焼マグカップ", "4912345000019", name_en="Hasami mug")
    update_item(tea.id, {"inner_qty": 10, "case_qty": 40, "order_in": "case"})
    daily_sales(tea.id, "A-01-01", opening=150, per_day=[5] * 28)  # 10 left: below its reorder point
    recompute(today=TODAY, period_days=28)
    [row] = [r for r in suggestion_rows() if r["item_code"] == "TEA-SENCHA"]
    assert row["order_step"] == 40 and row["quantity"] % 40 == 0
    assert row["quantity"] >= row["order_up_to"] - row["position"] > row["quantity"] - 40  # never more than a case over
    assert db.session.get(Item, tea.id).order_in == "case"


def test_a_pick_of_a_case_and_two_bottles_is_taken_by_one_case_code_and_two_jans(world):
    from webapp.services.picking import create_pick_list, pick_lines

    apply_scans([scan("receive", TEA_CASE, 2, location="A-01-01")], world["worker"])  # 48 bottles in
    pl = create_pick_list("TKY", [("GREEN-TEA", 26)], world["manager_id"])
    [line] = pick_lines(db.session.get(Task, pl))
    assert format_mixed(line["quantity"], levels_of(line), line["unit"], "ja") == "1 ケース 2 本"
    picks = [
        scan("pick", TEA_CASE, 1, task_id=pl, location="A-01-01"),
        scan("pick", TEA_JAN, 2, task_id=pl, location="A-01-01"),
    ]
    assert [o.status for o in apply_scans(picks, world["worker"])] == ["applied", "applied"]
    [line] = pick_lines(db.session.get(Task, pl))
    assert (line["picked"], line["left"]) == (26, 0) and stock_at("A-01-01", world["tea"]) == 22
