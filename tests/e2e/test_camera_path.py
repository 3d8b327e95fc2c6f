"""The camera path in a real Chromium with fake camera videos: one scan per trigger, two agreeing frames for
EAN/UPC, the formats a Japanese shop meets, codes judged by their format, and stop/start safety."""

import time

import pytest

from tests.e2e.camera_videos import barcode, centred, frame, video
from tests.e2e.helpers import JAN, scans_recorded, stock_of

TEA_CUP = "4512345678906"
MISREAD = "4901234567887"  # one digit off the clock's JAN, with a valid check digit: a misread zxing can make
DELIVERY_NOTE = (
    "SAGAWA EXPRESS 1234-5678-9012\nTO: TANAOROSHI ZAKKA, 2-3-1 ASAKUSA, TAITO-KU, TOKYO 111-0032\n"
    "FROM: HASAMI POTTERY CO., 1234 HASAMI, NAGASAKI 859-3711\nITEMS: TEA CUP x24, RETRO CLOCK x6\n"
    "HANDLE WITH CARE - FRAGILE - THIS SIDE UP"
)


@pytest.fixture(scope="module")
def camera_videos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("camera_path")
    jan = barcode("ean13", JAN, height=8)
    return {
        # The clock's JAN at the aim, a tea cup's JAN just below the aiming box (a price label beside it).
        "two_codes": video(
            [frame((jan, (200, 165, 440, 265)), (barcode("ean13", TEA_CUP, height=8), (220, 300, 420, 380)))],
            folder / "two.y4m",
        ),
        # One frame of a misread with a valid check digit among frames of the right code, over and over (mid-loop:
        # Chromium's fake camera shows a video's first frame twice as it loops).
        "misread": video(
            [centred(jan)] * 4 + [centred(barcode("ean13", MISREAD, height=8))] + [centred(jan)] * 5,
            folder / "misread.y4m",
        ),
        "codabar": video([centred(barcode("rationalizedCodabar", "A40156B", height=10))], folder / "codabar.y4m"),
        "databar": video(
            [centred(barcode("databarexpanded", "(01)04901234567894(17)271231(10)LOT42A", scale=1, height=12), 620)],
            folder / "databar.y4m",
        ),
        "pdf417": video([centred(barcode("pdf417", DELIVERY_NOTE, columns=10), 620, 300)], folder / "pdf417.y4m"),
        "code128": video([centred(barcode("code128", "15182881", height=10))], folder / "code128.y4m"),
        "jan": video([centred(jan)], folder / "jan.y4m"),
    }


def start_camera(phone, clip, path="/scan/receive"):
    device = phone(clip)
    page = device.login()
    device.open(path)
    page.wait_for_selector("body[data-scanner=ready]", state="attached")
    page.click("#camera-toggle")
    return device, page


def wait_for_scans(device, page, count=1):
    page.wait_for_function(f"document.querySelectorAll('#session-list .scan-row').length >= {count}", timeout=60_000)
    device.wait_for_queue(pending=0)


def test_two_codes_in_view_give_one_scan_of_the_code_at_the_aim(phone, camera_videos):
    device, page = start_camera(phone, camera_videos["two_codes"])
    page.wait_for_selector("#camera-hint:not([hidden])")
    assert page.text_content("#camera-hint") == "コードが 2 つ映っています。1 つに合わせてください"
    wait_for_scans(device, page)
    time.sleep(2.5)  # both codes stay in view while the video loops
    assert page.locator("#session-list .scan-row").count() == 1
    assert [s.code for s in scans_recorded(mode="receive")] == [JAN]
    assert stock_of("RETRO-CLOCK") == 1 and stock_of("TEA-CUP") == 0
    assert page.get_attribute("#camera-box", "data-decoder").endswith("(worker)")


def test_a_misread_frame_followed_by_correct_frames_gives_only_the_correct_code(phone, camera_videos):
    device, page = start_camera(phone, camera_videos["misread"])
    wait_for_scans(device, page)
    time.sleep(4)  # four more passes of the misread frame
    assert [s.code for s in scans_recorded()] == [JAN]
    assert stock_of("RETRO-CLOCK") == 1


def test_a_codabar_delivery_slip_number_is_read_without_its_start_and_stop_characters(phone, camera_videos):
    device, page = start_camera(phone, camera_videos["codabar"])
    wait_for_scans(device, page)
    [scan] = scans_recorded()
    assert (scan.code, scan.code_key, scan.status) == ("A40156B", "40156", "unresolved")


def test_a_gs1_databar_expanded_records_the_lot_and_the_expiry(phone, camera_videos):
    _, page = start_camera(phone, camera_videos["databar"])
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    [scan] = scans_recorded()
    assert (scan.lot, scan.expiry.isoformat(), scan.status) == ("LOT42A", "2027-12-31", "applied")
    assert stock_of("RETRO-CLOCK") == 1


def test_a_pdf417_shipping_label_over_200_characters_with_line_breaks_is_read_whole(phone, camera_videos):
    assert len(DELIVERY_NOTE) > 200
    device, page = start_camera(phone, camera_videos["pdf417"])
    wait_for_scans(device, page)
    [scan] = scans_recorded()
    assert scan.code == DELIVERY_NOTE and scan.status == "unresolved"


def test_a_code_128_of_eight_digits_is_accepted_not_refused_as_an_ean_8(phone, camera_videos):
    device, page = start_camera(phone, camera_videos["code128"])
    wait_for_scans(device, page)
    assert page.get_attribute("#flash", "data-kind") != "error"
    [scan] = scans_recorded()
    assert (scan.code, scan.status) == ("15182881", "unresolved")


def test_stop_then_start_leaves_exactly_one_decoding_loop_and_one_scan(phone, camera_videos):
    device, page = start_camera(phone, camera_videos["jan"])
    page.click("#camera-toggle")  # stop...
    page.click("#camera-toggle")  # ...and start again at once
    wait_for_scans(device, page)
    time.sleep(2)
    assert page.get_attribute("#camera-box", "data-decode-loops") == "1"
    assert page.locator("#session-list .scan-row").count() == 1 and stock_of("RETRO-CLOCK") == 1


def test_after_stop_nothing_more_is_scanned(phone, camera_videos):
    _, page = start_camera(phone, camera_videos["jan"])
    page.click("#camera-toggle")  # stopped before a second agreeing frame could be decoded
    time.sleep(3)
    assert page.locator("#session-list .scan-row").count() == 0 and scans_recorded() == []
    assert page.get_attribute("#camera-box", "data-decode-loops") in (None, "0")
