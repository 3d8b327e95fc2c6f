"""The floor's tasks as the API, the pages and the phone see them: one document per task (orders,
pick lists, counts) and the actions a phone queues offline (short pick, complete), each applied once.
"""

from .actions import ACTION_KINDS, apply_action
from .views import KIND_OF, open_tasks_for_device, task_document, task_list, task_view_for

__all__ = [
    "ACTION_KINDS",
    "KIND_OF",
    "apply_action",
    "open_tasks_for_device",
    "task_document",
    "task_list",
    "task_view_for",
]
