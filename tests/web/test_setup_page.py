"""The setup page a phone opens first: both languages, the CA downloads, and the plain-HTTP port's redirects."""

import plistlib
import re

import pytest
from cryptography import x509

from tests.builders import make_item, make_site, make_user
from tests.web.helpers import PASSWORD, log_in
from webapp import create_app
from webapp.config import load_config
from webapp.extensions import db
from webapp.tls import ca_der, ensure_certificates, fingerprint, load_cert

SHOP = "https://192.168.1.20:8443"


@pytest.fixture
def shop_ca(app, tmp_path):
    """This shop's CA and server certificate, made the way the launcher makes them."""
    outcome = ensure_certificates(tmp_path / "tls", ["192.168.1.20", "kura-pc.local", "localhost", "127.0.0.1"])
    app.config.update(TLS_DIR=str(outcome.files.folder), TLS_OFFER_CA=True, PUBLIC_URL=SHOP)
    return load_cert(outcome.files.ca_cert)


@pytest.fixture
def plain_port(app, shop_ca):
    """The app as the plain-HTTP gunicorn runs it: SETUP_ONLY, sending everything else to PUBLIC_URL."""
    app.config["SETUP_ONLY"] = True
    make_site()
    make_item()
    make_user("sato", "worker", PASSWORD)


def test_the_setup_page_needs_no_login_and_shows_the_address_qr_downloads_and_fingerprint(client, shop_ca):
    response = client.get("/setup", headers={"Accept-Language": "ja"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="ja">' in html and "端末の設定" in html
    assert f'<p class="setup-url" id="secure-address">{SHOP}/</p>' in html
    assert '<svg viewBox="0 0 ' in html and f"<title>{SHOP}/</title>" in html  # the QR code, inline
    assert 'href="/setup/tanaoroshi-ca.crt"' in html and 'href="/setup/tanaoroshi-ca.mobileconfig"' in html
    shown = "".join(re.findall(r"<span>([0-9A-F]{2})</span>", html))
    assert shown == fingerprint(shop_ca).replace(":", "")
    assert "証明書信頼設定" in html  # iOS's switch, which people miss
    assert "暗号化と認証情報" in html
    assert "<script" not in html  # nothing to run: it works over plain HTTP on any phone


def test_the_setup_page_in_english_through_the_language_switch(client, shop_ca):
    html = client.get("/setup", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    response = client.post("/lang", data={"lang": "en", "next": "/setup", "csrf_token": token})
    assert response.status_code == 303 and response.headers["Location"] == "/setup"
    html = client.get("/setup", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert '<html lang="en">' in html and "Set up a phone" in html
    assert "Certificate Trust Settings" in html and "Encryption and credentials" in html
    assert "端末の設定" not in html


def test_the_japanese_setup_page_has_no_english_sentences(client, shop_ca):
    html = client.get("/setup", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", "", html, flags=re.S))
    # Brand and file names, the address, the fingerprint and the CA's own name may be Latin; sentences may not.
    assert not re.search(r"\b(the|and|your|phone|certificate|open|tap)\b", text, flags=re.I), text


def test_shown_on_the_pc_the_page_offers_a_qr_code_of_its_own_plain_address(client, app, shop_ca):
    app.config["SETUP_URL"] = "http://192.168.1.20:8000/setup"  # what the launcher hands both servers
    html = client.get("/setup", base_url="https://192.168.1.20:8443").get_data(as_text=True)
    assert '<p class="setup-url" id="setup-address">http://192.168.1.20:8000/setup</p>' in html
    assert "<title>http://192.168.1.20:8000/setup</title>" in html
    app.config["SETUP_URL"] = ""  # without the launcher: the address this page was opened at, if plain
    html = client.get("/setup", base_url="http://192.168.1.20:8000").get_data(as_text=True)
    assert 'id="setup-address">http://192.168.1.20:8000/setup</p>' in html
    assert 'id="setup-address"' not in client.get("/setup", base_url="https://kura:8443").get_data(as_text=True)


def test_the_crt_download_is_the_ca_in_der(client, shop_ca):
    response = client.get("/setup/tanaoroshi-ca.crt")
    assert response.status_code == 200
    assert response.mimetype == "application/x-x509-ca-cert"
    assert 'filename="tanaoroshi-ca.crt"' in response.headers["Content-Disposition"]
    downloaded = x509.load_der_x509_certificate(response.data)
    assert downloaded == shop_ca
    assert downloaded.extensions.get_extension_for_class(x509.BasicConstraints).value.ca


def test_the_ios_profile_is_a_property_list_holding_the_ca_as_a_root_payload(client, shop_ca):
    response = client.get("/setup/tanaoroshi-ca.mobileconfig")
    assert response.status_code == 200 and response.mimetype == "application/x-apple-aspen-config"
    profile = plistlib.loads(response.data)
    assert profile["PayloadType"] == "Configuration" and profile["PayloadVersion"] == 1
    [payload] = profile["PayloadContent"]
    assert payload["PayloadType"] == "com.apple.security.root"
    assert payload["PayloadContent"] == ca_der(shop_ca)
    assert x509.load_der_x509_certificate(payload["PayloadContent"]) == shop_ca
    # Installing it again replaces the profile rather than adding a second one: the UUIDs are the CA's own.
    again = plistlib.loads(client.get("/setup/tanaoroshi-ca.mobileconfig").data)
    assert again["PayloadUUID"] == profile["PayloadUUID"] != payload["PayloadUUID"]


def test_the_private_keys_are_never_served(client, shop_ca):
    for path in ("/setup/ca-key.pem", "/setup/server-key.pem", "/static/../instance/tls/ca-key.pem"):
        response = client.get(path)
        assert response.status_code == 404 and b"PRIVATE KEY" not in response.data


def test_a_shop_with_its_own_certificate_offers_nothing_to_install(client, shop_ca, app):
    app.config["TLS_OFFER_CA"] = False
    html = client.get("/setup", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Nothing to install" in html and "tanaoroshi-ca.crt" not in html
    assert client.get("/setup/tanaoroshi-ca.crt").status_code == 404
    assert client.get("/setup/tanaoroshi-ca.mobileconfig").status_code == 404


def test_before_the_ca_is_made_the_page_says_how_to_make_it(client, app, tmp_path):
    app.config.update(TLS_DIR=str(tmp_path / "empty"), TLS_OFFER_CA=True)
    html = client.get("/setup", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "No certificate yet" in html and "flask tls init" in html


def test_without_public_url_the_secure_address_is_this_host_on_8443(client, app, shop_ca):
    app.config["PUBLIC_URL"] = ""
    html = client.get("/setup", base_url="http://192.168.1.20:8000").get_data(as_text=True)
    assert 'id="secure-address">https://192.168.1.20:8443/</p>' in html
    html = client.get("/setup", base_url="https://kura-pc.local:9443").get_data(as_text=True)
    assert 'id="secure-address">https://kura-pc.local:9443/</p>' in html


def test_the_plain_http_port_sends_every_other_path_to_the_secure_address(client, plain_port):
    for path in ("/", "/scan/receive?bin=A-01-01", "/login", "/office/", "/sw.js", "/api/v1/items"):
        response = client.get(path, base_url="http://192.168.1.20:8000")
        assert response.status_code == 302, path
        assert response.headers["Location"] == SHOP + path
    posted = client.post("/api/v1/scans/batch", json={"scans": []}, base_url="http://192.168.1.20:8000")
    assert posted.status_code == 307 and posted.headers["Location"] == SHOP + "/api/v1/scans/batch"


def test_the_plain_http_port_serves_the_setup_page_its_downloads_and_styles(client, plain_port):
    for path in ("/setup", "/setup/tanaoroshi-ca.crt", "/setup/tanaoroshi-ca.mobileconfig", "/static/css/setup.css"):
        assert client.get(path, base_url="http://192.168.1.20:8000").status_code == 200, path
    html = client.get("/setup", base_url="http://192.168.1.20:8000").get_data(as_text=True)
    for css in re.findall(r'href="(/static/[^"]+)"', html):
        assert client.get(css, base_url="http://192.168.1.20:8000").status_code == 200, css


def test_a_scan_screen_over_plain_http_at_a_lan_address_carries_the_secure_address(client, app, plain_port):
    app.config["SETUP_ONLY"] = False  # an app served over plain HTTP as a whole (no launcher)
    lan = "http://192.168.1.20:8000"
    page = client.get("/login", base_url=lan).get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    client.post("/login", data={"username": "sato", "password": PASSWORD, "csrf_token": token}, base_url=lan)
    html = client.get("/scan/receive", base_url=lan).get_data(as_text=True)
    assert f'id="insecure-notice" data-secure-url="{SHOP}"' in html


def test_a_scan_screen_at_localhost_needs_no_secure_address(client, app, plain_port):
    app.config["SETUP_ONLY"] = False
    log_in(client, "sato")
    local = client.get("/scan/receive").get_data(as_text=True)  # localhost is a secure context already
    assert 'id="insecure-notice" data-secure-url=""' in local


def test_cookies_are_secure_over_https_and_the_plain_port_keeps_its_own(monkeypatch, tmp_path):
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "1")
    config = load_config(str(tmp_path))
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "0")
    monkeypatch.setenv("SETUP_ONLY", "1")
    config = load_config(str(tmp_path))
    assert not config["SESSION_COOKIE_SECURE"] and config["SETUP_ONLY"]
    assert config["SESSION_COOKIE_NAME"] == "setup_session"  # never clobbers the secure site's session


def test_behind_a_proxy_forwarded_headers_count_only_from_the_trusted_address(database_url, tmp_path):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "TRUSTED_PROXIES": ["10.0.0.2"],
            "PUBLIC_URL": "",
            "TLS_DIR": str(tmp_path / "tls"),
        }
    )
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "kura.example", "X-Forwarded-For": "192.168.1.77"}
    with app.app_context():
        client = app.test_client()
        trusted = client.get("/setup", headers=forwarded, environ_base={"REMOTE_ADDR": "10.0.0.2"})
        assert 'id="secure-address">https://kura.example/</p>' in trusted.get_data(as_text=True)
        stranger = client.get("/setup", headers=forwarded, environ_base={"REMOTE_ADDR": "192.168.1.50"})
        assert 'id="secure-address">https://localhost:8443/</p>' in stranger.get_data(as_text=True)
        db.engine.dispose()
