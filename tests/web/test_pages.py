"""The worker's pages through the Flask test client: rendering, languages, htmx fragments, the shell."""

import json
import re

import pytest
from babel.messages.pofile import read_po

from tests.builders import actor, make_item, make_site, make_user, scan
from webapp.services.scanning import apply_scans

PASSWORD = "correct horse battery"
SCREENS = ["/", "/scan/receive", "/scan/pick", "/scan/count", "/scan/move", "/lookup", "/recent"]


@pytest.fixture
def worker(app):
    make_site()
    make_item()
    user_id, _ = make_user("sato", "worker", PASSWORD)
    return user_id


def csrf_from(html: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def login(client):
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login", data={"username": "sato", "password": PASSWORD, "csrf_token": csrf_from(page)})
    assert response.status_code == 302
    return response


def test_screens_need_a_login(client, worker):
    for url in SCREENS:
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(
    "accept, lang, receive", [("ja-JP,ja;q=0.9", "ja", "入荷"), ("en-US,en;q=0.8", "en", "Receive")]
)
def test_every_screen_renders_in_the_browsers_language(client, worker, accept, lang, receive):
    login(client)
    for url in SCREENS:
        response = client.get(url, headers={"Accept-Language": accept})
        html = response.get_data(as_text=True)
        assert response.status_code == 200, url
        assert f'<html lang="{lang}">' in html
        strings = json.loads(re.search(r'<script type="application/json" id="i18n">(.*?)</script>', html).group(1))
        assert strings["mode_receive"] == receive
        assert "http://" not in html and "https://" not in html  # nothing from another origin


def test_the_language_switch_persists_in_a_cookie(client, worker):
    login(client)
    html = client.get("/", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    response = client.post("/lang", data={"lang": "en", "next": "/scan/pick", "csrf_token": csrf_from(html)})
    assert response.status_code == 303 and response.headers["Location"] == "/scan/pick"
    assert "lang=en" in response.headers["Set-Cookie"] and "Max-Age" in response.headers["Set-Cookie"]
    page = client.get("/scan/pick", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert '<html lang="en">' in page and "Start camera" in page


def test_the_language_switch_refuses_to_redirect_elsewhere(client, worker):
    login(client)
    html = client.get("/").get_data(as_text=True)
    response = client.post("/lang", data={"lang": "ja", "next": "//evil.example/", "csrf_token": csrf_from(html)})
    assert response.headers["Location"] == "/"


def test_lookup_returns_only_the_fragment_to_htmx_and_says_it_varies(client, worker, app):
    apply_scans([scan(quantity=4, location="A-01-01")], actor(worker))
    login(client)
    full = client.get("/lookup?code=4901234567894", headers={"Accept-Language": "en"})
    fragment = client.get("/lookup?code=4901234567894", headers={"HX-Request": "true", "Accept-Language": "en"})
    assert "<html" in full.get_data(as_text=True)
    body = fragment.get_data(as_text=True)
    assert "<html" not in body and "Retro table clock" in body and "A-01-01" in body
    assert re.search(r'class="num">4<', body)
    assert "HX-Request" in fragment.headers["Vary"]


def test_lookup_of_a_bin_and_of_an_unknown_code(client, worker):
    login(client)
    headers = {"HX-Request": "true", "Accept-Language": "ja"}
    assert 'data-kind="location"' in client.get("/lookup?code=A-01-02", headers=headers).get_data(as_text=True)
    unknown = client.get("/lookup?code=NO-SUCH-THING", headers=headers).get_data(as_text=True)
    assert 'data-kind="unknown"' in unknown and "未登録のコード" in unknown
    bad = client.get("/lookup?code=4901234567890", headers=headers).get_data(as_text=True)
    assert "notice-error" in bad


def test_an_unknown_mode_is_not_found(client, worker):
    login(client)
    assert client.get("/scan/teleport").status_code == 404


def test_the_manifest_makes_the_app_installable(client):
    manifest = client.get("/manifest.webmanifest", headers={"Accept-Language": "ja"})
    assert manifest.mimetype == "application/manifest+json"
    data = manifest.get_json()
    assert data["display"] == "standalone" and data["start_url"] == "/" and data["theme_color"]
    assert data["short_name"] == "棚卸スキャン"
    sizes = {(i["sizes"], i["purpose"]) for i in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    import io

    from PIL import Image

    for icon in data["icons"]:
        image = Image.open(io.BytesIO(client.get(icon["src"]).data))
        assert f"{image.width}x{image.height}" == icon["sizes"]


def test_the_service_worker_is_served_from_the_root_uncached_with_a_content_version(client, app):
    response = client.get("/sw.js")
    body = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.mimetype == "text/javascript"
    version = re.search(r'const VERSION = "([0-9a-f]{12})"', body).group(1)
    shell = json.loads(re.search(r"const SHELL = (\[.*?\]);", body).group(1))
    for url in shell:
        assert client.get(url).status_code == 200, url
    assert "/api/" not in json.dumps(shell)
    app.config["SHELL_VERSION"] = "next"
    assert 'const VERSION = "next"' in client.get("/sw.js").get_data(as_text=True)
    assert version != "next"


def test_the_decoder_wasm_is_served_as_webassembly(client):
    response = client.get("/static/vendor/barcode-detector/zxing_reader.wasm")
    assert response.status_code == 200 and response.mimetype == "application/wasm"


def test_every_japanese_string_is_translated():
    with open("webapp/translations/ja/LC_MESSAGES/messages.po", "rb") as fh:
        catalog = read_po(fh)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert missing == []
    assert len(catalog) > 90


def test_the_lookup_page_shows_a_serials_history_in_japanese(app, client):
    from tests.builders import actor, make_item, make_site, make_user, scan
    from tests.web.helpers import PASSWORD, log_in
    from webapp.extensions import db
    from webapp.services.scanning import apply_scans

    make_site()
    reader = make_item("READER-BT", "バーコードリーダー BT-100", "4549292123456")
    reader.serial_tracked = True
    db.session.commit()
    worker = make_user("sato", "worker", PASSWORD)[0]
    apply_scans([scan("receive", "0104549292123456" + "21BTA-000017", location="A-01-01")], actor(worker))
    log_in(client, "sato")
    page = client.get("/lookup?code=BTA-000017", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert "シリアル番号" in page and "バーコードリーダー BT-100" in page and "A-01-01 の在庫" in page
    assert "入荷" in page and 'data-serial="BTA-000017"' in page
