"""The sending panel of the order page: Send or Resend, the delivery log, and why an automatic order holds each line."""

from ...services import purchasing
from .sending_strings import OUTCOMES


def order_sending_panel(task_id: int) -> dict:
    """The delivery log (newest first) and, for an automatic order, the numbers each line was ordered on."""
    return {
        "deliveries": purchasing.delivery_log(task_id),
        "reasons": purchasing.auto_order_log(task_id=task_id),
        "outcomes": OUTCOMES,
    }
