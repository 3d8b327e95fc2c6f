"""The CSV import from Japanese Excel and the English office, in a real Chromium at tablet and phone size.

Screenshots go to test-artifacts/language/ for review: a Shift_JIS file's every problem in the UI language,
the stock list's two exports, the dashboard with English item names.
"""

from pathlib import Path

import pytest

from tests.builders import make_user
from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import PASSWORD
from webapp.services.catalog import seed_demo
from webapp.services.replenishment import recompute

SIZES = {"tablet": {"width": 820, "height": 1180}, "phone": {"width": 390, "height": 844}}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "language"
BAD_ROWS = (
    "code,name,name_en,unit,unit_cost,supplier_code\n"
    "TEA-GENMAI,玄米茶 200g,Genmaicha 200 g,bag,420,SUP-KIKUCHI\n"
    "CLOCK-2,レトロ置時計 大,,pcs,abc,SUP-NOBODY\n"
    ",名前だけの行,,pcs,-5,\n"
).encode("cp932")


@pytest.fixture
def office_server(app, tmp_path):
    seed_demo()
    recompute()
    make_user("kobayashi", "owner", PASSWORD)
    live = LiveServer(app)
    live.start()
    yield live
    live.stop()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("locale", ["ja", "en"])
def test_a_shift_jis_import_and_the_english_office_read_whole(office_server, browsers, locale, size, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browsers().new_context(
        viewport=SIZES[size],
        has_touch=True,
        locale="ja-JP" if locale == "ja" else "en-GB",
        base_url=office_server.url,
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{office_server.url}/office/")
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{locale}-{size}.png"), full_page=False)
    if locale == "en":
        assert "Retro table clock" in page.content() or "Shizuoka sencha" in page.content()

    csv_file = tmp_path / "商品.csv"
    csv_file.write_bytes(BAD_ROWS)
    page.goto("/office/import")
    page.set_input_files("input[name=file]", str(csv_file))
    page.click("form.import button")
    page.wait_for_selector(".notice-error")
    said = page.locator("section.panel").inner_text()
    if locale == "ja":
        assert (
            "2 行に修正が必要です" in said and "この番号の仕入先はありません" in said and "数値ではありません" in said
        )
    else:
        assert "2 rows need fixing" in said and "no supplier has this code" in said and "not a number" in said
    page.screenshot(path=str(ARTIFACTS / f"import-problems-{locale}-{size}.png"), full_page=True)

    page.goto("/office/stock")
    page.screenshot(path=str(ARTIFACTS / f"stock-exports-{locale}-{size}.png"), full_page=False)
    assert errors == []
    context.close()
