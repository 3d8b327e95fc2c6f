"""Application factory."""

import os

from flask import Flask

from . import sqlite_setup  # noqa: F401  (registers the SQLite connection hooks)
from .config import load_config
from .extensions import babel, csrf, db, login_manager, migrate
from .security_headers import init_security_headers


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: config, extensions, blueprints, CLI commands."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    app = Flask(
        __name__,
        instance_path=os.environ.get("INSTANCE_PATH") or None,  # another folder for certificates, secret, SQLite
        instance_relative_config=True,
        static_folder=os.path.join(root, "static"),
        template_folder=os.path.join(root, "templates"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(load_config(app.instance_path))
    if test_config:
        app.config.update(test_config)

    register_extensions(app)
    register_blueprints(app)
    register_commands(app)
    init_security_headers(app)
    if app.config["TRUSTED_PROXIES"]:
        from .proxies import TrustedProxyFix

        app.wsgi_app = TrustedProxyFix(app.wsgi_app, app.config["TRUSTED_PROXIES"])
    return app


def register_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (every table known before migrate/create_all)
    from .auth.sessions import init_login
    from .i18n import init_babel

    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"))
    login_manager.init_app(app)
    init_login(login_manager)
    csrf.init_app(app)
    init_babel(app, babel)


def register_blueprints(app: Flask) -> None:
    from .api import api_bp
    from .api.errors import register_app_fallbacks
    from .auth import auth_bp
    from .web import web_bp

    app.register_blueprint(api_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(web_bp)
    register_app_fallbacks(app)


def register_commands(app: Flask) -> None:
    from .cli import register_cli

    register_cli(app)
