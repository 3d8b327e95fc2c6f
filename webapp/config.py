"""Configuration read from the environment, with safe defaults for the embedded SQLite set-up."""

import os
import secrets
from pathlib import Path


def _database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "tanaoroshi.sqlite3")
    # Heroku-style URLs and bare postgresql:// mean psycopg 3 here, not psycopg2.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_config(instance_path: str) -> dict:
    """Build the settings dict from environment variables."""
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY") or _instance_secret(instance_path),
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # An offline phone may sync hours after the page was loaded: the CSRF token lives as long as the session.
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_CSRF_CHECK_DEFAULT": True,
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_CONTENT_LENGTH", 4 * 1024 * 1024)),
        "MAX_BATCH_SCANS": 1000,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "0") == "1",
        "REMEMBER_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "0") == "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # How long a password login is remembered: floor workers' browsers for days, owners and managers
        # (who can change everything) for hours.
        "REMEMBER_COOKIE_DURATION": int(float(os.environ.get("REMEMBER_FLOOR_DAYS", "14")) * 86400),
        "REMEMBER_OFFICE_DURATION": int(float(os.environ.get("REMEMBER_OFFICE_HOURS", "12")) * 3600),
        # Paired phones keep a permanent session (webapp/auth/devices.py renews it once a day). Not re-sent on
        # every response: a page's background requests answering late would put back a session from before
        # the worker signed in.
        "PERMANENT_SESSION_LIFETIME": int(float(os.environ.get("DEVICE_SESSION_DAYS", "90")) * 86400),
        # Wrong passwords allowed per user name and per client address within the window, before 429.
        "LOGIN_FAILURES_PER_NAME": int(os.environ.get("LOGIN_FAILURES_PER_NAME", "5")),
        "LOGIN_FAILURES_PER_ADDRESS": int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "20")),
        "LOGIN_FAILURE_WINDOW": int(os.environ.get("LOGIN_FAILURE_WINDOW", str(15 * 60))),
        "SESSION_REFRESH_EACH_REQUEST": False,
        "BABEL_DEFAULT_LOCALE": "ja",
        "BABEL_DEFAULT_TIMEZONE": os.environ.get("APP_TIMEZONE", "Asia/Tokyo"),
        "LANGUAGES": ["ja", "en"],
        "CURRENCY": os.environ.get("APP_CURRENCY", "JPY"),
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "25")),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "tanaoroshi@localhost"),
        # The shop's secure address phones use (https://<LAN address>:<port>); set by the launcher, or by hand
        # behind a reverse proxy. Empty: pages use the address the request came to.
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", "").strip().rstrip("/"),
        # Backups and their settings file (webapp/services/backups); keep it off the database's own disk if you can.
        "BACKUP_DIR": os.environ.get("BACKUP_DIR", "").strip() or str(Path(instance_path) / "backups"),
        **_tls_settings(instance_path),
    }


def _tls_settings(instance_path: str) -> dict:
    """Where the shop's own CA lives, whether phones are offered it, and the serving mode (see webapp/serving)."""
    setup_only = os.environ.get("SETUP_ONLY", "0") == "1"
    proxies = [a.strip() for a in os.environ.get("TRUSTED_PROXIES", "").split(",") if a.strip()]
    settings = {
        "TLS_DIR": os.environ.get("TLS_DIR") or str(Path(instance_path) / "tls"),
        "TLS_NAMES": os.environ.get("TLS_NAMES", ""),
        # A shop with its own certificate, or a reverse proxy in front, has no CA of ours for phones to install.
        "TLS_OFFER_CA": not (os.environ.get("TLS_CERT") or proxies),
        # The plain-HTTP port: the setup page and its downloads; everything else redirects to PUBLIC_URL.
        "SETUP_ONLY": setup_only,
        "SETUP_URL": os.environ.get("SETUP_URL", "").strip(),
        "TRUSTED_PROXIES": proxies,
    }
    if setup_only:  # its cookies must never be mistaken for (or clobber) the secure site's session
        settings["SESSION_COOKIE_NAME"] = "setup_session"
    return settings


def _instance_secret(instance_path: str) -> str:
    """A per-installation secret kept in instance/, so sessions survive restarts without configuration."""
    path = Path(instance_path) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
