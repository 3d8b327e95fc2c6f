"""A new shop set up in the browser from an empty database: the owner makes a site, bins, a supplier, an item with
its JAN and a photo taken on the tablet, and a worker, all on the office's screens; the worker receives the item on
a phone and sees its photo and the stock; deactivated by the owner, the worker's next request is refused. The set-up
screens shot in both languages at phone and tablet size."""

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.e2e.conftest import LiveServer, Phone
from tests.e2e.helpers import stock_of
from tests.e2e.test_item_photo_screens import SHOWN, clock_photo
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

    page.click("nav.chips >> text=仕入先")
    page.click("text=仕入先を追加")
    page.fill("input[name=code]", "SUP-YAMADA")
    page.fill("input[name=name]", "株式会社山田商事")
    page.fill("input[name=email]", "order@yamada-shoji.example.jp")
    page.fill("input[name=lead_time_days]", "3")
    page.click("form.setup-form button.btn-primary")
    page.wait_for_selector("text=株式会社山田商事")

    page.click("nav.chips >> text=品目")
    page.click("text=商品を追加")
    page.fill("input[name=code]", "TOWEL-IMABARI")
    page.fill("input[name=jan]", JAN)
    page.fill("input[name=name]", "今治タオル")
    page.fill("input[name=name_en]", "Imabari towel")
    page.select_option("select[name=supplier_id]", label="SUP-YAMADA 株式会社山田商事")
    page.fill("input[name=unit_cost]", "480")
    page.fill("input[name=unit_price]", "1200")
    page.click("form.setup-form button.btn-primary")
    page.wait_for_url("**/office/items/*")
    assert JAN in page.text_content("#main")
    # The photo as a tablet's camera gives it: a large JPEG, made smaller in the browser and sent at once.
    page.set_input_files(
        "#photo input[capture]", files=[{"name": "towel.jpg", "mimeType": "image/jpeg", "buffer": clock_photo()}]
    )
    page.wait_for_selector("#photo img.item-photo")
    page.wait_for_function(f"({SHOWN})(document.querySelector('#photo img.item-photo'))")

    page.click("text=設定")
    page.click("nav.chips >> text=人")
    page.fill("#new-user input[name=username]", "sato")
    page.fill("#new-user input[name=display_name]", "佐藤 花子")
    page.select_option("#new-user select[name=default_site_id]", label="OSK 大阪本店")
    page.click("#new-user button[type=submit]")
    password = page.text_content("#new-password code").strip()

    worker = Phone(browsers(), empty_shop, locale="ja-JP")
    phone_page = worker.login("sato", password)
    assert phone_page.url == f"{empty_shop.url}/"
    worker.open("/scan/receive")
    # The phone knows the item offline before the scan, so the photo comes up with it.
    worker.wait_until(
        f"async () => (await import('/static/js/reference.js')).classify('{JAN}').then(r => r.kind === 'item')"
    )
    worker.wedge(JAN)
    phone_page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    phone_page.wait_for_function(f"({SHOWN})(document.getElementById('result-photo'))")
    assert phone_page.text_content("#result-name") == "今治タオル" and phone_page.is_visible("#result-photo")
    assert stock_of("TOWEL-IMABARI") == 1
    phone_page.wait_for_timeout(1500)  # the scan's full-screen flash has faded
    shoot(phone_page, "worker-receives", "ja", "phone")
    worker.open("/lookup")
    worker.wedge(JAN)
    phone_page.wait_for_selector("#lookup-result .lookup-card")
    phone_page.wait_for_function(f"({SHOWN})(document.querySelector('#lookup-result .lookup-photo'))")
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
    page.goto("/office/bands")
    page.fill("#band-fresh_food input[name=low_days]", "3")
    page.fill("#band-fresh_food input[name=high_days]", "10")
    page.click("#band-fresh_food button.btn-primary")
    page.wait_for_selector("#band-fresh_food .notice-ok")
    shoot(page, "bands", lang, size)
    page.fill("#band-apparel input[name=low_days]", "60")
    page.fill("#band-apparel input[name=high_days]", "30")
    page.click("#band-apparel button.btn-primary")
    page.wait_for_selector("#band-apparel .row-error")
    shoot(page, "bands-refused", lang, size)
    page.goto("/workflows/office/pick-lists")
    shoot(page, "workflow-in-office-layout", lang, size)
    context.close()
