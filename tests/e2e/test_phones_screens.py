"""Screenshots of the phone pairing and badge screens, phone and tablet, Japanese and English, for review
(test-artifacts/phones/); each also checks that the screen shows no word of the other language."""

from pathlib import Path

import pytest

from tests.builders import make_user
from tests.e2e.helpers import PASSWORD
from tests.e2e.test_phones import pair
from webapp.extensions import db
from webapp.models import User
from webapp.services.devices import issue_badges, set_pin

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "phones"
TABLET = {"width": 820, "height": 1180}
ENGLISH_WORDS = ("Phone", "Badge", "Revoke", "Shared", "Sign in", "PIN", "removed")


def shoot(page, name: str, lang: str):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(150)
    page.screenshot(path=str(ARTIFACTS / f"{lang}-{name}.png"), full_page=True)
    if lang == "ja":
        text = page.inner_text("body")
        assert not [w for w in ENGLISH_WORDS if w in text], (name, text)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pairing_and_badge_screens(phone, browsers, server, seeded, lang):
    locale = "ja-JP" if lang == "ja" else "en-GB"
    manager = make_user("suzuki", "manager", PASSWORD)[0]
    worker = db.session.get(User, seeded["user_id"])
    worker.display_name = "佐藤 花子"
    db.session.commit()
    set_pin(manager, worker.id, "4827")
    [badge] = issue_badges(manager, [worker.id])

    context = browsers().new_context(viewport=TABLET, locale=locale, base_url=server.url)
    office = context.new_page()
    office.on("dialog", lambda dialog: dialog.accept())
    office.goto("/login")
    office.fill("#username", "suzuki")
    office.fill("#password", PASSWORD)
    office.click("button[type=submit]")
    office.wait_for_url(server.url + "/office/")  # a manager lands on the office
    office.goto("/office/phones")
    office.select_option("#pair-for", "shared")
    office.fill("#pair-name", "レジ横のスマホ")
    office.click("#pair-show")
    office.wait_for_selector("#pairing-qr svg")
    shoot(office, "tablet-add-a-phone", lang)

    device = phone(locale=locale)
    page = device.page
    page.goto(office.text_content("#pairing-link"))
    shoot(page, "phone-pair", lang)
    page = pair(device, office.text_content("#pairing-link"), lands_on="/badge")
    page.wait_for_selector("body[data-scanner=ready]", state="attached")
    shoot(page, "phone-badge", lang)
    device.wedge(badge.code)
    page.wait_for_selector("body[data-keypad=ready]", state="attached")
    page.click(".key[data-digit='4']")
    page.click(".key[data-digit='8']")
    shoot(page, "phone-pin", lang)
    for digit in "27":
        page.click(f".key[data-digit='{digit}']")
    page.click("#pin-ok")
    page.wait_for_url(server.url + "/")
    shoot(page, "phone-home-shared", lang)

    office.goto("/office/phones")
    shoot(office, "tablet-phones", lang)
    office.goto("/office/phones/badges")
    shoot(office, "tablet-badges", lang)
    office.goto("/office/phones")
    office.click("#phones tr[data-device] button.revoke")
    office.wait_for_selector("#phones .notice-ok")
    page.goto("/")
    page.wait_for_url("**/device-removed")
    page.wait_for_selector("#removed-kept[data-pending]", state="attached")
    shoot(page, "phone-removed", lang)
    context.close()
