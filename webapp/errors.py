"""Named exceptions raised by the domain and services; each blueprint maps them to HTTP once."""


class AppError(Exception):
    """Base of every error a user can cause; carries a stable machine code and optional field messages."""

    code = "bad_request"

    def __init__(self, message: str, *, code: str | None = None, fields: dict | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.fields = fields or {}


class InvalidInput(AppError):
    code = "invalid"


class NotFound(AppError):
    code = "not_found"


class Conflict(AppError):
    code = "conflict"


class Forbidden(AppError):
    code = "forbidden"


class Unauthorized(AppError):
    code = "unauthorized"


class Expired(AppError):
    """Something that was valid once and is not any more (a used or expired pairing link)."""

    code = "expired"


class Locked(AppError):
    """Too many wrong attempts: refused until a time carried in `fields` (`locked_until`)."""

    code = "locked"
