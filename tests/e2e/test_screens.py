"""Lookup, languages, the update prompt, and a screenshot of every screen at phone size in both languages."""

from pathlib import Path

import pytest

from tests.builders import actor, scan
from tests.e2e.helpers import JAN, hold_flash, release_flash, stock_of
from webapp.services.scanning import apply_scans

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"


def test_lookup_answers_from_the_device_then_shows_live_stock_by_bin(phone, seeded):
    apply_scans([scan(quantity=7, location="A-01-02")], actor(seeded["user_id"]))
    device = phone()
    page = device.login()
    device.open("/lookup")
    device.wait_for_reference()
    device.wedge(JAN)
    page.wait_for_selector("#lookup-result .lookup-card[data-kind=item]")
    card = page.text_content("#lookup-result")
    assert "レトロ置時計" in card and "A-01-02" in card and "7" in card

    device.context.set_offline(True)
    device.wedge("4512345678906")
    page.wait_for_selector("#lookup-local[data-kind=item]")
    assert page.text_content("#local-name") == "湯呑み"
    page.wait_for_function("document.querySelector('#local-note').textContent.includes('オフライン')")


def test_the_language_switch_changes_every_string_and_persists(phone):
    device = phone()
    page = device.login()
    assert page.get_attribute("html", "lang") == "ja"
    page.click("button[value=en]")
    page.wait_for_selector("html[lang=en]")
    assert "Receive" in page.text_content(".modes")
    device.open("/scan/count")
    assert page.text_content("#camera-toggle").strip() == "Start camera"
    assert page.evaluate("JSON.parse(document.getElementById('i18n').textContent).offline") == "Offline"
    fresh = device.context.new_page()
    fresh.goto("/recent")
    assert fresh.get_attribute("html", "lang") == "en"


def test_a_deploy_shows_the_new_version_prompt_and_reloads_into_it(phone, app):
    device = phone()
    page = device.login()
    device.wait_for_worker()
    app.config["SHELL_VERSION"] = "next-release"
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.wait_for_selector("#banner-reload:visible")
    with page.expect_navigation():
        page.click("#banner-reload")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    caches = page.evaluate("caches.keys()")
    assert "shell-next-release" in caches
    assert all("next-release" in name for name in caches)


def shoot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(150)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize("locale, lang", [("ja-JP", "ja"), ("en-US", "en")])
def test_screenshots_of_every_screen_at_phone_size(phone, locale, lang):
    device = phone(locale=locale)
    page = device.page
    page.goto("/login")
    shoot(page, f"{lang}-01-login")
    page = device.login()
    device.wait_for_reference()
    shoot(page, f"{lang}-02-home")

    device.open("/scan/receive")
    shoot(page, f"{lang}-03-receive-empty")
    device.wedge("A-01-01")
    page.fill("#qty", "12")
    hold_flash(page, "ok")
    device.wedge(JAN)
    page.wait_for_selector("#flash[data-kind=ok]")
    shoot(page, f"{lang}-04-feedback-ok")
    release_flash(page)
    page.wait_for_selector("#flash", state="hidden")
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    shoot(page, f"{lang}-05-receive-scanned")
    hold_flash(page, "error")
    device.wedge("4901234567890")
    page.wait_for_selector("#flash[data-kind=error]")
    shoot(page, f"{lang}-06-feedback-error")
    release_flash(page)
    hold_flash(page, "warn")
    device.wedge("4999999999999")
    page.wait_for_selector("#flash[data-kind=warn]")
    shoot(page, f"{lang}-07-feedback-unknown")
    release_flash(page)

    for mode in ("pick", "count"):
        device.open(f"/scan/{mode}")
        shoot(page, f"{lang}-08-{mode}")
    device.open("/scan/move")
    device.wedge("A-01-01")
    device.wedge("B-02-01")
    page.wait_for_selector("#bin-to.is-set")
    shoot(page, f"{lang}-09-move-bins")

    device.open("/lookup")
    device.wedge(JAN)
    page.wait_for_selector("#lookup-result .lookup-card")
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-10-lookup")

    device.queue_undo_of_unknown_scan()
    page.goto("/recent")
    page.wait_for_selector("#attention-list .scan-row")
    device.wait_for_queue(pending=0)
    page.reload()
    page.wait_for_selector("#attention-list .scan-row")
    shoot(page, f"{lang}-11-recent")

    device.context.set_offline(True)
    device.open("/scan/receive")
    device.wedge(JAN)
    page.wait_for_selector("#sync-status[data-state=offline]")
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-12-offline-pending")
    device.context.set_offline(False)
    device.wait_for_queue(pending=0)
    device.context.clear_cookies()
    device.wedge(JAN)
    page.wait_for_selector("#banner-login:visible")
    page.wait_for_selector("#flash", state="hidden")
    shoot(page, f"{lang}-13-login-again")
    assert stock_of("RETRO-CLOCK") == 13
    assert device.pending() == 1  # waits on the phone for the next login
