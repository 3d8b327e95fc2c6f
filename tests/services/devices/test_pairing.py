"""Pairing a phone: a one-time link, used once within ten minutes; a removed phone is refused and may be paired again."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.builders import NOW
from webapp.errors import Expired, Forbidden, InvalidInput, NotFound
from webapp.extensions import db
from webapp.models import PairingCode
from webapp.services.accounts import create_user
from webapp.services.devices import (
    create_pairing,
    device_ref,
    device_workers,
    list_devices,
    pairing_offer,
    record_heartbeat,
    redeem_pairing,
    revoke_device,
)

PASSWORD = "correct horse battery"


@pytest.fixture
def staff(app):
    return {
        "owner": create_user("yamada", PASSWORD, "owner", display_name="山田 店長"),
        "manager": create_user("suzuki", PASSWORD, "manager", display_name="鈴木"),
        "sato": create_user("sato", PASSWORD, "worker", display_name="佐藤"),
        "tanaka": create_user("tanaka", PASSWORD, "worker", display_name="田中"),
    }


def test_a_pairing_link_pairs_one_phone_for_its_worker_once(staff):
    pairing = create_pairing(staff["manager"], "佐藤のiPhone", user_id=staff["sato"], now=NOW)
    assert pairing.expires_at == NOW + timedelta(minutes=10)

    device = redeem_pairing(pairing.token, now=NOW + timedelta(minutes=3))
    assert (device.name, device.user_id, device.shared, device.revoked) == ("佐藤のiPhone", staff["sato"], False, False)

    with pytest.raises(Expired) as second:
        redeem_pairing(pairing.token, now=NOW + timedelta(minutes=4))
    assert second.value.code == "pairing_used"
    assert [d.name for d in list_devices()] == ["佐藤のiPhone"]


def test_only_the_hash_of_the_pairing_token_is_stored(staff):
    pairing = create_pairing(staff["manager"], "レジ横の共用スマホ", now=NOW)
    stored = db.session.scalar(select(PairingCode))
    assert pairing.token not in (stored.token_hash, stored.device_name)
    assert len(stored.token_hash) == 64


def test_an_expired_pairing_link_is_refused_and_pairs_nothing(staff):
    pairing = create_pairing(staff["manager"], "倉庫の共用スマホ", now=NOW)
    with pytest.raises(Expired) as refused:
        redeem_pairing(pairing.token, now=NOW + timedelta(minutes=10))
    assert refused.value.code == "pairing_expired"
    with pytest.raises(Expired):
        pairing_offer(pairing.token, now=NOW + timedelta(minutes=11))
    assert list_devices() == []


def test_an_unknown_link_is_not_found(staff):
    with pytest.raises(NotFound):
        redeem_pairing("not-a-real-token", now=NOW)


def test_looking_at_a_pairing_link_does_not_use_it(staff):
    pairing = create_pairing(staff["manager"], "倉庫の共用スマホ", now=NOW)
    offer = pairing_offer(pairing.token, now=NOW + timedelta(minutes=1))
    assert (offer.device_name, offer.user_name) == ("倉庫の共用スマホ", None)
    assert redeem_pairing(pairing.token, now=NOW + timedelta(minutes=2)).shared


def test_a_manager_pairs_phones_for_workers_but_not_for_the_owner(staff):
    with pytest.raises(Forbidden):
        create_pairing(staff["manager"], "店長のスマホ", user_id=staff["owner"], now=NOW)
    with pytest.raises(Forbidden):
        create_pairing(staff["sato"], "共用スマホ", now=NOW)
    assert create_pairing(staff["owner"], "店長のスマホ", user_id=staff["owner"], now=NOW).user_id == staff["owner"]


def test_a_phone_needs_a_short_name(staff):
    with pytest.raises(InvalidInput):
        create_pairing(staff["manager"], "   ", now=NOW)
    with pytest.raises(InvalidInput):
        create_pairing(staff["manager"], "長" * 81, now=NOW)


def test_revoking_a_phone_marks_it_removed_for_its_next_request(staff):
    device = redeem_pairing(
        create_pairing(staff["manager"], "佐藤のiPhone", user_id=staff["sato"], now=NOW).token, now=NOW
    )
    revoke_device(device.id, staff["manager"], now=NOW + timedelta(hours=1))
    assert device_ref(device.id).revoked
    [row] = list_devices()
    assert row.revoked_at == NOW + timedelta(hours=1)


def test_a_phone_paired_again_takes_over_the_workers_of_the_removed_one(staff):
    first = redeem_pairing(create_pairing(staff["manager"], "共用スマホ", now=NOW).token, now=NOW)
    from webapp.services.devices import record_sign_in

    record_sign_in(first.id, staff["tanaka"], now=NOW)
    revoke_device(first.id, staff["manager"], now=NOW)
    again = redeem_pairing(
        create_pairing(staff["manager"], "共用スマホ", now=NOW).token, previous_device_id=first.id, now=NOW
    )
    assert set(device_workers(again.id, [staff["tanaka"], staff["sato"]])) == {staff["tanaka"]}


def test_a_phone_reports_its_health_after_syncing(staff):
    device = redeem_pairing(create_pairing(staff["manager"], "共用スマホ", now=NOW).token, now=NOW)
    oldest = NOW + timedelta(minutes=2)
    record_heartbeat(
        device.id,
        synced=False,
        unsent=7,
        oldest_unsent_at=oldest,
        app_version="3f2a9c1b7d4e",
        client_id="0190c0de-0000-7000-8000-00000000abcd",
        now=NOW + timedelta(minutes=5),
    )
    [row] = list_devices()
    assert (row.unsent_count, row.oldest_unsent_at, row.app_version) == (7, oldest, "3f2a9c1b7d4e")
    assert row.last_seen_at == NOW + timedelta(minutes=5)
    assert row.last_sync_at is None

    record_heartbeat(
        device.id,
        synced=True,
        unsent=0,
        oldest_unsent_at=oldest,
        app_version="3f2a9c1b7d4e",
        now=NOW + timedelta(minutes=6),
    )
    [row] = list_devices()
    assert (row.unsent_count, row.oldest_unsent_at, row.last_sync_at) == (0, None, NOW + timedelta(minutes=6))
