"""Refusals of a capability's services said in the user's language (the code stays), one decorator for all."""

import functools

from ..errors import AppError


def said_by(translate):
    """A view decorator: an AppError leaving the view gets `translate(exc)` as its message."""

    def decorate(view):
        @functools.wraps(view)
        def run(*args, **kwargs):
            try:
                return view(*args, **kwargs)
            except AppError as exc:
                exc.message = translate(exc)
                raise

        return run

    return decorate
