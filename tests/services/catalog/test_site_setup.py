"""Setting up sites and bins from the office: duplicate codes, walk order, and no bin closed while it holds stock."""

import pytest
from sqlalchemy import select

from tests.builders import actor, make_item, make_site, make_user, scan
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.models import AuditEvent, Location, Site
from webapp.services.catalog import (
    add_bin,
    add_site,
    rename_site,
    set_bin_active,
    set_site_active,
    site_overview,
    update_bin,
)
from webapp.services.scanning import apply_scans


def _bin(code: str) -> Location:
    return db.session.scalar(select(Location).where(Location.code == code))


@pytest.fixture
def owner(app):
    return make_user("kobayashi", "owner")[0]


def test_a_new_site_comes_with_its_receiving_bin_and_takes_shelf_bins(owner):
    site_id = add_site(owner, "OSK", "大阪倉庫", "warehouse")
    bin_id = add_bin(owner, site_id, "OSK-A-01", name="A棚1段", zone="A", walk_seq="10")
    [entry] = site_overview()
    assert entry["site"].name == "大阪倉庫"
    assert [b["bin"].code for b in entry["bins"]] == ["OSK-RCV", "OSK-A-01"]
    assert db.session.get(Location, bin_id).walk_seq == 10


def test_duplicate_site_and_bin_codes_are_refused_and_change_nothing(owner):
    make_site("TKY", bins=("A-01-01",))
    with pytest.raises(Conflict) as site_error:
        add_site(owner, "TKY", "東京第二倉庫")
    with pytest.raises(Conflict) as bin_error:
        add_bin(owner, db.session.scalar(select(Site.id)), "A-01-01")
    assert site_error.value.code == bin_error.value.code == "duplicate_code"
    assert db.session.scalar(select(Site.name)) == "東京倉庫"
    assert len(db.session.scalars(select(Location)).all()) == 2


def test_a_bin_code_is_unique_across_sites_so_a_scan_names_one_bin(owner):
    make_site("TKY", bins=("A-01-01",))
    osaka = add_site(owner, "OSK", "大阪倉庫")
    with pytest.raises(Conflict):
        add_bin(owner, osaka, "A-01-01")


def test_walk_order_zone_kind_and_name_are_saved_one_field_at_a_time(owner):
    make_site("TKY", bins=("A-01-01",))
    shelf = _bin("A-01-01")
    update_bin(owner, shelf.id, "walk_seq", "250")
    update_bin(owner, shelf.id, "zone", " 冷蔵 ")
    update_bin(owner, shelf.id, "kind", "staging")
    assert (shelf.walk_seq, shelf.zone, shelf.kind) == (250, "冷蔵", "staging")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("walk_seq", "-5", "bad_walk_seq"),
        ("walk_seq", "10000000", "bad_walk_seq"),
        ("walk_seq", "十", "bad_walk_seq"),
        ("zone", "Z" * 41, "too_long"),
        ("kind", "freezer", "bad_kind"),
        ("kind", "receiving", "receiving_kind"),
        ("code", "B-01", "unknown_field"),
    ],
)
def test_a_bad_bin_field_is_refused_and_the_bin_keeps_its_value(owner, field, value, code):
    make_site("TKY", bins=("A-01-01",))
    shelf = _bin("A-01-01")
    with pytest.raises(InvalidInput) as error:
        update_bin(owner, shelf.id, field, value)
    db.session.refresh(shelf)
    assert error.value.code == code and (shelf.walk_seq, shelf.zone, shelf.kind) == (10, "A", "bin")


def test_a_bin_holding_stock_is_not_deactivated_and_the_refusal_names_the_stock(owner):
    make_site("TKY", bins=("A-01-01", "A-01-02"))
    make_item("TOWEL-IMABARI", "今治タオル", "4901234567894", name_en="Imabari towel")
    worker = make_user("sato", "worker")[0]
    apply_scans([scan("receive", code="4901234567894", quantity=6, location="A-01-01")], actor(worker))
    with pytest.raises(Conflict) as error:
        set_bin_active(owner, _bin("A-01-01").id, False)
    assert error.value.code == "holds_stock"
    assert error.value.fields["stock"] == [
        {
            "item_code": "TOWEL-IMABARI",
            "item_name": "今治タオル",
            "item_name_en": "Imabari towel",
            "bin_code": "A-01-01",
            "quantity": 6,
        }
    ]
    assert _bin("A-01-01").active
    set_bin_active(owner, _bin("A-01-02").id, False)
    assert not _bin("A-01-02").active


def test_a_site_with_active_bins_or_stock_stays_active_until_they_are_cleared(owner):
    site = make_site("TKY", bins=("A-01-01",))
    with pytest.raises(Conflict) as error:
        set_site_active(owner, site.id, False)
    assert error.value.code == "has_active_bins" and error.value.fields["bins"] == ["A-01-01"]
    set_bin_active(owner, _bin("A-01-01").id, False)
    set_site_active(owner, site.id, False)
    assert not db.session.get(Site, site.id).active and not _bin("TKY-RCV").active
    with pytest.raises(Conflict):
        add_bin(owner, site.id, "A-02-01")
    set_site_active(owner, site.id, True)
    assert _bin("TKY-RCV").active and not _bin("A-01-01").active


def test_stock_in_the_receiving_bin_keeps_the_site_open(owner):
    site = make_site("TKY", bins=())
    make_item("TOWEL-IMABARI", "今治タオル", "4901234567894", name_en="Imabari towel")
    worker = make_user("sato", "worker")[0]
    apply_scans([scan("receive", code="4901234567894", quantity=2, location="TKY-RCV")], actor(worker))
    with pytest.raises(Conflict) as error:
        set_site_active(owner, site.id, False)
    assert error.value.code == "holds_stock" and "TOWEL-IMABARI" in error.value.message


def test_a_rename_is_recorded_with_who_and_the_old_and_new_name(owner):
    site = make_site("TKY")
    rename_site(owner, site.id, "東京第一倉庫", "store")
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_kind == "site")).one()
    assert event.user_id == owner and event.changes["name"] == {"old": "東京倉庫", "new": "東京第一倉庫"}
    with pytest.raises(InvalidInput):
        rename_site(owner, site.id, "   ")
    assert db.session.get(Site, site.id).name == "東京第一倉庫"
