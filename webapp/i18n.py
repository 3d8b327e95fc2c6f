"""Locale selection: an explicit switch (cookie) wins, then the user's setting, then the browser."""

from flask import current_app, request
from flask_login import current_user

LANG_COOKIE = "lang"


def select_locale() -> str:
    """The UI language for this request."""
    languages = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in languages:
        return chosen
    if getattr(current_user, "is_authenticated", False) and current_user.locale in languages:
        return current_user.locale
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]


def init_babel(app, babel) -> None:
    import os

    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=os.path.join(app.root_path, "translations"),
    )
