"""A phone in the shop, for real: the app started by the launcher scripts/run uses, served over HTTPS at a
name that is not localhost (shop.test, mapped to 127.0.0.1 by Chromium's host resolver), to a Chromium that
trusts the shop's generated CA through an NSS database in its own HOME, and nothing else we added."""

import os
import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.builders import make_item, make_site, make_user
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, Phone
from tests.e2e.helpers import JAN, PASSWORD, scans_recorded, stock_of
from webapp import create_app
from webapp.extensions import db

NAME = "shop.test"
MAP_NAME = f"--host-resolver-rules=MAP {NAME} 127.0.0.1"
# Switches of the machine running the tests that would change what the launcher does.
LAUNCHER_SWITCHES = ("TLS_CERT", "TLS_KEY", "TRUSTED_PROXIES", "SETUP_ONLY", "PUBLIC_URL", "TLS_DIR", "SEED_DEMO")


@dataclass
class At:
    """Where a Phone points (tests.e2e.conftest.Phone reads `.url`)."""

    url: str


@dataclass
class Shop:
    process: subprocess.Popen
    https: str
    http: str
    ca: Path
    log: Path
    app: object


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers_over_tls(port: int, ca: Path) -> bool:
    """A TLS handshake to 127.0.0.1:port for shop.test that verifies against the shop's CA alone."""
    if not ca.exists():
        return False
    context = ssl.create_default_context(cafile=str(ca))
    try:
        with (
            socket.create_connection(("127.0.0.1", port), timeout=2) as raw,
            context.wrap_socket(raw, server_hostname=NAME) as tls,
        ):
            tls.sendall(f"GET /login HTTP/1.1\r\nHost: {NAME}:{port}\r\nConnection: close\r\n\r\n".encode())
            return tls.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """`python -m webapp.serving` with its own instance folder and SQLite file, on free loopback ports."""
    folder = tmp_path_factory.mktemp("shop")
    port, http_port = free_port(), free_port()
    url = f"sqlite:///{folder / 'shop.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if k not in LAUNCHER_SWITCHES}
    env.update(
        INSTANCE_PATH=str(folder / "instance"),
        DATABASE_URL=url,
        HOST="127.0.0.1",
        PORT=str(port),
        HTTP_PORT=str(http_port),
        TLS_NAMES=NAME,
        PUBLIC_URL=f"https://{NAME}:{port}",
        SEED_DEMO="0",
        OWNER_PASSWORD="owner-pass-2026",
        WORKERS="1",
    )
    log = folder / "launcher.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "webapp.serving"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    ca = folder / "instance" / "tls" / "ca.pem"
    deadline = time.monotonic() + 120
    while not answers_over_tls(port, ca):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the launcher did not serve HTTPS:\n{log.read_text()}")
        time.sleep(0.25)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "SECRET_KEY": "test-secret"})
    with app.app_context():
        make_site()
        make_item()
        make_user("sato", "worker", PASSWORD)
    yield Shop(process, f"https://{NAME}:{port}", f"http://{NAME}:{http_port}", ca, log, app)
    os.killpg(process.pid, signal.SIGTERM)  # what Ctrl-C or systemd's stop does
    assert process.wait(timeout=30) == 0, log.read_text()
    with app.app_context():
        db.engine.dispose()


def nss_home(folder: Path, ca: Path | None) -> Path:
    """A HOME whose NSS database (what Chromium on Linux trusts besides its built-in roots) holds `ca`."""
    nssdb = folder / ".pki" / "nssdb"
    nssdb.mkdir(parents=True)
    subprocess.run(["certutil", "-d", f"sql:{nssdb}", "-N", "--empty-password"], check=True)
    if ca:
        subprocess.run(
            ["certutil", "-d", f"sql:{nssdb}", "-A", "-t", "C,,", "-n", "shop-ca", "-i", str(ca)], check=True
        )
    return folder


@pytest.fixture(scope="module")
def shop_browser(playwright, shop, videos, tmp_path_factory):
    """Chromium that trusts the shop's CA, resolves shop.test to this PC and films the retro clock's JAN."""
    home = nss_home(tmp_path_factory.mktemp("home"), shop.ca)
    args = CHROMIUM_ARGS + [MAP_NAME, f"--use-file-for-fake-video-capture={videos['ean13']}"]
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args, env={**os.environ, "HOME": str(home)})
    yield browser
    browser.close()


def test_a_browser_without_the_shops_ca_refuses_the_secure_address(playwright, shop, tmp_path):
    home = nss_home(tmp_path / "home", None)
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS + [MAP_NAME], env={**os.environ, "HOME": str(home)}
    )
    try:
        page = browser.new_page()
        with pytest.raises(Exception, match="ERR_CERT_AUTHORITY_INVALID"):
            page.goto(shop.https + "/login")
    finally:
        browser.close()


def test_at_the_secure_address_a_camera_scan_is_queued_synced_and_the_screen_reloads_offline(shop, shop_browser):
    device = Phone(shop_browser, At(shop.https))
    page = device.login()
    assert page.evaluate("window.isSecureContext") is True
    device.open("/scan/receive")
    device.wait_for_worker()  # the service worker controls the page: over plain HTTP it could not exist
    device.wait_for_reference()
    assert page.is_hidden("#insecure-notice")

    page.click("#camera-toggle")
    page.wait_for_selector("#session-list .scan-row[data-state=applied]", state="attached")
    assert page.text_content("#result-name") == "レトロ置時計"
    page.click("#camera-toggle")  # stop the camera before the network goes
    with shop.app.app_context():
        [scan] = scans_recorded(mode="receive")
        assert scan.code == JAN and scan.status == "applied" and stock_of() == 1

    device.context.set_offline(True)
    response = page.reload()
    assert response.from_service_worker  # the screen came from the device, not the network
    page.wait_for_selector("body[data-scanner=ready]", state="attached")
    device.wedge(JAN)
    device.wait_for_queue(pending=1)
    page.wait_for_selector("#sync-status[data-state=offline]")

    device.context.set_offline(False)
    device.wait_for_queue(pending=0)
    with shop.app.app_context():
        assert len(scans_recorded(mode="receive", status="applied")) == 2 and stock_of() == 2
    foreign, errors = device.foreign_requests(), device.errors
    device.close()
    assert foreign == [] and errors == []


def test_over_plain_http_the_setup_page_opens_and_every_other_page_goes_to_the_secure_address(shop, shop_browser):
    context = shop_browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    response = page.goto(shop.http + "/setup")
    assert response.status == 200 and page.evaluate("window.isSecureContext") is False
    assert page.text_content("#secure-address") == shop.https + "/"
    assert page.locator(".setup-address .setup-qr svg").count() == 1
    assert page.text_content("#setup-address") == shop.http + "/setup"  # the QR code other phones scan first
    status, kind, body = page.evaluate("""async () => {
        const r = await fetch(document.getElementById("download-crt").href);
        return [r.status, r.headers.get("Content-Type"), Array.from(new Uint8Array(await r.arrayBuffer()))];
    }""")
    assert (status, kind) == (200, "application/x-x509-ca-cert")
    assert bytes(body) == ssl.PEM_cert_to_DER_cert(shop.ca.read_text())

    page.goto(shop.http + "/scan/receive")
    assert page.url.startswith(f"{shop.https}/login?next=/scan/receive")  # to HTTPS, then asked to log in
    assert page.evaluate("window.isSecureContext") is True
    context.close()


class PlainHttpAtShopName:
    """The e2e live server reached as http://shop.test:<port>: what a phone sees of an app served without TLS."""

    def __init__(self, server):
        self.url = f"http://{NAME}:{server.port}"


def test_a_scan_screen_over_plain_http_sends_the_worker_to_the_secure_address(app, server, shop_browser):
    app.config["PUBLIC_URL"] = f"https://{NAME}:9443"
    device = Phone(shop_browser, PlainHttpAtShopName(server))
    page = device.login()
    device.open("/scan/receive")
    assert page.evaluate("window.isSecureContext") is False
    page.wait_for_selector("#insecure-notice:visible")
    assert "カメラとオフライン作業には安全なアドレスが必要です" in page.text_content("#insecure-notice")
    assert page.get_attribute("#insecure-link", "href") == f"https://{NAME}:9443/scan/receive"
    page.click("#camera-toggle")
    page.wait_for_selector("#flash[data-kind=error]")
    assert page.text_content("#flash-title").startswith("カメラは安全なアドレスでしか使えません")
    assert "カメラがありません" not in page.text_content("body")
    device.close()


@pytest.mark.parametrize(
    "stub, message",
    [
        ("Object.defineProperty(navigator, 'mediaDevices', {value: undefined});", "この端末にはカメラがありません"),
        (
            "navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));",
            "カメラを起動できません",
        ),
    ],
)
def test_at_a_secure_address_a_missing_or_refused_camera_keeps_its_own_message(phone, stub, message):
    device = phone()
    device.context.add_init_script(stub)
    page = device.login()
    device.open("/scan/receive")
    assert page.evaluate("window.isSecureContext") is True  # 127.0.0.1 counts as secure
    assert page.is_hidden("#insecure-notice")
    page.click("#camera-toggle")
    page.wait_for_selector("#flash[data-kind=error]")
    assert page.text_content("#flash-title").startswith(message)
