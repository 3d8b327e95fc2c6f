"""The owner's days-of-stock band per category: kept, bounded, audited, and read by the next calculation."""

import pytest
from sqlalchemy import select

from tests.builders import make_user
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import AuditEvent, CategoryBand, ReplenishmentResult
from webapp.services.replenishment import category_bands, recompute, reset_category_band, set_category_band


@pytest.fixture
def owner_id(app):
    return make_user("kobayashi", "owner")[0]


def trail():
    db.session.remove()
    return list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def test_a_category_without_its_own_band_keeps_the_reference_band(app):
    assert category_bands()["fresh_food"] == (2, 7) and category_bands()["supermarket"] == (10, 60)


def test_the_owner_sets_a_band_and_the_trail_has_the_old_and_new_ends(owner_id):
    assert set_category_band("fresh_food", "3", "10", owner_id) == (3, 10)
    assert category_bands()["fresh_food"] == (3, 10)
    [event] = trail()
    assert (event.user_name, event.object_kind, event.object_label, event.action) == (
        "kobayashi",
        "category_band",
        "fresh_food",
        "update",
    )
    assert event.changes == {"low_days": {"old": 2, "new": 3}, "high_days": {"old": 7, "new": 10}}


def test_going_back_to_the_reference_band_is_recorded_and_saving_the_same_band_again_is_not(owner_id):
    set_category_band("supermarket", 14, 45, owner_id)
    set_category_band("supermarket", 14, 45, owner_id)
    assert reset_category_band("supermarket", owner_id) == (10, 60)
    assert category_bands()["supermarket"] == (10, 60) and db.session.get(CategoryBand, "supermarket") is None
    _changed, back = trail()
    assert back.changes == {"low_days": {"old": 14, "new": 10}, "high_days": {"old": 45, "new": 60}}


@pytest.mark.parametrize(
    ("low", "high", "code"),
    [
        ("", "10", "required"),
        ("3", "十", "not_a_number"),
        ("-1", "5", "not_a_number"),
        ("7", "7", "band_order"),
        ("30", "10", "band_order"),
        ("0", "3651", "out_of_range"),
        ("1.5", "9", "not_a_number"),
    ],
)
def test_a_band_that_makes_no_sense_is_refused_and_changes_and_records_nothing(owner_id, low, high, code):
    with pytest.raises(InvalidInput) as refused:
        set_category_band("fresh_food", low, high, owner_id)
    assert refused.value.code == code
    assert category_bands()["fresh_food"] == (2, 7) and trail() == []


def test_a_category_that_has_no_band_is_refused(owner_id):
    with pytest.raises(InvalidInput) as refused:
        set_category_band("general", 1, 5, owner_id)
    assert refused.value.code == "bad_category" and trail() == []


def test_the_next_calculation_judges_days_of_stock_by_the_owners_band(owner_id):
    _site, tea = tea_shop(category="supermarket")
    daily_sales(tea.id, "A-01-01", opening=400, per_day=[5] * 28)  # 260 left at 5 a day: 52 days of stock
    recompute(today=TODAY, period_days=28)
    flag = lambda: db.session.scalar(select(ReplenishmentResult.band_flag).where(ReplenishmentResult.item_id == tea.id))  # noqa: E731
    assert flag() == "ok"  # inside the reference 10-60 days
    set_category_band("supermarket", 7, 30, owner_id)
    recompute(today=TODAY, period_days=28)
    assert flag() == "overstock"
