"""The launcher's plan (webapp/serving): switches, addresses, the gunicorn processes, the terminal's QR codes."""

import re
import sys

import pytest
import segno

from webapp.serving.banner import banner, qr_lines
from webapp.serving.commands import gunicorn_commands, public_url, setup_url
from webapp.serving.settings import LOCAL_CA, OWN_CERT, PROXY, SettingsError, read_settings

LAN = ["192.168.1.20", "172.17.0.1"]


def option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def test_by_default_https_on_8443_on_every_network_and_the_setup_page_on_8000():
    settings = read_settings({})
    assert (settings.mode, settings.host, settings.port, settings.http_port, settings.workers) == (
        LOCAL_CA,
        "0.0.0.0",
        8443,
        8000,
        2,
    )
    secure = public_url(settings, LAN)
    assert secure == "https://192.168.1.20:8443"
    assert setup_url(settings, secure) == "http://192.168.1.20:8000/setup"


def test_the_https_server_uses_the_certificate_secure_cookies_and_the_public_url():
    settings = read_settings({"WORKERS": "3"})
    https, setup = gunicorn_commands(settings, "/srv/tls/server.pem", "/srv/tls/server-key.pem", "https://kura:8443")
    assert https.argv[:4] == [sys.executable, "-m", "gunicorn", "wsgi:app"]
    assert option(https.argv, "--bind") == "0.0.0.0:8443" and option(https.argv, "--workers") == "3"
    assert option(https.argv, "--certfile") == "/srv/tls/server.pem"
    assert option(https.argv, "--keyfile") == "/srv/tls/server-key.pem"
    addresses = {"PUBLIC_URL": "https://kura:8443", "SETUP_URL": "http://kura:8000/setup"}
    assert https.env == {"SESSION_COOKIE_SECURE": "1", "SETUP_ONLY": "0", **addresses}
    assert option(setup.argv, "--bind") == "0.0.0.0:8000" and "--certfile" not in setup.argv
    assert setup.env == {"SESSION_COOKIE_SECURE": "0", "SETUP_ONLY": "1", **addresses}
    assert all("--no-control-socket" in c.argv for c in (https, setup))


def test_ports_host_and_public_url_follow_the_environment():
    settings = read_settings({"HOST": "192.168.1.20", "PORT": "443", "HTTP_PORT": "80"})
    assert public_url(settings, LAN) == "https://192.168.1.20"
    assert setup_url(settings, "https://192.168.1.20") == "http://192.168.1.20/setup"
    named = read_settings({"PUBLIC_URL": "https://kura.example:8443/"})
    assert public_url(named, LAN) == "https://kura.example:8443"
    assert setup_url(named, public_url(named, LAN)) == "http://kura.example:8000/setup"


def test_http_port_zero_serves_no_setup_port():
    settings = read_settings({"HTTP_PORT": "0"})
    assert settings.http_port is None and setup_url(settings, "https://x:8443") is None
    assert [c.name for c in gunicorn_commands(settings, "c.pem", "k.pem", "https://x:8443")] == ["https"]


def test_with_no_lan_at_all_the_secure_address_is_this_pc():
    assert public_url(read_settings({}), []) == "https://127.0.0.1:8443"


def test_the_shops_own_certificate_is_served_as_it_is(tmp_path):
    cert, key = tmp_path / "shop.pem", tmp_path / "shop.key"
    cert.write_text("x")
    key.write_text("x")
    settings = read_settings({"TLS_CERT": str(cert), "TLS_KEY": str(key)})
    assert settings.mode == OWN_CERT and settings.port == 8443
    https, _setup = gunicorn_commands(settings, settings.tls_cert, settings.tls_key, "https://kura:8443")
    assert option(https.argv, "--certfile") == str(cert)


def test_behind_a_proxy_plain_http_on_this_pc_believing_only_the_proxy():
    settings = read_settings({"TRUSTED_PROXIES": "127.0.0.1, 192.168.1.2", "PUBLIC_URL": "https://kura.example"})
    assert (settings.mode, settings.host, settings.port, settings.http_port) == (PROXY, "127.0.0.1", 8000, None)
    [only] = gunicorn_commands(settings, None, None, public_url(settings, LAN))
    assert option(only.argv, "--forwarded-allow-ips") == "127.0.0.1,192.168.1.2"
    assert "--certfile" not in only.argv
    assert only.env["SESSION_COOKIE_SECURE"] == "1" and only.env["PUBLIC_URL"] == "https://kura.example"
    assert "SETUP_URL" not in only.env


@pytest.mark.parametrize(
    "env, message",
    [
        ({"TLS_CERT": "/etc/ssl/shop.pem"}, "TLS_CERT and TLS_KEY go together"),
        ({"TLS_CERT": "/nowhere/a.pem", "TLS_KEY": "/nowhere/a.key"}, "/nowhere/a.pem does not exist"),
        ({"PORT": "https"}, "PORT='https' is not a number"),
        ({"HTTP_PORT": "70000"}, "HTTP_PORT=70000 is outside"),
        ({"WORKERS": "0"}, "WORKERS=0 is outside"),
    ],
)
def test_a_switch_the_launcher_cannot_use_stops_it_with_the_reason(env, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        read_settings(env)


def _modules_from_terminal(lines: list[str]) -> list[list[bool]]:
    """Read the half-block QR back: each ▀ is a top module (foreground) over a bottom one (background)."""
    rows = []
    for line in lines:
        cells = re.findall(r"\x1b\[(\d+);(\d+)m▀", line)
        rows.append([fg == "30" for fg, _ in cells])
        rows.append([bg == "40" for _, bg in cells])
    return rows


def test_the_terminal_qr_code_holds_exactly_the_secure_address():
    lines = qr_lines("https://192.168.1.20:8443/")
    expected = [list(map(bool, r)) for r in segno.make("https://192.168.1.20:8443/", error="m").matrix_iter(border=2)]
    assert _modules_from_terminal(lines)[: len(expected)] == expected


def test_the_banner_names_both_addresses_and_shows_qr_codes_only_on_a_terminal():
    args = ("https://192.168.1.20:8443", "http://192.168.1.20:8000/setup", ["HTTPS on 0.0.0.0:8443"], "AB:CD")
    plain = "\n".join(banner(*args, with_qr=False))
    assert "https://192.168.1.20:8443/" in plain and "http://192.168.1.20:8000/setup" in plain
    assert "\x1b[" not in plain and "AB:CD" in plain
    on_terminal = "\n".join(banner(*args, with_qr=True))
    assert "1. setup page" in on_terminal and "2. secure address" in on_terminal and "▀" in on_terminal
