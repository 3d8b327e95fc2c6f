"""Scanning in a real Chromium: camera video, keyboard wedge and typed entry, through to the server's stock."""

import time

from tests.e2e.helpers import JAN, scans_recorded, stock_of


def test_ean13_on_the_camera_in_receive_mode_raises_the_stock_once(phone, videos):
    device = phone(videos["ean13"])
    page = device.login()
    page.click("text=入荷")
    page.wait_for_selector("body[data-scanner=ready]", state="attached")
    page.click("#camera-toggle")
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    assert page.text_content("#result-name") == "レトロ置時計"
    # The code stays in view while the video loops: still one scan, not one per frame.
    time.sleep(2.5)
    assert page.locator("#session-list .scan-row").count() == 1
    assert stock_of("RETRO-CLOCK") == 1
    [scan] = scans_recorded(mode="receive")
    assert scan.code == JAN and scan.status == "applied"
    measured = page.evaluate("performance.getEntriesByName('camera-to-first-decode').map(e => e.duration)")
    assert len(measured) == 1 and measured[0] > 0


def test_gs1_datamatrix_records_lot_and_expiry(phone, videos):
    device = phone(videos["gs1dm"])
    page = device.login()
    device.open("/scan/receive")
    page.click("#camera-toggle")
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    [scan] = scans_recorded(mode="receive")
    assert scan.lot == "LOT42A"
    assert scan.expiry.isoformat() == "2027-12-31"
    assert stock_of("RETRO-CLOCK") == 1


def test_a_wedge_burst_into_a_focused_field_is_one_scan_and_leaves_the_field_alone(phone):
    device = phone()
    page = device.login()
    device.open("/scan/receive")
    page.fill("#qty", "3")
    page.focus("#qty")
    device.wedge(JAN)
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    assert page.locator("#session-list .scan-row").count() == 1
    assert page.input_value("#qty") == "1"  # the burst did not land in the field; the next scan is 1 again
    assert stock_of("RETRO-CLOCK") == 3
    [scan] = scans_recorded(mode="receive")
    assert scan.quantity == 3


def test_slow_typing_is_not_a_wedge_scan_but_typed_entry_scans_on_enter(phone):
    device = phone()
    page = device.login()
    device.open("/scan/pick")
    page.focus("#typed-code")
    page.keyboard.type("4512345678906", delay=90)
    assert page.input_value("#typed-code") == "4512345678906"  # typing stays in the field
    assert page.locator("#session-list .scan-row").count() == 0
    page.keyboard.press("Enter")
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    assert page.text_content("#result-name") == "湯呑み"
    assert stock_of("TEA-CUP") == -1  # picked from an empty shelf: recorded, flagged, not refused
    assert "在庫がマイナス" in page.text_content("#session-list")


def test_a_wrong_check_digit_is_refused_on_the_device_with_the_expected_digit(phone):
    device = phone()
    page = device.login()
    device.open("/scan/receive")
    device.wedge("4901234567890")
    page.wait_for_selector("#flash[data-kind=error]")
    assert "4" in page.text_content("#flash-title")
    assert device.pending() == 0 and scans_recorded() == []


def test_a_bin_label_sets_the_bin_and_the_scan_lands_there(phone):
    device = phone()
    page = device.login()
    device.open("/scan/receive")
    device.wait_for_reference()
    device.wedge("A-01-02")
    page.wait_for_selector("#bin-from.is-set")
    device.wedge(JAN)
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    [scan] = scans_recorded(mode="receive")
    assert scan.location_code == "A-01-02"
    assert "A-01-02" in page.text_content("#session-list")


def test_move_needs_both_bins_and_moves_the_stock(phone):
    device = phone()
    page = device.login()
    device.open("/scan/receive")
    device.wait_for_reference()
    device.wedge("A-01-01")
    page.fill("#qty", "5")
    device.wedge(JAN)
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    device.open("/scan/move")
    device.wedge(JAN)
    page.wait_for_selector("#flash[data-kind=error]")
    assert device.pending() == 0
    device.wedge("A-01-01")
    device.wedge("B-02-01")
    page.wait_for_selector("#bin-to.is-set")
    page.fill("#qty", "2")
    device.wedge(JAN)
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    [move] = scans_recorded(mode="move")
    assert (move.location_code, move.to_location_code, move.quantity) == ("A-01-01", "B-02-01", 2)
    assert stock_of("RETRO-CLOCK") == 5
