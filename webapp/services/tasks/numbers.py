"""Numbering new tasks by the shop's day; the unique constraint on the number decides between two made at once."""

from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ...domain.task_numbers import day_stem, next_number
from ...errors import Conflict
from ...extensions import db
from ...models import Task
from ...models.types import utcnow

ATTEMPTS = 20


def new_number(prefix: str) -> str:
    """The next number of the shop's day for this prefix, as far as this transaction can see."""
    day = utcnow().astimezone(ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo")).date()
    taken = db.session.scalars(select(Task.number).where(Task.number.startswith(day_stem(prefix, day))))
    return next_number(prefix, day, taken)


def add_numbered(task: Task, prefix: str) -> Task:
    """Add and flush a task, numbered next of the day unless it already has a number.

    Two tasks made at once can both see the same next number; the loser's insert hits the unique
    constraint inside a savepoint, and it takes the number after the winner's instead.
    """
    if task.number:
        db.session.add(task)
        db.session.flush()
        return task
    for _ in range(ATTEMPTS):
        task.number = new_number(prefix)
        try:
            with db.session.begin_nested():
                db.session.add(task)
        except IntegrityError:
            continue
        return task
    raise Conflict("Too many tasks were being made at once; try again.", code="numbering_busy")
