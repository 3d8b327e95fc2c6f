"""Cycle counts in real Chromium: the manager reads today's due list and generates the day's count sessions."""

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.stocktake.cycle_fixtures import shop_with_classes
from webapp.extensions import db
from webapp.models import Task

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "office"
WORDS = {
    "ja": {
        "never": "未棚卸し",
        "generate": "棚卸しセッションを作成",
        "opened": "棚卸しセッションを 3 件作成しました。",
    },
    "en": {"never": "Never counted", "generate": "Generate count sessions", "opened": "3 count sessions opened."},
}


@pytest.fixture
def seeded(app):
    """The shop whose ledger classes the clock A, the tea B and the sencha C; nothing counted yet."""
    return shop_with_classes()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_manager_generates_the_days_count_sessions_from_the_due_list(phone, lang):
    words = WORDS[lang]
    office = phone(locale="ja-JP" if lang == "ja" else "en-GB")
    office.context.add_cookies([{"name": "lang", "value": lang, "url": office.server.url}])
    office.login("suzuki")
    page = office.page
    page.goto("/workflows/office/cycle-counts")
    rows = page.locator("#due-list tbody tr")
    assert rows.count() == 4
    assert [rows.nth(n).locator("td").first.text_content() for n in range(4)] == ["A", "B", "A", "C"]
    assert page.locator(f"#due-list td:text-is('{words['never']}')").count() == 4
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"cycle-counts-due-{lang}.png"), full_page=True)
    page.click(f"#generate-form button:has-text('{words['generate']}')")
    page.wait_for_selector(f".notice:has-text('{words['opened']}')")
    db.session.remove()
    numbers = db.session.scalars(select(Task.number).order_by(Task.id)).all()
    assert len(numbers) == 3
    assert [rows.nth(n).locator("td").last.text_content() for n in range(4)] == [
        numbers[0],
        numbers[0],
        numbers[1],
        numbers[2],
    ]
    assert page.locator("#generate-form button").is_disabled()  # nothing due is left out of a session
    page.screenshot(path=str(ARTIFACTS / f"cycle-counts-generated-{lang}.png"), full_page=True)
