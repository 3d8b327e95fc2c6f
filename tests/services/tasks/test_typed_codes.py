"""Codes typed in the office with the Japanese IME on are read as the codes they are."""

import pytest

from tests.builders import scan
from tests.workflow_fixtures import build_world, stock_at
from webapp.extensions import db
from webapp.models import Task
from webapp.services.purchasing import create_purchase_order, order_lines
from webapp.services.scanning import apply_scans
from webapp.services.stock import lookup
from webapp.services.stocktake import review, start_count


@pytest.fixture
def world(app):
    return build_world()


def test_an_order_line_typed_in_full_width_digits_names_the_item(world):
    po = create_purchase_order(
        "TKY", None, [("４９０１２３４５６７８９４", 6), ("ＧＲＥＥＮ－ＴＥＡ", 24)], world["manager_id"]
    )
    assert [r["item_code"] for r in order_lines(db.session.get(Task, po))] == ["RETRO-CLOCK", "GREEN-TEA"]


def test_bins_typed_with_the_ime_on_start_a_count_of_those_bins(world):
    session = start_count("TKY", world["manager_id"], scope="bins", bins=["Ａ－０１－０１", "B−02ー01"])
    assert review(session)["session"].location_ids != []


def test_a_typed_full_width_code_on_the_phone_is_received_like_the_scanned_one(world):
    [out] = apply_scans([scan("receive", "４９０１２３４５６７８９４", 2, location="A-01-01")], world["worker"])
    assert out.status == "applied" and stock_at("A-01-01", world["clock"]) == 2


def test_lookup_of_a_full_width_bin_label_finds_the_bin(world):
    assert lookup("Ｃ－０３－０１")["kind"] == "location"
