"""The installable shell: service worker, web app manifest, and the version that ties them to the files."""

import hashlib
import os
from functools import lru_cache

from flask import current_app, jsonify, render_template, url_for
from flask_babel import gettext as _

from .blueprint import web_bp

# Loaded by every screen; precached when the service worker installs.
SHELL_FILES = (
    "css/app.css",
    "js/app.js",
    "js/early-keys.js",
    "js/queue.js",
    "js/idb.js",
    "js/sync.js",
    "js/heartbeat.js",
    "js/codes.js",
    "js/reference.js",
    "js/scanner.js",
    "js/camera.js",
    "js/reads.js",
    "js/decoder.js",
    "js/decode-worker.js",
    "js/decode-client.js",
    "js/feedback.js",
    "js/scan-page.js",
    "js/lookup-page.js",
    "js/search.js",
    "js/recent-page.js",
    "js/rows.js",
    "js/status.js",
    "vendor/htmx.min.js",
    "css/workflows.css",
    "js/workflows/tasks.js",
    "js/workflows/task-lines.js",
    "js/workflows/task-page.js",
    "js/workflows/task-steps.js",
    "js/workflows/pick-actions.js",
    "js/workflows/lot-reason.js",
    "js/workflows/pack-quantity.js",
    "js/workflows/home-page.js",
    "icons/icon-192.png",
    "icons/icon-512.png",
    "icons/maskable-512.png",
    "icons/favicon.png",
)
# The zxing decoder is needed only where the browser has no native BarcodeDetector.
DECODER_FILES = (
    "vendor/barcode-detector/ponyfill.js",
    "vendor/barcode-detector/zxing-exported.js",
    "vendor/barcode-detector/zxing_reader.wasm",
)
# Screens a worker must be able to open with no network (cached for the logged-in user).
OFFLINE_PAGES = (
    ("web.home", {}),
    ("web.scan", {"mode": "receive"}),
    ("web.scan", {"mode": "pick"}),
    ("web.scan", {"mode": "count"}),
    ("web.scan", {"mode": "move"}),
    ("web.lookup", {}),
    ("web.recent", {}),
    ("web.workflows_home", {}),
    ("web.workflow_task", {}),
)


@lru_cache(maxsize=4)
def _content_hash(root: str) -> str:
    digest = hashlib.sha256()
    folders = [
        os.path.join(root, "static"),
        os.path.join(root, "templates"),
        os.path.join(root, "webapp", "translations"),
        os.path.join(root, "webapp", "web"),
    ]
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".pyc", ".pot")):
                    continue
                path = os.path.join(dirpath, name)
                digest.update(os.path.relpath(path, root).encode())
                with open(path, "rb") as fh:
                    digest.update(fh.read())
    return digest.hexdigest()[:12]


def shell_version() -> str:
    """A version that changes whenever a shell file, template or translation changes."""
    override = current_app.config.get("SHELL_VERSION")
    if override:
        return override
    root = os.path.dirname(current_app.root_path)
    if current_app.debug:
        _content_hash.cache_clear()
    return _content_hash(root)


def offline_pages() -> list[str]:
    """URLs of the screens the service worker keeps for offline use."""
    return [url_for(endpoint, **values) for endpoint, values in OFFLINE_PAGES]


@web_bp.route("/sw.js")
def service_worker():
    """The service worker, at the root so that its scope is the whole app."""
    body = render_template(
        "sw.js",
        version=shell_version(),
        shell=[url_for("static", filename=f) for f in SHELL_FILES] + [url_for("web.manifest")],
        decoder=[url_for("static", filename=f) for f in DECODER_FILES],
        pages=offline_pages(),
        home=url_for("web.home"),
        api_prefix="/api/",
        sync_module=url_for("static", filename="js/sync.js"),
    )
    response = current_app.response_class(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


@web_bp.route("/manifest.webmanifest")
def manifest():
    """The web app manifest, in the user's language."""
    icon = lambda f: url_for("static", filename=f"icons/{f}")  # noqa: E731
    response = jsonify(
        {
            "name": _("Tanaoroshi scanner"),
            "short_name": _("Tanaoroshi"),
            "description": _("Scan stock in and out, even with no signal."),
            "id": url_for("web.home"),
            "start_url": url_for("web.home"),
            "scope": url_for("web.home"),
            "display": "standalone",
            "orientation": "portrait",
            "theme_color": "#0b3d2e",
            "background_color": "#0b3d2e",
            "icons": [
                {"src": icon("icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
                {"src": icon("icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
                {"src": icon("maskable-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            ],
        }
    )
    response.mimetype = "application/manifest+json"
    response.headers["Cache-Control"] = "no-cache"
    return response
