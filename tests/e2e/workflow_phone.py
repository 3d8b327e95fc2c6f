"""Steps the workflow browser tests share: open a task from the hub, type a code, take a screenshot."""

from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "workflows"


def typed(page, code):
    """A code entered on the phone's keypad (Enter submits it as a scan)."""
    page.fill("#typed-code", code)
    page.press("#typed-code", "Enter")


def open_task(device, number):
    """Open a task from the hub and wait until its screen has drawn."""
    page = device.page
    page.goto("/workflows/")
    device.wait_for_reference()
    page.click(f"a[data-number='{number}']")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_function(f"document.getElementById('wf-number').textContent.includes('{number}')")
    return page


def shoot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(250)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
