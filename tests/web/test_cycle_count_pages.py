"""The office's cycle counts page: today's due list in both languages, sessions generated, the owner's intervals."""

import re

import pytest
from sqlalchemy import func, select

from tests.builders import make_user
from tests.services.stocktake.cycle_fixtures import CLOCK, TEA, count_bins, shop_with_classes
from tests.web.helpers import PASSWORD, log_in
from webapp.extensions import db
from webapp.models import AuditEvent, CountSession, Task
from webapp.services.stocktake import approve, cycle_settings, start_count

PAGE = "/workflows/office/cycle-counts"


@pytest.fixture
def shop(app):
    return shop_with_classes()


def signed_in(client, username, lang="en"):
    client.set_cookie("lang", lang)
    return log_in(client, username)


def test_the_manager_sees_every_never_counted_pair_with_its_class(client, shop):
    signed_in(client, "suzuki")
    page = client.get(PAGE).get_data(as_text=True)
    rows = [
        (abc, bin_code, code, name)
        for abc, bin_code, name, code in re.findall(
            r"<tr><td>([ABC])</td><td>TKY</td><td>([A-Z0-9-]+)</td><td>([^<]+) <small>([A-Z-]+)</small></td>", page
        )
    ]
    assert rows == [
        ("A", "A-01-01", "RETRO-CLOCK", "Retro table clock"),
        ("B", "A-01-02", "GREEN-TEA", "Green tea 500 ml"),
        ("A", "B-02-01", "RETRO-CLOCK", "Retro table clock"),
        ("C", "C-03-01", "TEA-SENCHA", "Shizuoka sencha 100 g"),
    ]
    assert page.count(">Never counted<") == 4 and "4 due, 4 not in a count session yet." in page


def test_the_page_is_in_japanese_with_japanese_item_names(client, shop):
    signed_in(client, "suzuki", lang="ja")
    page = client.get(PAGE).get_data(as_text=True)
    assert "循環棚卸し" in page and "棚卸しセッションを作成" in page and "レトロ置時計" in page
    assert page.count(">未棚卸し<") == 4


def test_generate_opens_the_sessions_and_the_list_then_names_them(client, shop):
    token = signed_in(client, "suzuki")
    answer = client.post(f"{PAGE}/generate", data={"csrf_token": token})
    assert answer.status_code == 303
    assert db.session.scalar(select(func.count()).select_from(CountSession)) == 3
    page = client.get(PAGE).get_data(as_text=True)
    assert "3 count sessions opened." in page and "4 due, 0 not in a count session yet." in page
    for task_id, number in db.session.execute(select(Task.id, Task.number)):
        assert f'<a href="/workflows/office/count-sessions/{task_id}">{number}</a>' in page


def test_last_counted_shows_on_the_due_list_and_the_item_page_after_approval(client, shop):
    session = start_count("TKY", shop["manager_id"], scope="zone", zone="A")
    count_bins(shop, session, [("A-01-01", CLOCK, 15), ("A-01-02", TEA, 50)])
    approve(session, shop["manager_id"])
    signed_in(client, "suzuki")
    item_page = client.get(f"/office/items/{shop['clock'].id}").get_data(as_text=True)
    assert re.search(r"<td>A-01-01</td><td></td><td></td><td class=\"num\">15</td><td>2026-11-20</td>", item_page)
    assert re.search(r"<td>B-02-01</td><td></td><td></td><td class=\"num\">8</td><td>Never counted</td>", item_page)
    due = client.get(PAGE).get_data(as_text=True)
    assert "2 due" in due and "A-01-01" not in due.split('id="due-list"')[1].split("</table>")[0]


def test_the_owner_saves_the_intervals_and_the_trail_keeps_the_change(client, shop):
    make_user("kobayashi", "owner", PASSWORD)
    token = signed_in(client, "kobayashi")
    form = {"interval_a": "14", "interval_b": "60", "interval_c": "180", "session_size": "20", "daily_sessions": "3"}
    answer = client.post(f"{PAGE}/settings", data=form | {"csrf_token": token})
    assert answer.status_code == 303
    saved = cycle_settings()
    assert (saved.interval_a, saved.interval_b, saved.interval_c, saved.session_size, saved.daily_sessions) == (
        14,
        60,
        180,
        20,
        3,
    )
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.object_kind == "cycle_count_settings"))
    assert event.changes["interval_a"] == {"old": 30, "new": 14}
    assert "A every 14 days, B every 60, C every 180" in client.get(PAGE).get_data(as_text=True)
    client.set_cookie("lang", "ja")
    activity = client.get("/office/activity").get_data(as_text=True)
    assert "循環棚卸しの設定" in activity and "A クラス:棚卸し間隔(日)" in activity and "cycle counting" not in activity


@pytest.mark.parametrize("bad", ["0", "731", "abc", "", "３０", "9" * 30])
def test_an_interval_out_of_bounds_is_refused_in_the_owners_language_and_changes_nothing(client, shop, bad):
    make_user("kobayashi", "owner", PASSWORD)
    token = signed_in(client, "kobayashi", lang="ja")
    form = {"interval_a": bad, "interval_b": "90", "interval_c": "365", "session_size": "30", "daily_sessions": "5"}
    answer = client.post(f"{PAGE}/settings", data=form | {"csrf_token": token})
    assert answer.status_code == 422
    page = answer.get_data(as_text=True)
    assert "数値を確認してください" in page or "すべての数値を入力してください" in page
    assert cycle_settings().id is None


def test_a_manager_may_not_change_the_intervals(client, shop):
    token = signed_in(client, "suzuki")
    page = client.get(PAGE).get_data(as_text=True)
    assert "Only the owner can change these." in page
    form = {"interval_a": "7", "interval_b": "90", "interval_c": "365", "session_size": "30", "daily_sessions": "5"}
    assert client.post(f"{PAGE}/settings", data=form | {"csrf_token": token}).status_code == 403
    assert cycle_settings().id is None


def test_a_worker_may_not_open_the_page(client, shop):
    signed_in(client, "sato")
    assert client.get(PAGE).status_code == 403


def test_an_overlapping_stocktake_made_in_the_office_is_refused_naming_the_open_one(client, shop):
    first = start_count("TKY", shop["manager_id"], scope="bins", bins=["A-01-01"])
    token = signed_in(client, "suzuki", lang="ja")
    answer = client.post(
        "/workflows/office/count-sessions", data={"site": "TKY", "scope": "zone", "zone": "A", "csrf_token": token}
    )
    number = db.session.get(Task, first).number
    assert f"A-01-01 は {number} で棚卸し中です" in answer.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Task)) == 1


def test_the_office_gives_a_stocktake_to_a_worker_who_may_then_approve_it(client, shop):
    token = signed_in(client, "suzuki")
    form = {"site": "TKY", "scope": "bins", "codes": "A-01-01", "assigned_to": str(shop["worker_id"])}
    assert client.post("/workflows/office/count-sessions", data=form | {"csrf_token": token}).status_code == 303
    session = db.session.scalar(select(CountSession))
    assert session.assigned_to == shop["worker_id"]
    count_bins(shop, session.task_id, [("A-01-01", CLOCK, 15)])
    assert approve(session.task_id, shop["worker_id"]) == {"adjustments": 0, "units": 0}


@pytest.mark.parametrize("bad", ["0", "abc", "99999"])
def test_a_stocktake_for_nobody_real_is_refused_and_nothing_is_made(client, shop, bad):
    token = signed_in(client, "suzuki")
    form = {"site": "TKY", "scope": "bins", "codes": "A-01-01", "assigned_to": bad}
    answer = client.post("/workflows/office/count-sessions", data=form | {"csrf_token": token})
    assert 'role="alert"' in answer.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Task)) == 0
