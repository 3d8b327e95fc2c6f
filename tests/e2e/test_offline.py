"""Nothing lost, nothing counted twice: a real outage, a reload with no network, a lost answer."""

import json

from tests.e2e.helpers import JAN, scans_recorded, stock_of


def test_twenty_scans_made_offline_survive_a_reload_and_apply_exactly_once(phone):
    device = phone()
    page = device.login()
    device.open("/scan/receive")
    device.wait_for_worker()
    device.wait_for_reference()

    device.server.stop()
    device.context.set_offline(True)
    for _ in range(20):
        device.wedge(JAN)
    device.wait_for_queue(pending=20)
    assert page.text_content("#result-name") == "レトロ置時計"  # offline, from the device's reference copy

    response = page.reload()
    assert response.from_service_worker
    page.wait_for_selector("#sync-status[data-state=offline]")
    assert "未送信 20" in page.text_content("#sync-status")
    assert device.pending() == 20
    assert scans_recorded() == []

    device.server.start()
    device.context.set_offline(False)
    device.wait_for_queue(pending=0, timeout=30)
    page.wait_for_selector("#sync-status[data-state=ok]")
    assert len(scans_recorded(mode="receive", status="applied")) == 20
    assert stock_of("RETRO-CLOCK") == 20


class LoseFirstAnswer:
    """WSGI middleware: the first batch is applied by the app, then the connection drops unanswered."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app
        self.answers = []

    def __call__(self, environ, start_response):
        if not environ["PATH_INFO"].endswith("/scans/batch"):
            return self.wsgi_app(environ, start_response)
        seen = {}
        body = b"".join(self.wsgi_app(environ, lambda status, headers, exc_info=None: seen.update(status=status)))
        self.answers.append(json.loads(body))
        if len(self.answers) == 1:
            raise ConnectionResetError("answer lost on the way back")  # werkzeug drops the connection
        start_response(seen["status"], [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]


def test_a_batch_whose_answer_is_lost_is_sent_again_without_double_counting(phone, app):
    device = phone()
    device.login()
    device.open("/scan/receive")
    device.wait_for_reference()
    device.context.set_offline(True)
    for _ in range(3):
        device.wedge(JAN)
    device.wait_for_queue(pending=3)

    lossy = app.wsgi_app = LoseFirstAnswer(app.wsgi_app)
    device.context.set_offline(False)
    device.wait_for_queue(pending=0, timeout=30)
    first, second = lossy.answers[0]["results"], lossy.answers[1]["results"]
    assert [r["status"] for r in first] == ["applied"] * 3
    assert [r["status"] for r in second] == ["duplicate"] * 3
    assert {r["scan_id"] for r in first} == {r["scan_id"] for r in second}
    assert stock_of("RETRO-CLOCK") == 3
    assert len(scans_recorded()) == 3


def test_an_expired_session_keeps_the_queue_and_resumes_after_logging_in_again(phone):
    device = phone()
    page = device.login()
    device.open("/scan/receive")
    device.wait_for_reference()
    device.context.clear_cookies()
    device.wedge(JAN)
    page.wait_for_selector("#banner-login:visible")
    assert "1" in page.text_content("#banner-text")
    assert device.pending() == 1

    page.click("#banner-login")
    page.fill("#username", "sato")
    page.fill("#password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url("**/scan/receive")
    device.wait_for_queue(pending=0)
    assert stock_of("RETRO-CLOCK") == 1


def test_a_rejected_scan_waits_in_needs_attention_with_the_servers_reason(phone):
    device = phone()
    page = device.login()
    page.goto("/recent")
    # A device bug or stale state: an undo of a scan the server never saw.
    device.queue_undo_of_unknown_scan()
    page.wait_for_selector("#attention-list .scan-row")
    assert "元のスキャンがサーバーにありません" in page.text_content("#attention-list")
    device.wait_for_queue(attention=1, pending=0)
    # The status line redraws after the list: wait for it rather than race it.
    page.wait_for_function("document.querySelector('#sync-status').textContent.includes('要対応 1')")

    page.click("#attention-list .scan-retry")
    device.wait_for_queue(attention=1, pending=0)
    page.click("#attention-list .scan-dismiss")
    page.wait_for_selector("#attention-section", state="hidden")
    assert scans_recorded() == []


def test_undo_records_a_compensating_scan_and_keeps_the_original(phone):
    device = phone()
    page = device.login()
    device.open("/scan/receive")
    page.fill("#qty", "2")
    device.wedge(JAN)
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    assert stock_of("RETRO-CLOCK") == 2
    page.goto("/recent")
    page.click("#recent-list .scan-row[data-state=applied] .scan-undo")
    page.wait_for_selector("#recent-list .scan-row[data-state=undone]")
    device.wait_for_queue(pending=0)
    assert stock_of("RETRO-CLOCK") == 0
    modes = sorted(s.mode for s in scans_recorded())
    assert modes == ["receive", "undo"]
    assert page.locator("#recent-list .scan-undo:visible").count() == 0  # an undo cannot be undone twice
