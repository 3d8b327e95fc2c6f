"""All models, imported here so Alembic and the app see every table."""

from .alerts import Alert
from .audit import AuditEvent
from .catalog import Barcode, BarcodeRemoval, Item, Supplier
from .company import CompanyProfile
from .cycle_counts import CountScopeLock, CycleCountSettings
from .devices import Device, DeviceSignIn, PairingCode
from .forecasts import Forecast, ForecastFit
from .jobs import JobLock, JobRun
from .label_printers import LabelPrinter
from .locations import Location, Site
from .order_sending import AutoOrderLine, OrderDelivery, SupplierSending
from .replenishment import (  # noqa: F401
    CategoryBand,
    NotificationDelivery,
    NotificationSettings,
    ReplenishmentOverride,
    ReplenishmentResult,
    WebhookEndpoint,
)
from .returns import StockReturn
from .scans import Scan
from .stock import Movement, SerialNumber, StockLevel
from .tasks import Task, TaskLine
from .users import ApiToken, LoginFailure, User
from .workflows import Allocation, CountLine, CountSession, TaskAction, TaskEvent

__all__ = [
    "Alert",
    "Allocation",
    "ApiToken",
    "AuditEvent",
    "AutoOrderLine",
    "Barcode",
    "BarcodeRemoval",
    "CompanyProfile",
    "CountLine",
    "CountScopeLock",
    "CountSession",
    "CycleCountSettings",
    "Device",
    "DeviceSignIn",
    "Forecast",
    "ForecastFit",
    "Item",
    "JobLock",
    "JobRun",
    "LabelPrinter",
    "Location",
    "LoginFailure",
    "Movement",
    "OrderDelivery",
    "PairingCode",
    "Scan",
    "SerialNumber",
    "Site",
    "StockLevel",
    "StockReturn",
    "Supplier",
    "SupplierSending",
    "Task",
    "TaskAction",
    "TaskEvent",
    "TaskLine",
    "User",
]
