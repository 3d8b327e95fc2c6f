"""Real-browser fixtures: the real app on a live thread server, a headless Chromium with a fake
camera fed from generated barcode videos, and phone-sized pages that may talk only to our server."""

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from werkzeug.serving import WSGIRequestHandler, make_server

from tests.builders import make_item, make_site, make_user
from tests.e2e.helpers import JAN, PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
]
PHONE = {"width": 390, "height": 844}
# What Chromium writes to the console when the Content-Security-Policy blocked something (webapp/security_headers.py).
CSP_REPORT = "Content Security Policy"


def _wait_for_function_by_evaluate(page, expression, *, arg=None, timeout=None, polling=None):
    """Page.wait_for_function, polled with page.evaluate: Playwright's own runs the predicate through eval() in the
    page, which the app's CSP (no 'unsafe-eval') rightly refuses; evaluate comes from DevTools, outside the policy."""
    deadline = time.monotonic() + (30_000 if timeout is None else timeout) / 1000
    pause = polling if isinstance(polling, (int, float)) else 50
    while True:
        try:
            value = page.evaluate(expression, arg)
        except PlaywrightError as exc:  # the page navigated meanwhile: ask the next one
            if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise PlaywrightTimeoutError(f"timed out waiting for: {expression}")
        page.wait_for_timeout(pause)


Page.wait_for_function = _wait_for_function_by_evaluate


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


class _OneRequestPerConnection(WSGIRequestHandler):
    # No keep-alive: once stopped, the server must really be gone, not still answering on an
    # open connection from a lingering handler thread.
    protocol_version = "HTTP/1.0"

    def log_request(self, *args, **kwargs):
        pass


class LiveServer:
    """The app on 127.0.0.1 in a thread; stop() and start() again keep the same port."""

    def __init__(self, app):
        self.app = app
        self.port = 0
        self.server = None

    def start(self):
        self.server = make_server(
            "127.0.0.1", self.port, self.app, threaded=True, request_handler=_OneRequestPerConnection
        )
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def seeded(app):
    """A site with bins, the retro clock with its JAN, and a worker."""
    site = make_site()
    item = make_item()
    make_item(code="TEA-CUP", name="湯呑み", jan="4512345678906", name_en="Tea cup")
    user_id, _token = make_user("sato", "worker", PASSWORD)
    return {"site": site, "item_id": item.id, "user_id": user_id}


@pytest.fixture
def server(app, seeded):
    live = LiveServer(app)
    live.start()
    yield live
    live.stop()


# ---- fixture videos: generated per run, never committed ----


def _to_y4m(png: Path, out: Path) -> Path:
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-loop",
            "1",
            "-i",
            str(png),
            "-t",
            "2",
            "-r",
            "10",
            "-vf",
            "scale=w=520:h=400:force_original_aspect_ratio=decrease:flags=neighbor,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p",
            "-f",
            "yuv4mpegpipe",
            str(out),
        ],
        check=True,
    )
    return out


def _ean13_png(digits12: str, out: Path) -> Path:
    import barcode
    from barcode.writer import ImageWriter

    path = barcode.get("ean13", digits12, writer=ImageWriter()).save(str(out.with_suffix("")))
    return Path(path)


def _gs1_datamatrix_png(hri: str, out: Path) -> Path:
    script = (
        "require('bwip-js').toBuffer({bcid:'gs1datamatrix',text:process.argv[1],scale:10,padding:4,"
        "backgroundcolor:'FFFFFF'}).then(b=>process.stdout.write(b)).catch(e=>{console.error(e);process.exit(1)})"
    )
    png = subprocess.run(["node", "-e", script, hri], cwd=ROOT, check=True, capture_output=True).stdout
    out.write_bytes(png)
    return out


@pytest.fixture(scope="session")
def videos(tmp_path_factory):
    if not shutil.which("ffmpeg"):
        pytest.fail("ffmpeg is missing: apt-get install -y --no-install-recommends ffmpeg")
    folder = tmp_path_factory.mktemp("camera")
    return {
        "ean13": _to_y4m(_ean13_png(JAN[:12], folder / "ean13.png"), folder / "ean13.y4m"),
        "gs1dm": _to_y4m(
            _gs1_datamatrix_png("(01)04901234567894(17)271231(10)LOT42A", folder / "gs1dm.png"), folder / "gs1dm.y4m"
        ),
    }


def watch_csp(context, found: list) -> None:
    """Record every CSP violation reported in a context's pages and workers: working under the policy means none."""
    context.on("console", lambda msg: CSP_REPORT in msg.text and found.append(f"{msg.location.get('url')}: {msg.text}"))


class CspWatchedBrowser:
    """A Chromium whose every context reports its CSP violations to one list (tests that open contexts directly)."""

    def __init__(self, browser, found: list):
        self.browser = browser
        self.found = found

    def new_context(self, **options):
        context = self.browser.new_context(**options)
        watch_csp(context, self.found)
        return context

    def new_page(self, **options):
        return self.new_context(**options).new_page()

    def __getattr__(self, name):
        return getattr(self.browser, name)


@pytest.fixture(scope="session")
def csp_violations():
    return []


@pytest.fixture(autouse=True)
def no_csp_violations(csp_violations):
    """Fail any e2e test during which Chromium blocked something under the Content-Security-Policy."""
    csp_violations.clear()
    yield
    assert csp_violations == [], f"blocked by the Content-Security-Policy: {csp_violations}"


@pytest.fixture(scope="session")
def browsers(playwright, csp_violations):
    """A Chromium per camera video (None: Chromium's own test pattern), launched on first use."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium")
    launched = {}

    def get(video: Path | None = None):
        key = str(video) if video else None
        if key not in launched:
            args = CHROMIUM_ARGS + ([f"--use-file-for-fake-video-capture={video}"] if video else [])
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
            launched[key] = CspWatchedBrowser(chromium, csp_violations)
        return launched[key]

    yield get
    for browser in launched.values():
        browser.close()


class Phone:
    """A phone-sized browser context on the live server, recording every URL it requests."""

    def __init__(self, browser, server, locale="ja-JP", **options):
        self.server = server
        self.context = browser.new_context(
            viewport=PHONE,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale=locale,
            base_url=server.url,
            **options,
        )
        self.requests = []
        self.errors = []
        if not isinstance(
            browser, CspWatchedBrowser
        ):  # a browser a test launched itself (tests/e2e/test_https_shop.py)
            watch_csp(self.context, self.errors)
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)  # the CI machine may be busy
        self.page.on("dialog", lambda dialog: dialog.accept())
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        # Network failures are expected offline; script errors never are.
        self.page.on(
            "console",
            lambda msg: (
                msg.type == "error"
                and not msg.text.startswith("Failed to load resource")
                and self.errors.append(msg.text)
            ),
        )

    def login(self, username="sato", password=PASSWORD):
        page = self.page
        page.goto("/login")
        page.fill("#username", username)
        page.fill("#password", password)
        page.click("button[type=submit]")
        # Workers land on the scanning home, managers and owners on the office.
        page.wait_for_url(lambda url: url in (f"{self.server.url}/", f"{self.server.url}/office/"))
        return page

    def wait_for_worker(self):
        """Wait until the service worker controls the page (and has cached the screens)."""
        deadline = time.monotonic() + 30
        while not self.page.evaluate("navigator.serviceWorker.controller !== null"):
            if time.monotonic() > deadline:
                state = self.page.evaluate("""async () => {
                    const r = await navigator.serviceWorker.getRegistration();
                    return r ? {installing: r.installing && r.installing.state, waiting: r.waiting && r.waiting.state,
                                active: r.active && r.active.state} : 'no registration';
                }""")
                raise AssertionError(f"no service worker controls {self.page.url}: {state}")
            self.page.wait_for_timeout(100)
        self.page.evaluate("""async () => {
            const keys = await caches.keys();
            const pages = keys.find((k) => k.startsWith('pages-'));
            for (let i = 0; i < 100; i++) {
                const cache = await caches.open(pages || 'pages-none');
                if ((await cache.keys()).length >= 7) return;
                await new Promise((r) => setTimeout(r, 100));
            }
            throw new Error('screens were not cached');
        }""")

    def foreign_requests(self):
        local = (self.server.url + "/", "data:", "blob:")
        return [url for url in self.requests if not url.startswith(local)]

    def open(self, path: str):
        """Go to a screen and wait until its scanner listens (a burst before that is not heard)."""
        self.page.goto(path)
        self.page.wait_for_selector("body[data-scanner=ready]", state="attached")
        return self.page

    def wait_until(self, script: str, timeout: float = 30.0):
        """Poll an async JS predicate (wait_for_function does not await promises)."""
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(script):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for: {script}")
            self.page.wait_for_timeout(100)

    def wait_for_queue(self, timeout: float = 30.0, **expected):
        """Wait until the device queue's counts (pending, attention) are as expected."""
        checks = " && ".join(f"c.{k} === {int(v)}" for k, v in expected.items())
        self.wait_until(f"async () => (await import('/static/js/queue.js')).counts().then(c => {checks})", timeout)

    def wait_for_reference(self):
        """Wait until the device has its offline copy of items and bins."""
        self.wait_until(
            "async () => (await import('/static/js/reference.js')).classify('A-01-01').then(r => r.kind === 'location')"
        )

    def queue_undo_of_unknown_scan(self):
        """Queue what the server must reject (a device bug or stale state): an undo of a scan it never saw."""
        self.page.evaluate("""async () => {
            const q = await import('/static/js/queue.js');
            const app = await import('/static/js/app.js');
            await q.enqueue({mode: 'undo', code: '4901234567894', quantity: 1,
                             undo_of: '01890000-0000-7000-8000-000000000000'},
                            {item_name: 'レトロ置時計', kind: 'item'}, app.config.user_id);
            app.requestSync();
        }""")

    def pending(self) -> int:
        return self.page.evaluate("""async () => (await import('/static/js/queue.js')).counts().then(c => c.pending)""")

    def wedge(self, code: str):
        """A keyboard-wedge scanner: the characters a few ms apart, then Enter."""
        self.page.keyboard.type(code, delay=4)
        self.page.keyboard.press("Enter")

    def close(self):
        self.context.close()


@pytest.fixture
def phone(browsers, server):
    """Open phones on demand; each checks at the end that it only ever talked to our server."""
    opened = []

    def open_phone(video=None, **options):
        device = Phone(browsers(video), server, **options)
        opened.append(device)
        return device

    yield open_phone
    for device in opened:
        foreign = device.foreign_requests()
        device.close()
        assert foreign == [], f"requests to other origins: {foreign}"
        assert device.errors == [], f"errors in the page: {device.errors}"
