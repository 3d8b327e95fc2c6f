"""A phone's task actions (short pick, complete a pick list) sent from its queue: each applied once per action UUID.

The action row is inserted before the change, in the same transaction: a concurrent replay of the same UUID waits
on its primary key and then finds it, and a rejected action stores nothing, so the phone may send it again.
"""

import uuid
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from ...errors import AppError
from ...extensions import db
from ...models import TaskAction
from ..core import transactional
from ..picking import complete_in_transaction, line_of, short_in_transaction
from ..tasks import get_task

ACTION_KINDS = ("short", "complete")


def _first(action_id: uuid.UUID) -> dict | None:
    row = db.session.get(TaskAction, action_id)
    if row is None:
        return None
    return {
        "action_id": str(action_id),
        "status": "duplicate",
        "first_status": "applied",
        "kind": row.kind,
        "task_id": row.task_id,
    }


@transactional
def _apply(action_id, kind, task_id, user_id, line_id, reason, note, occurred_at) -> dict:
    first = _first(action_id)
    if first:
        return first
    get_task(task_id, "pick_list")
    if kind == "short":
        line_of(task_id, line_id)
    db.session.add(
        TaskAction(
            action_id=action_id,
            task_id=task_id,
            task_line_id=line_id if kind == "short" else None,
            kind=kind,
            user_id=user_id,
            occurred_at=occurred_at,
        )
    )
    db.session.flush()
    if kind == "short":
        short_in_transaction(task_id, line_id, reason, user_id, note)
    else:
        complete_in_transaction(task_id, user_id)
    return {"action_id": str(action_id), "status": "applied", "kind": kind, "task_id": task_id}


def apply_action(
    action_id: uuid.UUID,
    kind: str,
    task_id: int,
    user_id: int,
    *,
    line_id: int | None = None,
    reason: str = "",
    note: str = "",
    occurred_at: datetime | None = None,
) -> dict:
    """Apply one action once: applied, duplicate (a replay: nothing changes) or rejected with the reason."""
    if kind not in ACTION_KINDS:
        return {
            "action_id": str(action_id),
            "status": "rejected",
            "reason": "validation_error",
            "message": f"Unknown action {kind!r}.",
        }
    try:
        return _apply(action_id, kind, task_id, user_id, line_id, reason, note, occurred_at)
    except IntegrityError:
        db.session.rollback()
        first = _first(action_id)  # a concurrent send of the same action stored it first
        if first is None:
            raise
        return first
    except AppError as exc:
        return {
            "action_id": str(action_id),
            "status": "rejected",
            "reason": exc.code,
            "message": exc.message,
            "task_id": task_id,
        }
