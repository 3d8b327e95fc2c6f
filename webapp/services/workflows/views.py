"""Read side of the workflows: one plain document per task, the same for the API, the pages and the phone cache."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...errors import NotFound
from ...extensions import db
from ...models import Site, Task, TaskLine
from ..picking import pick_lines
from ..purchasing import order_lines
from ..stocktake import counter_view, review
from ..tasks import OPEN_STATUSES, get_task, list_tasks

KIND_OF = {"purchase-orders": "purchase_order", "pick-lists": "pick_list", "count-sessions": "count_session"}


def _header(task: Task) -> dict:
    return {
        "id": task.id,
        "kind": task.kind,
        "number": task.number,
        "title": task.title,
        "status": task.status,
        "site_id": task.site_id,
        "site": _site_code(task),
        "created_at": task.created_at.isoformat(),
        "closed_at": task.closed_at.isoformat() if task.closed_at else None,
    }


def _site_code(task: Task) -> str:
    return db.session.scalar(select(Site.code).where(Site.id == task.site_id))


def task_document(task_id: int, kind: str, *, manager: bool = False) -> dict:
    """A task and its lines; a count shows expected quantities only to managers or when not blind."""
    task = get_task(task_id, kind)
    doc = _header(task)
    if kind == "purchase_order":
        doc["lines"] = order_lines(task)
    elif kind == "pick_list":
        doc["lines"] = pick_lines(task)
    else:
        view = counter_view(task_id)
        doc |= {"blind": view["blind"], "bins": view["bins"], "lines": view["lines"]}
        if manager:
            data = review(task_id)
            doc |= {
                "review": [_plain(r) for r in data["lines"]],
                "uncounted": data["uncounted"],
                "variance_units": data["variance_units"],
                "variance_value": str(data["variance_value"]),
            }
    return doc


def task_view_for(task_id: int) -> dict:
    """Any floor task by id as the phone sees it (never a count's review), whatever its status."""
    task = db.session.get(Task, task_id)
    if task is None or task.kind not in ("purchase_order", "pick_list", "count_session"):
        raise NotFound(f"No task {task_id}.")
    return task_document(task_id, task.kind)


def _plain(row: dict) -> dict:
    return {
        k: (str(v) if k == "value" and v is not None else v.isoformat() if hasattr(v, "isoformat") else v)
        for k, v in row.items()
    }


def task_list(kind: str, site_id: int | None = None, open_only: bool = True) -> list[dict]:
    """Headers of the tasks of a kind."""
    return [_header(t) for t in list_tasks(kind, site_id, open_only)]


def open_tasks_for_device(site_id: int | None) -> list[dict]:
    """Every open order, pick list and count of a site with its lines, for the phone to work offline."""
    stmt = select(Task).where(
        Task.status.in_(OPEN_STATUSES), Task.kind.in_(("purchase_order", "pick_list", "count_session"))
    )
    if site_id is not None:
        stmt = stmt.where(Task.site_id == site_id)
    # Every task with its lines, items and bins in four queries, held here so each document finds them
    # loaded (lazy loads per line made a busy day's list take seconds).
    lines = selectinload(Task.lines)
    stmt = stmt.options(lines.selectinload(TaskLine.item), lines.selectinload(TaskLine.location))
    tasks = list(db.session.scalars(stmt.order_by(Task.kind, Task.id)))
    return [task_document(t.id, t.kind) for t in tasks]
