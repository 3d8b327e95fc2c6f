"""A throwaway instance of the real app for the front-end benchmarks: SQLite in a temp dir,
migrated, seeded with the test builders, served on 127.0.0.1 in a thread, with a logged-in cookie."""

import http.cookiejar
import re
import sys
import tempfile
import threading
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "correct horse battery"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def start_app():
    """Start the seeded app; returns its base URL."""
    from flask_migrate import upgrade
    from werkzeug.serving import make_server

    from tests.builders import make_item, make_site, make_user
    from webapp import create_app

    folder = tempfile.mkdtemp(prefix="bench-")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3", "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        make_site()
        make_item()
        make_user("sato", "worker", PASSWORD)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}"


def session_cookie(base: str) -> str:
    """Log in through the real form; returns the Cookie header of the session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login").read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": "sato", "password": PASSWORD, "csrf_token": token}).encode()
    opener.open(f"{base}/login", data=data)
    return "; ".join(f"{c.name}={c.value}" for c in jar)
