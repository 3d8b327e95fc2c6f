"""A worker at the counter scans a customer's return back into stock on a phone: the bin, the item, the reason,
booked once however often the button is pressed again after a lost answer; a refusal said in Japanese."""

from pathlib import Path

from sqlalchemy import select

from tests.builders import actor, scan
from tests.e2e.helpers import JAN, stock_of
from webapp.extensions import db
from webapp.models import Movement, StockReturn
from webapp.services.picking import create_pick_list
from webapp.services.scanning import apply_scans

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "returns"


class LoseFirstReturnAnswer:
    """WSGI middleware: the first return is booked by the app, then the connection drops unanswered."""

    def __init__(self, wsgi_app):
        self.wsgi_app, self.calls = wsgi_app, 0

    def __call__(self, environ, start_response):
        if not environ["PATH_INFO"].endswith("/returns/customer"):
            return self.wsgi_app(environ, start_response)
        self.calls += 1
        seen = {}
        body = b"".join(self.wsgi_app(environ, lambda status, headers, exc_info=None: seen.update(status=status)))
        if self.calls == 1:
            raise ConnectionResetError("answer lost on the way back")
        start_response(seen["status"], [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]


def test_a_return_scanned_at_the_counter_is_booked_once_and_an_over_return_is_refused_in_japanese(phone, seeded, app):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    worker = actor(seeded["user_id"])
    apply_scans([scan("receive", JAN, 5, location="A-01-01")], worker)
    pick_list = create_pick_list("TKY", [(JAN, 2)], seeded["user_id"], number="PL-801")
    apply_scans([scan("pick", JAN, 2, location="A-01-01", task_id=pick_list)], worker)
    assert stock_of("RETRO-CLOCK") == 3
    device = phone()
    page = device.login()
    page.click("a.mode-return")
    page.wait_for_selector("body[data-ready='1']")
    device.wait_for_reference()
    device.wedge("B-02-01")
    device.wedge(JAN)
    page.wait_for_function("document.getElementById('result-name').textContent === 'レトロ置時計'")
    page.select_option("#return-reason", "damaged")
    page.fill("#return-pick-list", "PL-801")
    lossy = app.wsgi_app = LoseFirstReturnAnswer(app.wsgi_app)
    page.click("#return-book")
    page.wait_for_function("document.getElementById('result-detail').textContent.includes('接続がない')")
    page.click("#return-book")  # pressed again: the same request, booked once
    page.wait_for_function("document.getElementById('result-name').textContent.startsWith('返品：')")
    assert page.text_content("#result-name") == "返品：レトロ置時計 × 1 を B-02-01 へ" and lossy.calls == 2
    db.session.remove()
    [returned] = db.session.scalars(select(StockReturn)).all()
    assert (returned.reason, returned.quantity, returned.task_id) == ("damaged", 1, pick_list)
    assert len(db.session.scalars(select(Movement).where(Movement.type == "customer_return")).all()) == 1
    assert stock_of("RETRO-CLOCK") == 4
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "counter-return-phone-ja.png"))
    page.locator("#return-form").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "counter-return-form-phone-ja.png"))

    # Two more than the pick list had left to come back: refused, said in Japanese, nothing booked.
    device.wedge(JAN)
    page.fill("#qty", "2")
    page.select_option("#return-reason", "unwanted")
    page.click("#return-book")
    page.wait_for_function("document.getElementById('result-detail').textContent.startsWith('登録できません')")
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "counter-return-refused-phone-ja.png"))
    db.session.remove()
    assert len(db.session.scalars(select(StockReturn)).all()) == 1 and stock_of("RETRO-CLOCK") == 4
    assert device.errors == [] and device.foreign_requests() == []
