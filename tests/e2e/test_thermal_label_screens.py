"""The owner sets up a label printer and prints an item's and a case's thermal labels from the item page in a
real Chromium (a stand-in printer on 127.0.0.1:9100 takes the ZPL), then downloads the bin labels as a .zpl file;
screenshots in test-artifacts/office/ for review."""

from datetime import date
from pathlib import Path

import pytest

from tests.builders import make_item, make_site, make_user
from tests.e2e.conftest import LiveServer
from tests.e2e.helpers import PASSWORD
from tests.zpl_helpers import StandInPrinter, code128_text, parse_zpl
from webapp.domain.barcodes import parse_code

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "office"
SIZES = {"tablet": {"width": 820, "height": 1180}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def shop_server(app):
    make_user("kobayashi", "owner", PASSWORD)
    tea = make_item(
        "TEA-525",
        "伊右衛門 緑茶 525ml",
        "4901234567894",
        name_en="Iyemon green tea 525ml",
        case_jan="14901234567891",
        case_qty=24,
    )
    make_site("TKY", bins=("A-01-01", "A-01-02"))
    live = LiveServer(app)
    live.start()
    yield live, tea.id
    live.stop()


@pytest.mark.parametrize(("locale", "size"), [("ja", "tablet"), ("en", "phone")])
def test_the_owner_sets_up_a_printer_and_prints_item_and_case_labels(shop_server, browsers, locale, size):
    live, tea_id = shop_server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browsers().new_context(
        viewport=SIZES[size], locale="ja-JP" if locale == "ja" else "en-GB", base_url=live.url, accept_downloads=True
    )
    page = context.new_page()
    page.goto("/login")
    page.fill("#username", "kobayashi")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live.url}/office/")

    page.goto(f"/office/items/{tea_id}")
    page.click("#thermal-labels a")  # no printer yet: the owner is pointed to the set-up
    page.fill("#new-printer input[name=name]", "倉庫のZebra")
    page.fill("#new-printer input[name=host]", "127.0.0.1")
    page.fill("#new-printer input[name=width_mm]", "100")
    page.fill("#new-printer input[name=height_mm]", "50")
    page.select_option("#new-printer select[name=dpi]", "300")
    page.click("#new-printer button[type=submit]")
    page.locator('[data-name="倉庫のZebra"]').wait_for()
    page.screenshot(path=str(ARTIFACTS / f"label-printers-{locale}-{size}.png"), full_page=True)

    page.goto(f"/office/items/{tea_id}#thermal-labels")
    with StandInPrinter() as printer:
        page.fill("#item-zpl input[name=copies]", "3")
        page.click("#item-zpl button[value=print]")
        page.locator("p.notice-ok").wait_for()
        case_form = page.locator('form[data-case="14901234567891"]')
        case_form.locator("input[name=lot]").fill("L2407A")
        case_form.locator("input[name=expiry]").fill("2027-12-31")
        case_form.locator("button[value=print]").click()
        page.wait_for_load_state()
        item_job, case_job = printer.wait_for(2)
    page.screenshot(path=str(ARTIFACTS / f"thermal-labels-{locale}-{size}.png"), full_page=True)

    [item] = parse_zpl(item_job)
    assert item.copies == 3 and item.of("ean13")[0].data == "490123456789" and item.outside() == []
    scanned = parse_code(code128_text(parse_zpl(case_job)[0].of("code128")[0].data))
    assert (scanned.gtin, scanned.expiry, scanned.lot) == ("14901234567891", date(2027, 12, 31), "L2407A")

    page.goto("/workflows/labels?site=TKY&what=bins")
    with page.expect_download() as download:
        page.click("#bin-zpl button[value=download]")
    zpl = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename == "bins-TKY-RCV.zpl"
    assert [code128_text(label.of("code128")[0].data) for label in parse_zpl(zpl)] == ["TKY-RCV", "A-01-01", "A-01-02"]
    context.close()
