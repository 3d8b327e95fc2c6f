"""Security headers on every response: a strict Content-Security-Policy, no framing, no sniffing, HSTS over HTTPS."""

from flask import Flask, Response, current_app, request

# No inline script or style anywhere (templates load files from static/); JSON data blocks are not script.
# 'wasm-unsafe-eval': the zxing decoder compiles its WebAssembly (static/vendor/barcode-detector), nothing else.
# img-src data: blob: for the camera's snapshots; inline SVG (QR codes, charts, barcodes) needs nothing.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'self' blob:",
        "object-src 'none'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    )
)
# The camera for the app itself; every other powerful feature off.
PERMISSIONS_POLICY = ", ".join(
    (
        "camera=(self)",
        "microphone=()",
        "geolocation=()",
        "payment=()",
        "usb=()",
        "serial=()",
        "hid=()",
        "midi=()",
        "display-capture=()",
    )
)
# same-origin: a path or query of the shop (task numbers, item searches) never reaches another origin, not even
# the shop's own other port; the app links nowhere else, so nothing is lost.
FIXED_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
}
# One year, no includeSubDomains: the shop's name only. Browsers ignore it on an IP address.
STRICT_TRANSPORT_SECURITY = "max-age=31536000"


def add_security_headers(response: Response) -> Response:
    """Set the fixed headers (a view's own choice kept), and HSTS when this request came over HTTPS."""
    for name, value in FIXED_HEADERS.items():
        response.headers.setdefault(name, value)
    # request.is_secure: TLS at gunicorn, or X-Forwarded-Proto from a trusted proxy only (webapp/proxies.py).
    if request.is_secure and not current_app.config.get("SETUP_ONLY"):
        response.headers.setdefault("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
    return response


def init_security_headers(app: Flask) -> None:
    """Run on every response Flask makes: pages, API, static files, the service worker, errors."""
    app.after_request(add_security_headers)
