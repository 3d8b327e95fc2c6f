"""Fixtures: an app per test on a real database (SQLite file by default, PostgreSQL when
TEST_DATABASE_URL is set), its schema built by the Alembic migrations, not create_all."""

import os
import shutil
import uuid

import pytest
from flask import g
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from webapp import create_app
from webapp.extensions import db

PG_URL = os.environ.get("TEST_DATABASE_URL", "").strip()


def on_postgresql() -> bool:
    return bool(PG_URL)


def _pg_url_with_schema(schema: str) -> str:
    url = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1) if PG_URL.startswith("postgresql://") else PG_URL
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def _migrate(url: str) -> None:
    from flask_migrate import upgrade

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        upgrade()
        db.engine.dispose()


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    """A migrated database made once per run: a file to copy (SQLite) or a private schema (PostgreSQL)."""
    if on_postgresql():
        # A private schema per run, so parallel runs on the shared server never collide.
        schema = f"t_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        admin = create_engine(_pg_url_with_schema("public"))
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        url = _pg_url_with_schema(schema)
        _migrate(url)
        yield url
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    else:
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        _migrate(f"sqlite:///{path}")
        yield path


@pytest.fixture
def database_url(database_template, tmp_path):
    """A fresh, empty, migrated database for one test."""
    if on_postgresql():
        engine = create_engine(database_template)
        with engine.begin() as conn:
            tables = [
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                        "AND tablename <> 'alembic_version'"
                    )
                )
            ]
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        engine.dispose()
        return database_template
    path = tmp_path / "app.sqlite3"
    shutil.copyfile(database_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def app(database_url, tmp_path):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SERVER_NAME": None,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        }
    )
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


class FreshGClient(FlaskClient):
    """A test client whose requests do not share `g`.

    The `app` fixture keeps an app context pushed and Flask reuses it for every test-client
    request, so `g` (Flask-Babel's locale, Flask-Login's user) would leak from one request into
    the next; a real server gives each request its own.
    """

    def open(self, *args, **kwargs):
        for key in ("_flask_babel", "_login_user"):
            g.pop(key, None)
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = FreshGClient
    return app.test_client()
