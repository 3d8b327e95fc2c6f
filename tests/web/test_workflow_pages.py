"""Workflow pages: the phone screens render in both languages; office pages make, review and approve."""

import re

import pytest

from tests.builders import make_item, make_site, make_user
from tests.e2e.helpers import PASSWORD
from webapp.domain.labels import code128_modules, ean13_modules


@pytest.fixture
def office(app, client):
    make_site()
    make_item()
    make_user("suzuki", "manager", PASSWORD)
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"username": "suzuki", "password": PASSWORD, "csrf_token": token_in(page)})
    return client


def token_in(page: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def csrf(client, url):
    return token_in(client.get(url).get_data(as_text=True))


@pytest.mark.parametrize("lang, word", [("ja", "ピッキング"), ("en", "Pick lists")])
def test_the_task_hub_speaks_both_languages(office, lang, word):
    office.set_cookie("lang", lang)
    page = office.get("/workflows/").get_data(as_text=True)
    assert word in page and "wf-i18n" in page


def test_a_manager_makes_an_order_from_the_form_and_sees_its_lines(office):
    token = csrf(office, "/workflows/office/purchase-orders")
    r = office.post(
        "/workflows/office/purchase-orders",
        data={"csrf_token": token, "site": "TKY", "party": "", "lines": "4901234567894, 10"},
    )
    assert r.status_code == 303
    page = office.get(r.headers["Location"]).get_data(as_text=True)
    assert "レトロ置時計" in page and 'data-state="waiting"' in page


@pytest.mark.parametrize(
    "lang, said", [("en", "Some lines are not valid: line 1: unknown item NOPE."), ("ja", "1 行目: 不明な商品 NOPE")]
)
def test_a_bad_form_line_is_shown_in_the_managers_language_not_crashed(office, lang, said):
    office.set_cookie("lang", lang)
    token = csrf(office, "/workflows/office/pick-lists")
    r = office.post("/workflows/office/pick-lists", data={"csrf_token": token, "site": "TKY", "lines": "NOPE, 2"})
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and said in page
    if lang == "ja":
        assert "unknown item" not in page and "not valid" not in page


def test_an_unknown_site_is_named_in_japanese(office):
    office.set_cookie("lang", "ja")
    token = csrf(office, "/workflows/office/purchase-orders")
    r = office.post(
        "/workflows/office/purchase-orders", data={"csrf_token": token, "site": "OSK", "lines": "4901234567894, 1"}
    )
    assert "OSK という拠点はありません。" in r.get_data(as_text=True)


def test_approving_a_count_asks_first_and_posts_only_when_confirmed(office):
    from webapp.extensions import db
    from webapp.models import Movement, Task, User
    from webapp.services.stocktake import start_count

    office.set_cookie("lang", "en")
    manager = db.session.scalar(db.select(User.id).where(User.username == "suzuki"))
    session = start_count("TKY", manager, scope="bins", bins=["A-01-01"])
    url = f"/workflows/office/count-sessions/{session}"
    token = csrf(office, url)
    asked = office.post(f"{url}/approve", data={"csrf_token": token})
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200 and 'id="approve-confirm"' in page and "this cannot be undone" in page
    db.session.remove()
    assert db.session.get(Task, session).status == "open" and db.session.scalar(db.select(Movement.id)) is None
    done = office.post(f"{url}/approve", data={"csrf_token": token, "confirmed": "1"})
    assert done.status_code == 303
    db.session.remove()
    assert db.session.get(Task, session).status == "done"


def test_label_sheet_draws_bins_and_items_with_their_codes(office):
    page = office.get("/workflows/labels?site=TKY").get_data(as_text=True)
    assert 'data-code="A-01-01"' in page and 'data-code="4901234567894"' in page
    assert page.count("<svg") == 5  # receiving bin, three shelf bins, one item


def test_barcode_modules_have_the_standard_shape():
    assert ean13_modules("4901234567894").startswith("101") and len(ean13_modules("490123456789")) == 95
    assert len(code128_modules("A-01-01")) == 11 * 9 + 13  # start, 7 characters, check, then the stop


def test_every_task_refusal_reaches_the_phone_in_japanese(office):
    import json

    office.set_cookie("lang", "ja")
    page = office.get("/workflows/task").get_data(as_text=True)
    strings = json.loads(re.search(r'<script type="application/json" id="i18n">(.*?)</script>', page).group(1))
    reasons = strings["reasons"]
    assert reasons["task_closed"] == "この作業は締め切られています。これ以上スキャンできません。"
    assert reasons["undo_of_undo"] == "取り消しは取り消せません。もう一度スキャンしてください。"
    english = [k for k, v in reasons.items() if re.search(r"[A-Za-z]{3,}", re.sub(r"\{\w+\}", "", v))]
    assert english == []
