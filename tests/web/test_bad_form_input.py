"""Office forms and pages given bad input answer a 4xx in the manager's language, never a 500."""

import io
import re

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site, make_user
from tests.e2e.helpers import PASSWORD
from webapp.extensions import db
from webapp.models import Task, User
from webapp.services.stocktake import start_count


@pytest.fixture
def manager(app, client):
    make_site()
    make_item()
    make_user("suzuki", "manager", PASSWORD)
    client.post("/login", data={"username": "suzuki", "password": PASSWORD, "csrf_token": token_from(client, "/login")})
    return client


def token_from(client, url: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', client.get(url).get_data(as_text=True)).group(1)


def a_count_session() -> str:
    manager_id = db.session.scalar(select(User.id).where(User.username == "suzuki"))
    return f"/workflows/office/count-sessions/{start_count('TKY', manager_id, scope='bins', bins=['A-01-01'])}"


@pytest.mark.parametrize(
    "lang, said", [("en", "Choose from the list shown."), ("ja", "表示された一覧から選んでください。")]
)
def test_a_recount_of_line_abc_is_a_422_in_the_managers_language(manager, lang, said):
    manager.set_cookie("lang", lang)
    url = a_count_session()
    answer = manager.post(f"{url}/recount", data={"csrf_token": token_from(manager, url), "line": "abc"})
    assert answer.status_code == 422
    assert said in answer.get_data(as_text=True)


def test_a_recount_of_a_line_beyond_any_key_is_refused_too(manager):
    url = a_count_session()
    answer = manager.post(f"{url}/recount", data={"csrf_token": token_from(manager, url), "line": "2147483648"})
    assert answer.status_code == 422
    db.session.remove()
    assert db.session.scalar(select(Task.status)) == "open"


def test_a_nul_in_a_form_post_is_refused_before_the_handler(manager):
    manager.set_cookie("lang", "ja")
    token = token_from(manager, a_count_session())
    answer = manager.post(
        "/workflows/office/purchase-orders", data={"csrf_token": token, "site": "TKY\x00", "lines": "4901234567894, 1"}
    )
    assert answer.status_code == 422
    assert "NUL" in answer.get_data(as_text=True)
    db.session.remove()
    assert db.session.scalar(select(Task.kind).where(Task.kind == "purchase_order")) is None


def test_a_page_id_beyond_any_key_is_not_found(manager):
    assert manager.get("/workflows/office/count-sessions/2147483648").status_code == 404


def test_an_impossible_site_filter_on_the_dashboard_means_no_filter(manager):
    assert manager.get("/office/stock?site=99999999999999999999&to=9999-12-31").status_code == 200


def test_an_order_csv_neither_utf8_nor_shift_jis_is_refused_in_japanese_naming_the_line(manager):
    manager.set_cookie("lang", "ja")
    broken = "order,supplier,site,item,quantity\n".encode("shift_jis") + b"PO-9001,,TKY,\x81\x20,12\n"
    answer = manager.post(
        "/workflows/office/purchase-orders",
        data={"csrf_token": token_from(manager, a_count_session()), "file": (io.BytesIO(broken), "orders.csv")},
    )
    assert answer.status_code == 422
    assert "ファイルの 2 行目" in answer.get_data(as_text=True)
    db.session.remove()
    assert db.session.scalar(select(Task.kind).where(Task.kind == "purchase_order")) is None
