"""The returns panel of the order page: what each line sent back, the bins holding it, and the order's returns."""

import uuid

from ...services import returns
from ..office.return_labels import REASON_LABELS, RETURN_KIND_LABELS


def order_returns_panel(task_id: int) -> dict:
    """Per line: units returned and the stock that can go back; the order's returns, newest first; fresh form keys."""
    sources = returns.return_sources(task_id)
    return {
        "returned": returns.returned_by_line(task_id),
        "sources": sources,
        "rows": returns.returns_listing(task_id=task_id, kind="supplier"),
        "reason_labels": REASON_LABELS,
        "kind_labels": RETURN_KIND_LABELS,
        # One key per line's form: each form is its own request, a resent one posts nothing twice.
        "request_ids": {line_id: str(uuid.uuid4()) for line_id in sources},
    }
