"""Badges and PINs on a shared phone: stored hashed, reissued at will, wrong PINs throttled by a lock that lifts."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.builders import NOW
from webapp.errors import Forbidden, InvalidInput, Locked, NotFound, Unauthorized
from webapp.extensions import db
from webapp.models import User
from webapp.services.accounts import create_user
from webapp.services.devices import (
    BADGE_PREFIX,
    badge_roster,
    check_badge,
    clear_pin,
    create_pairing,
    device_workers,
    issue_badges,
    redeem_pairing,
    set_pin,
    sign_in_with_badge,
    unlock_badge,
)

PASSWORD = "correct horse battery"


@pytest.fixture
def shop(app):
    manager = create_user("suzuki", PASSWORD, "manager", display_name="鈴木")
    tanaka = create_user("tanaka", PASSWORD, "worker", display_name="田中")
    shared = redeem_pairing(create_pairing(manager, "レジ横の共用スマホ", now=NOW).token, now=NOW)
    [badge] = issue_badges(manager, [tanaka], now=NOW)
    set_pin(manager, tanaka, "4827")
    return {"manager": manager, "tanaka": tanaka, "device": shared.id, "badge": badge.code}


def test_a_badge_and_its_pin_sign_the_worker_in_on_a_shared_phone(shop):
    holder = check_badge(shop["badge"], now=NOW)
    assert (holder.name, holder.needs_pin, holder.locked_until) == ("田中", True, None)
    assert sign_in_with_badge(shop["badge"], "4827", device_id=shop["device"], now=NOW) == shop["tanaka"]
    assert set(device_workers(shop["device"], [shop["tanaka"]])) == {shop["tanaka"]}


def test_a_wedge_scanner_sending_lower_case_still_matches_the_badge(shop):
    assert sign_in_with_badge(shop["badge"].lower(), "4827", device_id=shop["device"], now=NOW) == shop["tanaka"]


def test_badge_and_pin_are_stored_only_as_hashes(shop):
    user = db.session.get(User, shop["tanaka"])
    assert shop["badge"].startswith(BADGE_PREFIX)
    assert shop["badge"] not in (user.badge_hash, user.pin_hash)
    assert "4827" not in user.pin_hash
    assert len(user.badge_hash) == 64 and user.pin_hash.startswith("pbkdf2:")


def test_reissuing_a_badge_makes_the_old_one_useless(shop):
    [new] = issue_badges(shop["manager"], [shop["tanaka"]], now=NOW + timedelta(days=30))
    assert new.code != shop["badge"]
    with pytest.raises(NotFound):
        sign_in_with_badge(shop["badge"], "4827", device_id=shop["device"], now=NOW)
    assert sign_in_with_badge(new.code, "4827", device_id=shop["device"], now=NOW) == shop["tanaka"]


def test_five_wrong_pins_lock_the_badge_until_its_time_is_up(shop):
    tries = []
    for minute in range(4):
        with pytest.raises(Unauthorized) as wrong:
            sign_in_with_badge(shop["badge"], "1111", device_id=shop["device"], now=NOW + timedelta(minutes=minute))
        tries.append(wrong.value.fields["tries_left"])
    assert tries == [4, 3, 2, 1]
    with pytest.raises(Locked) as locked:
        sign_in_with_badge(shop["badge"], "1111", device_id=shop["device"], now=NOW + timedelta(minutes=4))
    until = NOW + timedelta(minutes=9)
    assert locked.value.fields == {"locked_until": until.isoformat()}

    # While locked even the right PIN is refused, and the lock shows on the badge and in the office.
    with pytest.raises(Locked):
        sign_in_with_badge(shop["badge"], "4827", device_id=shop["device"], now=until - timedelta(seconds=1))
    assert check_badge(shop["badge"], now=NOW + timedelta(minutes=5)).locked_until == until
    [row] = [r for r in badge_roster(shop["manager"], now=NOW + timedelta(minutes=5)) if r.user_id == shop["tanaka"]]
    assert row.locked_until == until

    assert sign_in_with_badge(shop["badge"], "4827", device_id=shop["device"], now=until) == shop["tanaka"]
    assert db.session.get(User, shop["tanaka"]).pin_failures == 0


def test_a_manager_can_lift_a_lock_early(shop):
    for minute in range(5):
        with pytest.raises((Unauthorized, Locked)):
            sign_in_with_badge(shop["badge"], "0000", device_id=shop["device"], now=NOW + timedelta(minutes=minute))
    unlock_badge(shop["manager"], shop["tanaka"])
    assert sign_in_with_badge(shop["badge"], "4827", device_id=shop["device"], now=NOW + timedelta(minutes=5))


def test_a_worker_without_a_pin_signs_in_with_the_badge_alone(shop):
    clear_pin(shop["manager"], shop["tanaka"])
    assert not check_badge(shop["badge"], now=NOW).needs_pin
    assert sign_in_with_badge(shop["badge"], None, device_id=shop["device"], now=NOW) == shop["tanaka"]


@pytest.mark.parametrize("pin", ["123", "1234567", "12a4", "", "１２３４"])
def test_a_pin_is_four_to_six_digits(shop, pin):
    with pytest.raises(InvalidInput):
        set_pin(shop["manager"], shop["tanaka"], pin)
    assert sign_in_with_badge(shop["badge"], "4827", device_id=shop["device"], now=NOW)


def test_badges_sign_in_on_shared_phones_only(shop):
    personal = redeem_pairing(
        create_pairing(shop["manager"], "田中のスマホ", user_id=shop["tanaka"], now=NOW).token, now=NOW
    )
    with pytest.raises(Forbidden):
        sign_in_with_badge(shop["badge"], "4827", device_id=personal.id, now=NOW)


def test_a_manager_cannot_issue_the_owners_badge(shop):
    owner = create_user("yamada", PASSWORD, "owner", display_name="山田")
    with pytest.raises(Forbidden):
        issue_badges(shop["manager"], [owner], now=NOW)
    with pytest.raises(Forbidden):
        set_pin(shop["manager"], owner, "1234")
    assert owner not in {r.user_id for r in badge_roster(shop["manager"], now=NOW)}
    assert db.session.scalar(select(User.badge_hash).where(User.id == owner)) is None
