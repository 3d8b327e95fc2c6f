"""Security headers on everything the app answers: pages, API, static files, the service worker, errors and
the plain-HTTP setup port; HSTS only over HTTPS (directly or from a trusted proxy)."""

import re
from pathlib import Path

import pytest

from tests.builders import make_item, make_site, make_user
from tests.web.helpers import PASSWORD, log_in
from webapp import create_app
from webapp.extensions import db

SHOP = "https://192.168.1.20:8443"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def shop(app):
    make_site()
    make_item()
    _user_id, token = make_user("sato", "worker", PASSWORD)
    return {"token": token}


def assert_strict_headers(response):
    headers = response.headers
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self' 'wasm-unsafe-eval'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
    assert policy["connect-src"] == "'self'" and policy["worker-src"] == "'self'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=(self)" in headers["Permissions-Policy"] and "microphone=()" in headers["Permissions-Policy"]


def test_a_page_the_api_a_static_file_and_the_service_worker_all_carry_the_headers(client, shop):
    log_in(client, "sato")
    for path in ("/", "/scan/receive", "/static/js/app.js", "/static/css/app.css", "/sw.js", "/manifest.webmanifest"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_strict_headers(response)
    api = client.get("/api/v1/session", headers={"Authorization": f"Bearer {shop['token']}"})
    assert api.status_code == 200
    assert_strict_headers(api)


def test_the_wasm_decoder_is_served_as_wasm_so_it_compiles_under_the_policy(client):
    response = client.get("/static/vendor/barcode-detector/zxing_reader.wasm")
    assert response.status_code == 200 and response.mimetype == "application/wasm"
    assert_strict_headers(response)


def test_error_answers_carry_the_headers_too(client, app, shop):
    assert_strict_headers(client.get("/no-such-page"))
    assert_strict_headers(client.get("/api/v1/items/999999", headers={"Authorization": f"Bearer {shop['token']}"}))
    assert_strict_headers(client.get("/api/v1/session"))  # 401, not signed in
    assert_strict_headers(client.delete("/login"))  # 405


def test_an_unexpected_failure_still_answers_with_the_headers(database_url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "test-secret"})

    @app.route("/boom")
    def boom():
        raise RuntimeError("a bug")

    with app.app_context():
        response = app.test_client().get("/boom")
        assert response.status_code == 500
        assert_strict_headers(response)
        db.engine.dispose()


def test_no_hsts_over_plain_http_and_hsts_over_https(client, shop):
    assert "Strict-Transport-Security" not in client.get("/login").headers
    secure = client.get("/login", base_url="https://192.168.1.20:8443")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert_strict_headers(secure)


def test_the_plain_http_setup_port_has_the_headers_and_never_hsts(client, app, shop):
    app.config.update(SETUP_ONLY=True, PUBLIC_URL=SHOP)
    page = client.get("/setup", base_url="http://192.168.1.20:8000")
    assert page.status_code == 200
    assert_strict_headers(page)
    assert "Strict-Transport-Security" not in page.headers
    redirect = client.get("/scan/receive", base_url="http://192.168.1.20:8000")
    assert redirect.status_code == 302 and redirect.headers["Location"] == f"{SHOP}/scan/receive"
    assert_strict_headers(redirect)
    assert "Strict-Transport-Security" not in redirect.headers
    # Even a forged X-Forwarded-Proto on that port (no proxy is trusted) gives no HSTS.
    forged = client.get("/setup", base_url="http://192.168.1.20:8000", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in forged.headers


def test_hsts_behind_a_trusted_proxy_only(database_url, tmp_path):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "TRUSTED_PROXIES": ["10.0.0.2"],
            "TLS_DIR": str(tmp_path / "tls"),
        }
    )
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "kura.example"}
    with app.app_context():
        client = app.test_client()
        trusted = client.get("/login", headers=forwarded, environ_base={"REMOTE_ADDR": "10.0.0.2"})
        assert trusted.headers["Strict-Transport-Security"] == "max-age=31536000"
        stranger = client.get("/login", headers=forwarded, environ_base={"REMOTE_ADDR": "192.168.1.50"})
        assert "Strict-Transport-Security" not in stranger.headers
        assert_strict_headers(stranger)
        db.engine.dispose()


def test_no_page_has_an_inline_script_or_style(client, shop):
    log_in(client, "sato")
    for path in ("/", "/scan/receive", "/lookup", "/recent", "/login"):
        html = client.get(path).get_data(as_text=True)
        for tag in html.split("<script")[1:]:
            head = tag.split(">", 1)[0]
            assert "src=" in head or 'type="application/json"' in head, (path, head)
        assert "<style" not in html and " style=" not in html and " onclick=" not in html, path


def test_no_template_holds_what_the_policy_would_block():
    blocked = {
        "inline script": re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")[^>]*>"),
        "style element": re.compile(r"<style\b"),
        "style attribute": re.compile(r"\sstyle="),
        "event handler attribute": re.compile(r"\son[a-z]+="),
        "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
        "htmx code attribute": re.compile(r"\shx-on|\shx-vars=|js:"),
    }
    found = [
        (str(path.relative_to(TEMPLATES)), what)
        for path in TEMPLATES.rglob("*.html")
        for what, pattern in blocked.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    assert len(list(TEMPLATES.rglob("*.html"))) > 30  # the templates folder really was read
