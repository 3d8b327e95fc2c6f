"""A new shop set up in the browser from an empty database: the owner makes a site, bins and a worker (a supplier
and an item through the API, with a token made on the token page); the worker receives the item on a phone and
sees the stock; deactivated by the owner, the worker's next request is refused. Screens shot in both languages."""

import json
import re
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.e2e.conftest import LiveServer, Phone
from tests.e2e.helpers import stock_of
from webapp.extensions import db
from webapp.models import Location, User
from webapp.services.accounts import create_user

TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "office-setup"
OWNER_PASSWORD = "kobayashi-shoten-2026"
JAN = "4901234567894"


@pytest.fixture
def empty_shop(app):
    """Nothing but the owner the launcher creates (`flask create-user`), served live."""
    create_user("kobayashi", OWNER_PASSWORD, "owner", display_name="小林 一郎")
    live = LiveServer(app)
    live.start()
    yield live
    live.stop()


def api(server, token: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(
        server.url + path,
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as answer:
        return json.loads(answer.read())


def shoot(page, name: str, lang: str, size: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{size}-{lang}.png"), full_page=True)


def test_a_new_owner_sets_up_the_shop_and_a_worker_receives_then_is_shut_out(empty_shop, browsers):
    tablet = browsers().new_context(viewport=TABLET, locale="ja-JP", base_url=empty_shop.url, has_touch=True)
    page = tablet.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", OWNER_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{empty_shop.url}/office/")

    page.click("text=設定")
    page.wait_for_url("**/office/sites")
    page.fill("#new-site input[name=code]", "OSK")
    page.fill("#new-site input[name=name]", "大阪本店")
    page.click("#new-site button[type=submit]")
    page.wait_for_selector("section.site[data-code=OSK] .bin-row[data-code=OSK-RCV]")
    site_id = page.get_attribute("section.site[data-code=OSK]", "id").removeprefix("site-")
    for code, name, zone in (("OSK-A-01", "A棚 1段", "A"), ("OSK-A-02", "A棚 2段", "A")):
        page.fill(f"#new-bin-{site_id} input[name=code]", code)
        page.fill(f"#new-bin-{site_id} input[name=name]", name)
        page.fill(f"#new-bin-{site_id} input[name=zone]", zone)
        page.click(f"#new-bin-{site_id} button[type=submit]")
        page.wait_for_selector(f".bin-row[data-code={code}]")
    # The walk order saved in place, on change, with no page load.
    seq = page.locator(".bin-row[data-code=OSK-A-02] input[name=walk_seq]")
    seq.fill("5")
    seq.press("Tab")
    page.wait_for_function(
        "document.querySelector('.bin-row[data-code=\"OSK-A-02\"] input[name=walk_seq]').value === '5'"
    )
    db.session.remove()
    page.wait_for_timeout(200)
    assert db.session.scalar(select(Location.walk_seq).where(Location.code == "OSK-A-02")) == 5

    page.click("text=APIトークン")
    page.fill("#new-token-form input[name=name]", "初期設定スクリプト")
    page.click("#new-token-form button[type=submit]")
    token = page.text_content("#new-token code").strip()
    supplier = api(empty_shop, token, "/api/v1/suppliers", {"code": "SUP-YAMADA", "name": "株式会社山田商事"})
    api(
        empty_shop,
        token,
        "/api/v1/items",
        {"code": "TOWEL-IMABARI", "name": "今治タオル", "supplier_id": supplier["id"], "barcodes_in": [{"code": JAN}]},
    )

    page.click("text=人")
    page.fill("#new-user input[name=username]", "sato")
    page.fill("#new-user input[name=display_name]", "佐藤 花子")
    page.select_option("#new-user select[name=default_site_id]", label="OSK 大阪本店")
    page.click("#new-user button[type=submit]")
    password = page.text_content("#new-password code").strip()

    worker = Phone(browsers(), empty_shop, locale="ja-JP")
    phone_page = worker.login("sato", password)
    assert phone_page.url == f"{empty_shop.url}/"
    worker.open("/scan/receive")
    worker.wedge(JAN)
    phone_page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    assert stock_of("TOWEL-IMABARI") == 1
    worker.open("/lookup")
    worker.wedge(JAN)
    phone_page.wait_for_selector("#lookup-result .lookup-card")
    assert "今治タオル" in phone_page.text_content("#lookup-result")
    assert "OSK-RCV" in phone_page.text_content("#lookup-result table.stock")

    page.goto("/office/users")
    page.click("#people tr[data-username=sato] a")
    page.click("#active-form button[type=submit]")
    page.wait_for_selector("p.notice-ok")
    answer = phone_page.request.get(f"{empty_shop.url}/api/v1/session")
    assert answer.status == 401
    phone_page.goto("/")
    assert re.search(r"/login", phone_page.url)
    assert worker.errors == [] and worker.foreign_requests() == []
    worker.close()
    tablet.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("size", "viewport"), [("tablet", TABLET), ("phone", PHONE)])
def test_the_set_up_screens_are_shot_in_both_languages_and_sizes(empty_shop, browsers, lang, size, viewport):
    from tests.builders import make_item, make_site, make_user, scan
    from webapp.services.accounts import issue_token
    from webapp.services.scanning import Actor, apply_scans

    make_site("TKY", name="東京倉庫", bins=("A-01-01", "A-01-02", "B-02-01"))
    make_item("TOWEL-IMABARI", "今治タオル", JAN, name_en="Imabari towel")
    worker_id = make_user("sato", "worker")[0]
    make_user("tanaka", "manager")
    apply_scans([scan("receive", code=JAN, quantity=12, location="A-01-01")], Actor(user_id=worker_id, role="worker"))
    owner_id = db.session.scalar(select(User.id).where(User.username == "kobayashi"))
    issue_token(owner_id, owner_id, "会計ソフト連携")

    context = browsers().new_context(
        viewport=viewport, locale="ja-JP" if lang == "ja" else "en-GB", base_url=empty_shop.url, has_touch=True
    )
    page = context.new_page()
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", OWNER_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{empty_shop.url}/office/")

    page.goto("/office/sites")
    shoot(page, "sites", lang, size)
    shelf = page.locator(".bin-row[data-code=A-01-01]")
    shelf.locator("button[name=active]").click()
    page.wait_for_selector(".bin-row[data-code=A-01-01] .row-error")
    assert "TOWEL-IMABARI" in page.text_content(".bin-row[data-code=A-01-01] .row-error")
    shoot(page, "sites-refused", lang, size)
    page.goto("/office/users")
    shoot(page, "people", lang, size)
    page.fill("#new-user input[name=username]", "suzuki")
    page.click("#new-user button[type=submit]")
    page.wait_for_selector("#new-password")
    shoot(page, "person-created", lang, size)
    page.goto("/office/tokens")
    shoot(page, "tokens", lang, size)
    page.goto("/workflows/office/pick-lists")
    shoot(page, "workflow-in-office-layout", lang, size)
    context.close()
