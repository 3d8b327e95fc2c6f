"""The one way services open and end a write transaction."""

import contextlib
import fcntl
import functools
import os
import time

from sqlalchemy.exc import OperationalError

from ...extensions import db

_RETRYABLE_SQLSTATES = {"40001", "40P01"}  # serialization failure, deadlock detected


def _retryable(exc: OperationalError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in _RETRYABLE_SQLSTATES


@contextlib.contextmanager
def writer_turn(session):
    """On a SQLite file, wait for this writer's turn on an OS file lock before taking the database lock.

    SQLite's own busy handler polls with sleeps of 1, 2, 5, 10... ms, so two gunicorn workers
    queueing on it spend most of their time asleep; a blocking flock() hands the turn over the
    moment the previous writer finishes. PostgreSQL needs none of this.
    """
    url = session.get_bind().url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        yield
        return
    fd = os.open(url.database + ".writer-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def transactional(fn):
    """Run `fn` as one write transaction ending in one commit; retry on deadlock or serialization failure."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        session = db.session()  # the request's Session, not the scoped proxy
        sqlite = session.get_bind().dialect.name == "sqlite"
        for attempt in range(5):
            if session.in_transaction() and (sqlite or session.new or session.dirty or session.deleted):
                # A read (say, loading the logged-in user) may have opened a deferred
                # transaction; on SQLite the write must start on a fresh snapshot with the lock.
                # PostgreSQL at READ COMMITTED sees fresh rows in every statement, so a read-only
                # request transaction carries on (no rollback, checkout and ping again); changes
                # made outside a service are dropped on both, never committed by this one.
                session.rollback()
            with writer_turn(session):
                if not session.in_transaction():
                    session.connection(execution_options={"write": True})
                try:
                    result = fn(*args, **kwargs)
                    session.commit()
                    return result
                except OperationalError as exc:
                    session.rollback()
                    if not _retryable(exc) or attempt == 4:
                        raise
                except BaseException:
                    session.rollback()
                    raise
            time.sleep(0.01 * 2**attempt)

    return wrapper
