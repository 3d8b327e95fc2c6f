"""Acknowledged and snoozed alerts: who and when kept, a snoozed alert's e-mails held until its time."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.builders import make_user
from tests.services.notifications.test_notifications import sell_out, smtp, tokyo  # noqa: F401  (the real SMTP server)
from tests.services.replenishment.test_replenishment_data import tea_shop
from webapp.errors import InvalidInput, NotFound
from webapp.extensions import db
from webapp.models import Alert, AuditEvent
from webapp.services.notifications import acknowledge, dispatch, save_settings, snooze


def _mail_to_kobayashi(port):
    save_settings(
        email_enabled=True,
        email_mode="immediate",
        recipients="kobayashi@example.jp",
        smtp_host="127.0.0.1",
        smtp_port=port,
        mail_from="stock@example.jp",
    )


def _alerts(item_id):
    db.session.remove()
    return list(db.session.scalars(select(Alert).where(Alert.item_id == item_id).order_by(Alert.id)))


def _audit():
    db.session.remove()
    return list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def test_a_snoozed_alert_is_not_emailed_until_its_snooze_ends(app, smtp):  # noqa: F811
    _site, tea = tea_shop(reorder_point=5)
    _mail_to_kobayashi(smtp.port)
    manager_id, _ = make_user("ito", role="manager")
    sell_out(tea.id)
    for alert in _alerts(tea.id):
        snooze(alert.id, manager_id, tokyo(15), now=tokyo(11))
    assert dispatch(now=tokyo(11, 1))["sent"] == 0
    assert dispatch(now=tokyo(14, 59))["sent"] == 0
    assert smtp.messages == []
    assert dispatch(now=tokyo(15))["sent"] == 2
    assert all("静岡煎茶 100g" in m["Subject"] for m in smtp.messages)


def test_a_snoozed_alert_is_left_out_of_the_daily_digest(app, smtp):  # noqa: F811
    _site, tea = tea_shop(reorder_point=5)
    save_settings(
        email_enabled=True, email_mode="digest", recipients="kobayashi@example.jp", smtp_host="127.0.0.1",
        smtp_port=smtp.port, digest_hour=8,
    )  # fmt: skip
    manager_id, _ = make_user("ito", role="manager")
    sell_out(tea.id)
    stockout = next(a for a in _alerts(tea.id) if a.kind == "stockout")
    snooze(stockout.id, manager_id, tokyo(8, 0, tokyo(0).date() + timedelta(days=3)), now=tokyo(12))
    assert dispatch(now=tokyo(8, 0, tokyo(0).date() + timedelta(days=1)))["sent"] == 1
    digest = smtp.messages[0]
    assert "1 open alerts" in digest["Subject"] and "stockout" not in digest.get_content().lower()


def test_snoozing_records_who_and_until_when_and_waking_shows_it_again(app):
    _site, tea = tea_shop(reorder_point=5)
    manager_id, _ = make_user("ito", role="manager")
    sell_out(tea.id)
    reorder_id = next(a.id for a in _alerts(tea.id) if a.kind == "reorder")
    snooze(reorder_id, manager_id, tokyo(18), now=tokyo(12))
    [alert] = [a for a in _alerts(tea.id) if a.id == reorder_id]
    assert (alert.snoozed_until, alert.snoozed_by, alert.snoozed_at) == (tokyo(18), manager_id, tokyo(12))
    snooze(reorder_id, manager_id, None, now=tokyo(13))
    assert [a.snoozed_until for a in _alerts(tea.id) if a.id == reorder_id] == [None]
    snoozed, woken = _audit()
    assert (snoozed.action, snoozed.user_name, snoozed.object_kind, snoozed.object_id) == (
        "snooze",
        "ito",
        "alert",
        reorder_id,
    )
    assert snoozed.changes == {"snoozed_until": {"old": None, "new": tokyo(18).isoformat()}}
    assert woken.action == "wake" and woken.changes["snoozed_until"]["new"] is None


@pytest.mark.parametrize("hours", [-1, 0, 24 * 91])
def test_a_snooze_in_the_past_or_beyond_ninety_days_is_refused_and_changes_nothing(app, hours):
    _site, tea = tea_shop(reorder_point=5)
    manager_id, _ = make_user("ito", role="manager")
    sell_out(tea.id)
    alert_id = _alerts(tea.id)[0].id
    with pytest.raises(InvalidInput) as refused:
        snooze(alert_id, manager_id, tokyo(12) + timedelta(hours=hours), now=tokyo(12))
    assert refused.value.code == "bad_snooze"
    assert _alerts(tea.id)[0].snoozed_until is None and _audit() == []


def test_acknowledging_records_who_and_when_in_the_alert_and_the_audit_trail(app):
    _site, tea = tea_shop(reorder_point=5)
    manager_id, _ = make_user("ito", role="manager")
    sell_out(tea.id)
    alert_id, kind = next((a.id, a.kind) for a in _alerts(tea.id))
    acknowledge(alert_id, manager_id)
    acknowledge(alert_id, manager_id)  # a second tap changes nothing and records nothing
    [seen] = [a for a in _alerts(tea.id) if a.id == alert_id]
    assert seen.status == "acknowledged" and seen.acknowledged_by == manager_id and seen.acknowledged_at
    [event] = _audit()
    assert (event.action, event.user_id, event.changes) == (
        "acknowledge",
        manager_id,
        {"status": {"old": "open", "new": "acknowledged"}},
    )
    assert event.object_label == f"{kind} TEA-SENCHA"


def test_an_unknown_alert_is_not_found(app):
    manager_id, _ = make_user("ito", role="manager")
    with pytest.raises(NotFound):
        acknowledge(999_999, manager_id)
    assert _audit() == []


def test_an_alert_that_has_cleared_cannot_be_snoozed(app):
    _site, tea = tea_shop(reorder_point=5)
    manager_id, _ = make_user("ito", role="manager")
    sell_out(tea.id)
    alert = _alerts(tea.id)[0]
    alert.open_key, alert.status = None, "resolved"  # its condition cleared (restocked)
    db.session.commit()
    with pytest.raises(InvalidInput) as refused:
        snooze(alert.id, manager_id, tokyo(18), now=tokyo(12))
    assert refused.value.code == "alert_resolved" and _audit() == []
