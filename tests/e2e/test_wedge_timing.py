"""A wedge scanner's burst is never lost: right after the page loads, on a busy phone, or with uneven gaps."""

import pytest

from tests.e2e.helpers import JAN

QUEUED = "async () => (await import('/static/js/queue.js')).recent(10).then(r => r.length)"


def queued_once(device):
    """Exactly one scan is in the device queue, and stays one."""
    device.wait_until(f"async () => ({QUEUED})().then(n => n >= 1)")
    device.page.wait_for_timeout(500)
    return device.page.evaluate(f"({QUEUED})()")


@pytest.mark.parametrize("wait_until", ["domcontentloaded", "load"])
def test_a_burst_fired_as_the_page_loads_on_a_busy_phone_is_one_scan(phone, wait_until):
    device = phone()
    page = device.login()
    cdp = device.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 8})
    page.goto("/scan/receive", wait_until=wait_until)
    device.wedge(JAN)
    assert queued_once(device) == 1
    page.wait_for_selector("body[data-scanner=ready]", state="attached")
    assert page.evaluate("(async () => (await import('/static/js/queue.js')).recent(10))()")[0]["body"]["code"] == JAN


def test_a_burst_with_uneven_gaps_is_one_scan(phone):
    device = phone()
    page = device.login()
    device.open("/scan/receive")
    for ch, gap in zip(JAN, [0, 5, 5, 120, 5, 5, 90, 5, 5, 5, 70, 5, 5]):
        page.wait_for_timeout(gap)
        page.keyboard.press(ch)
    page.keyboard.press("Enter")
    assert queued_once(device) == 1
    assert page.input_value("#typed-code") == ""


def test_a_burst_before_the_scanner_module_runs_is_kept_and_scanned_once_it_does(phone):
    device = phone(service_workers="block")  # so the page's own requests can be held
    page = device.login()
    held = []
    page.route("**/static/js/scan-page.js", lambda route: held.append(route))
    page.goto("/scan/receive", wait_until="commit")
    page.wait_for_selector("#typed-form", state="attached")
    assert page.evaluate("document.body.dataset.scanner") is None  # nobody listens yet
    device.wedge(JAN)
    while not held:
        page.wait_for_timeout(50)
    for route in held:
        route.continue_()
    page.wait_for_selector("body[data-scanner=ready]", state="attached")
    assert queued_once(device) == 1
