"""The setup page a phone opens first (over plain HTTP too): the secure address as a QR code, this shop's
CA to install (Android `.crt`, iOS profile), the steps, the fingerprint; and the plain-HTTP port's rule
that everything but this page redirects to the secure address."""

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from flask import abort, current_app, redirect, render_template, request

from ..tls import TlsFiles, ca_der, common_name, fingerprint, load_cert, mobileconfig
from .blueprint import web_bp
from .qr import qr_svg

DEFAULT_HTTPS_PORT = 8443
# What the plain-HTTP port serves itself: this page, its downloads, the language switch and static files.
SETUP_ENDPOINTS = {"web.setup", "web.setup_ca_crt", "web.setup_ca_profile", "web.set_language", "static"}
CA_FILENAME = "tanaoroshi-ca.crt"
PROFILE_FILENAME = "tanaoroshi-ca.mobileconfig"


def secure_address() -> str:
    """The shop's HTTPS address without a trailing slash: PUBLIC_URL, else this host over HTTPS."""
    configured = current_app.config.get("PUBLIC_URL")
    if configured:
        return configured
    if request.is_secure:
        return request.host_url.rstrip("/")
    host = urlsplit(request.host_url).hostname or "localhost"
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    return f"https://{host}:{DEFAULT_HTTPS_PORT}"


def maybe_insecure() -> bool:
    """True when the browser may not count this page as a secure context (plain HTTP, not loopback)."""
    if request.is_secure:
        return False
    host = (urlsplit(request.host_url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


@web_bp.app_context_processor
def secure_globals():
    """The secure address, for pages that must send a browser there when it is not on it."""
    return {"secure_address": secure_address, "maybe_insecure": maybe_insecure}


@web_bp.before_app_request
def plain_http_serves_only_setup():
    """On the plain-HTTP port (SETUP_ONLY): this page stays, every other path goes to the secure address."""
    if not current_app.config.get("SETUP_ONLY") or request.endpoint in SETUP_ENDPOINTS:
        return None
    target = secure_address() + request.full_path.rstrip("?")
    return redirect(target, code=302 if request.method in ("GET", "HEAD") else 307)


def _ca():
    if not current_app.config.get("TLS_OFFER_CA"):
        return None
    path = TlsFiles(Path(current_app.config["TLS_DIR"])).ca_cert
    return load_cert(path) if path.exists() else None


@web_bp.route("/setup")
def setup():
    """How to put a phone in the shop: trust this shop's CA once, then open the secure address."""
    ca = _ca()
    address = secure_address() + "/"
    # The plain-HTTP address of this page (the launcher knows it), for phones that have no certificate yet.
    here = current_app.config.get("SETUP_URL") or (None if request.is_secure else request.base_url)
    return render_template(
        "setup.html",
        address=address,
        qr=qr_svg(address, title=address),
        setup_url=here,
        setup_qr=qr_svg(here, title=here) if here else None,
        ca_name=common_name(ca) if ca else None,
        ca_fingerprint=fingerprint(ca).split(":") if ca else None,
        ca_missing=bool(current_app.config.get("TLS_OFFER_CA")) and ca is None,
    )


@web_bp.route(f"/setup/{CA_FILENAME}")
def setup_ca_crt():
    """The CA in DER, which Android's certificate installer takes."""
    ca = _ca() or abort(404)
    return _download(ca_der(ca), "application/x-x509-ca-cert", CA_FILENAME)


@web_bp.route(f"/setup/{PROFILE_FILENAME}")
def setup_ca_profile():
    """The CA inside an iOS configuration profile, which Safari hands to Settings."""
    ca = _ca() or abort(404)
    return _download(mobileconfig(ca), "application/x-apple-aspen-config", PROFILE_FILENAME)


def _download(body: bytes, mimetype: str, filename: str):
    response = current_app.response_class(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-cache"
    return response
