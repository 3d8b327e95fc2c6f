"""The SMTP password at rest: a Fernet token under a key derived from the app's SECRET_KEY.

The key lives in instance/secret_key (or the SECRET_KEY environment variable), never in the database,
so a copy of the database alone does not reveal the password; the app can still read it to log in.
"""

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

_PURPOSE = b"tanaoroshi smtp password v1"  # a key of its own: not the one that signs sessions


def _box() -> Fernet:
    secret = str(current_app.config["SECRET_KEY"]).encode()
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(secret)
    return Fernet(base64.urlsafe_b64encode(key))


def seal(password: str) -> str:
    """The token stored for this password ("" for no password)."""
    return _box().encrypt(password.encode()).decode() if password else ""


def unseal(token: str) -> str | None:
    """The password back; None when the token was made under another SECRET_KEY (enter it again)."""
    if not token:
        return ""
    try:
        return _box().decrypt(token.encode()).decode()
    except InvalidToken:
        return None
