"""The owner sets up the mail server in a real Chromium and presses "Send a test e-mail": tablet and phone,
both languages, a success and a refused password; screenshots saved to test-artifacts/ for review."""

from pathlib import Path

import pytest

from tests.builders import make_user
from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import PASSWORD as OWNER_PASSWORD
from tests.services.notifications.secure_smtp import LOGIN, PASSWORD, mail_server, throwaway_ca

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "office"
# Wholly inside the window and below the sticky office bar.
ON_SCREEN = """selector => {
  const box = document.querySelector(selector).getBoundingClientRect();
  const bar = document.querySelector(".office-bar").getBoundingClientRect();
  return box.top >= bar.bottom && box.bottom <= window.innerHeight;
}"""
SIZES = {"tablet": {"width": 820, "height": 1180}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def owner_server(app):
    make_user("kobayashi", "owner", OWNER_PASSWORD)
    live = LiveServer(app)
    live.start()
    yield live
    live.stop()


@pytest.mark.parametrize("size", ["tablet", "phone"])
@pytest.mark.parametrize("locale", ["ja", "en"])
def test_the_owner_saves_the_mail_server_and_sends_a_test(owner_server, browsers, tmp_path, locale, size):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    certs = throwaway_ca(tmp_path)
    ca_file = tmp_path / "mail-ca.pem"
    ca_file.write_text(certs.ca_pem)
    context = browsers().new_context(
        viewport=SIZES[size],
        device_scale_factor=1,
        has_touch=True,
        locale="ja-JP" if locale == "ja" else "en-GB",
        base_url=owner_server.url,
    )
    page = context.new_page()
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", OWNER_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{owner_server.url}/office/")  # an owner or manager lands on the office
    with mail_server(certs) as inbox:
        page.goto("/office/notifications#mail-server")
        page.fill("input[name=smtp_host]", "127.0.0.1")
        page.select_option("select[name=smtp_security]", "tls")
        assert page.input_value("input[name=smtp_port]") == "465"  # the usual port follows the choice
        page.select_option("select[name=smtp_security]", "starttls")
        assert page.input_value("input[name=smtp_port]") == "587"
        page.fill("input[name=smtp_port]", str(inbox.port))  # this test's server listens elsewhere
        page.fill("input[name=smtp_username]", LOGIN)
        page.fill("input[name=smtp_password]", "wrong-password")
        page.fill("input[name=mail_from]", LOGIN)
        page.fill("input[name=mail_from_name]", "田中商店 発注係")
        page.set_input_files("input[name=smtp_ca]", str(ca_file))
        page.click("#save-mail-server")
        page.wait_for_selector(".password-state")
        page.fill("input[name=address]", "kobayashi@tanaka-shoten.example.jp")
        page.click("#test-mail + form button")
        refused = page.locator("#test-mail-outcome")
        refused.wait_for()
        assert "535" in refused.inner_text() and "wrong-password" not in page.content()
        assert page.evaluate(ON_SCREEN, "#test-mail-outcome"), "the outcome is shown without scrolling"
        page.screenshot(path=str(ARTIFACTS / f"mail-refused-{locale}-{size}.png"), full_page=False)

        page.fill("input[name=smtp_password]", PASSWORD)
        page.click("#save-mail-server")
        page.wait_for_selector(".password-state")
        page.fill("input[name=address]", "kobayashi@tanaka-shoten.example.jp")
        page.click("#test-mail + form button")
        page.locator("#test-mail-outcome.notice-ok").wait_for()
        assert PASSWORD not in page.content() and page.evaluate(ON_SCREEN, "#test-mail-outcome")
        page.locator("#mail-server").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"mail-server-{locale}-{size}.png"), full_page=True)
    assert inbox.envelopes == [(LOGIN, ["kobayashi@tanaka-shoten.example.jp"])]
    context.close()
