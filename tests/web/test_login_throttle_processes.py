"""Login throttling holds across app processes: two real servers on one database share the failure count."""

import os
import re
import subprocess
import sys
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, build_opener

import pytest

from tests.web.helpers import PASSWORD
from webapp.services.accounts import create_user

SERVER = """
import sys
from werkzeug.serving import make_server
from webapp import create_app

app = create_app({
    "SQLALCHEMY_DATABASE_URI": sys.argv[1],
    "TESTING": True,
    "SECRET_KEY": "test-secret",
    "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
})
server = make_server("127.0.0.1", 0, app)
print(server.server_port, flush=True)
server.serve_forever()
"""


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 after login is the answer itself


def attempt(base: str, username: str, password: str) -> tuple[int, dict]:
    """One login from a fresh browser (its own cookies): the status and headers of the answer."""
    opener = build_opener(HTTPCookieProcessor(CookieJar()), _NoRedirect)
    page = opener.open(f"{base}/login", timeout=30).read().decode()
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    form = urlencode({"username": username, "password": password, "csrf_token": token}).encode()
    try:
        with opener.open(f"{base}/login", data=form, timeout=30) as answer:
            return answer.status, dict(answer.headers)
    except HTTPError as refused:
        return refused.code, dict(refused.headers)


@pytest.fixture
def two_servers(app, tmp_path):
    """Two app processes, like two gunicorn workers, each on its own port, on the test's database."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    env = os.environ | {"INSTANCE_PATH": str(tmp_path / "instance")}
    processes = [
        subprocess.Popen([sys.executable, "-c", SERVER, url], stdout=subprocess.PIPE, env=env, text=True)
        for _ in range(2)
    ]
    try:
        yield [f"http://127.0.0.1:{int(p.stdout.readline())}" for p in processes]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def test_failures_sent_to_two_processes_lock_the_name_in_both(app, two_servers):
    create_user("sato", PASSWORD, "worker", display_name="佐藤")
    first, second = two_servers
    assert attempt(first, "sato", PASSWORD)[0] == 302  # both serve the same users
    for base in (first, second, first, second, first):
        assert attempt(base, "sato", "wrong horse battery")[0] == 401

    for base in (first, second):
        status, headers = attempt(base, "sato", PASSWORD)
        assert status == 429
        assert 0 < int(headers["Retry-After"]) <= 15 * 60
