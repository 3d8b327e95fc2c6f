"""Item photos on the phone's lookup, online and offline, and the office's item and supplier set-up screens
at phone and tablet size in both languages (screenshots in test-artifacts/setup/ for review)."""

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.builders import actor, make_item, make_supplier, make_user, scan
from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import JAN, PASSWORD
from tests.e2e.workflow_phone import open_task, typed
from webapp.extensions import db
from webapp.services.catalog import store_item_photo
from webapp.services.picking import create_pick_list
from webapp.services.scanning import apply_scans

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "setup"
SIZES = {"tablet": {"width": 820, "height": 1180}, "phone": {"width": 390, "height": 844}}
SHOWN = "el => el.complete && el.naturalWidth > 0"


def clock_photo() -> bytes:
    """A camera-sized picture of a clock face (a circle and two hands), as a JPEG."""
    image = Image.new("RGB", (2400, 1800), (238, 232, 220))
    draw = ImageDraw.Draw(image)
    draw.ellipse((600, 300, 1800, 1500), fill=(170, 60, 40), outline=(60, 30, 20), width=40)
    draw.line((1200, 900, 1200, 480), fill=(250, 250, 250), width=50)
    draw.line((1200, 900, 1500, 1000), fill=(250, 250, 250), width=40)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def test_the_lookup_and_receive_screens_show_the_photo_also_offline(phone, seeded):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    store_item_photo(seeded["item_id"], clock_photo())
    device = phone()
    page = device.login()
    device.open("/lookup")
    device.wait_for_worker()
    device.wait_for_reference()
    page.fill("#typed-code", "4901234567894")
    page.press("#typed-code", "Enter")
    live = page.wait_for_selector("#lookup-result .lookup-photo")
    page.wait_for_function(f"({SHOWN})(document.querySelector('#lookup-result .lookup-photo'))")
    assert live.evaluate("el => el.naturalWidth") == 160  # the 160 px thumbnail, 2x screens included
    page.wait_for_timeout(1500)  # the scan's full-screen flash has faded
    page.screenshot(path=str(ARTIFACTS / "lookup-photo-online-ja.png"))

    device.server.stop()
    device.context.set_offline(True)
    assert page.reload().from_service_worker
    page.wait_for_selector("body[data-scanner=ready]")
    page.fill("#typed-code", "4901234567894")
    page.press("#typed-code", "Enter")
    page.wait_for_function("document.getElementById('local-name').textContent === 'レトロ置時計'")
    page.wait_for_function(f"({SHOWN})(document.getElementById('local-photo'))")
    assert page.is_visible("#local-photo")
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "lookup-photo-offline-ja.png"))

    # Receiving with no network: the scan is queued and the worker sees which item it was by its photo.
    device.open("/scan/receive")
    page.fill("#typed-code", "4901234567894")
    page.press("#typed-code", "Enter")
    page.wait_for_function(f"({SHOWN})(document.getElementById('result-photo'))")
    assert page.text_content("#result-name") == "レトロ置時計" and page.is_visible("#result-photo")
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "receive-photo-offline-ja.png"))


def test_the_pick_screen_shows_the_photo_of_the_item_to_take_next(phone, seeded):
    """The step card carries the photo of the next pick line's item, and the next line's once one is picked."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    store_item_photo(seeded["item_id"], clock_photo())
    manager_id = make_user("suzuki", "manager", PASSWORD)[0]
    apply_scans(
        [scan("receive", JAN, 2, location="A-01-01"), scan("receive", "4512345678906", 3, location="A-01-02")],
        actor(seeded["user_id"]),
    )
    create_pick_list("TKY", [(JAN, 1), ("4512345678906", 1)], manager_id, number="PL-610")
    device = phone()
    device.login()
    page = open_task(device, "PL-610")
    page.wait_for_function(f"({SHOWN})(document.getElementById('wf-photo'))")
    assert "レトロ置時計" in page.text_content("#wf-what") and page.is_visible("#wf-photo")
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "pick-photo-ja.png"))
    typed(page, "A-01-01")
    typed(page, JAN)
    # The tea cup has no photo: the clock's is not left beside the next line.
    page.wait_for_function("document.getElementById('wf-where').textContent.includes('A-01-02')")
    page.wait_for_function("document.getElementById('wf-photo').hidden")


@pytest.fixture
def setup_server(app):
    make_user("kobayashi", "owner", PASSWORD)
    supplier = make_supplier("YAMADA", "株式会社山田商事")
    item = make_item("RETRO-CLOCK", "レトロ置時計", "4901234567894", name_en="Retro table clock")
    item.supplier_id = supplier.id
    db.session.commit()
    make_item("TEA-CUP", "湯呑み", "4512345678906", name_en="Tea cup")
    store_item_photo(item.id, clock_photo())
    live = LiveServer(app)
    live.start()
    yield {"server": live, "item_id": item.id, "supplier_id": supplier.id}
    live.stop()


@pytest.mark.parametrize("size", ["tablet", "phone"])
@pytest.mark.parametrize("locale", ["ja", "en"])
def test_the_set_up_screens_at_tablet_and_phone_size(setup_server, browsers, locale, size):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    server = setup_server["server"]
    context = browsers().new_context(
        viewport=SIZES[size], locale="ja-JP" if locale == "ja" else "en-GB", base_url=server.url, has_touch=True
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server.url}/office/")

    def shot(name: str, full_page=True, scope="#main"):
        page.screenshot(path=str(ARTIFACTS / f"{name}-{size}-{locale}.png"), full_page=full_page)
        # Nothing of the page's own content sticks out sideways (the office bar's links are the layout's).
        wide = page.evaluate(
            "(scope) => [...document.querySelectorAll(`${scope} *`)].filter((e) => e.getBoundingClientRect().right >"
            " document.documentElement.clientWidth + 1 && !e.closest('.table-wrap')).map((e) => e.tagName + '.' + e.className)",
            scope,
        )
        assert wide == [], f"{name} at {size} in {locale} sticks out sideways: {wide}"

    page.goto("/office/items")
    page.fill("input[name=q]", "4901234567894")
    page.wait_for_function("document.querySelectorAll('#items-table .item-card').length === 1")
    page.fill("input[name=q]", "")
    page.wait_for_function("document.querySelectorAll('#items-table .item-card').length === 2")
    page.wait_for_function(f"({SHOWN})(document.querySelector('.item-thumb[src]'))")
    shot("items")

    page.goto("/office/items/new")
    page.fill("input[name=code]", "RETRO-CLOCK-S")
    page.fill("input[name=name]", "レトロ置時計 小")
    page.fill("input[name=jan]", "4901234567890")
    page.click("form.setup-form button.btn-primary")
    page.wait_for_selector("#err-jan")  # a wrong check digit, named by the field, the form kept as typed
    assert page.input_value("input[name=name]") == "レトロ置時計 小"
    shot("item-new-refused")

    page.goto(f"/office/items/{setup_server['item_id']}/edit")
    shot("item-edit")
    page.goto(f"/office/items/{setup_server['item_id']}")
    page.wait_for_function(f"({SHOWN})(document.querySelector('.item-photo'))")
    page.locator("#photo").scroll_into_view_if_needed()
    shot("item-photo", full_page=False, scope="#photo")  # the rest of the item page is not this screen's

    page.goto("/office/suppliers")
    shot("suppliers")
    page.goto(f"/office/suppliers/{setup_server['supplier_id']}")
    shot("supplier-edit")
    assert errors == []
    context.close()
