"""All models, imported here so Alembic and the app see every table."""
from .alerts import Alert
from .catalog import Barcode, BarcodeRemoval, Item, Supplier
from .locations import Location, Site
from .scans import Scan
from .stock import Movement, StockLevel
from .tasks import Task, TaskLine
from .users import ApiToken, User
from .workflows import Allocation, CountLine, CountSession, TaskAction, TaskEvent
from .replenishment import NotificationDelivery, NotificationSettings, ReplenishmentOverride, ReplenishmentResult, WebhookEndpoint  # noqa: F401,E501

__all__ = [
    "Alert", "ApiToken", "Barcode", "BarcodeRemoval", "Item", "Location", "Movement", "Scan", "Site",
    "StockLevel", "Supplier", "Task", "TaskLine", "User",
    "Allocation", "CountLine", "CountSession", "TaskAction", "TaskEvent",
]
