"""The jobs: each says when it runs (cron fields in the shop's time zone, or None: not now) and what it does.

Adding a job is one `Job(...)` entry in JOBS; the lock, the record of its runs, catch-up and "run now"
come with it (`due.py`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

from ..services.backups import backup_settings, take_backup
from ..services.expiry import run_expiry_alerts
from ..services.jobs import daily_time
from ..services.notifications import dispatch
from ..services.purchasing import auto_times_fields, retry_fields, retry_order_deliveries, run_auto_ordering
from ..services.replenishment import recompute
from ..services.stocktake import generate_due_sessions


@dataclass(frozen=True)
class Job:
    """A periodic job; both functions run inside the app context, `when` again at every refresh.

    `lease` is how long its lock is held before another process may assume the holder died: longer
    than the job ever takes.
    """

    name: str
    when: Callable[[], dict | None]
    run: Callable[[], object]
    lease: timedelta = timedelta(minutes=30)


def nightly_backup_time() -> dict | None:
    """The owner's nightly time from the backup settings; None when nightly backups are off."""
    settings = backup_settings()
    if not settings.nightly:
        return None
    hour, minute = settings.hour_minute
    return {"hour": hour, "minute": minute}


def nightly_recompute_time() -> dict:
    """The owner's time for the engine recompute (set on the Jobs page), 01:30 shop time by default."""
    hour, minute = daily_time("nightly-recompute", "01:30").split(":")
    return {"hour": int(hour), "minute": int(minute)}


def expiry_alerts_time() -> dict:
    """The daily expiry check (set on the Jobs page), 05:00 shop time by default: before the shop opens."""
    hour, minute = daily_time("expiry-alerts", "05:00").split(":")
    return {"hour": int(hour), "minute": int(minute)}


def every_minute() -> dict:
    return {"minute": "*"}


def _shop_zone() -> str:
    return current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo"


def deliver_alerts() -> dict:
    """Queue new alerts and the digest, send what is due (what `flask notify` did from cron)."""
    return dispatch(tz=_shop_zone(), app_config=current_app.config)


def recompute_engine() -> dict:
    """The nightly engine run: reorder points, safety stock and alerts from the ledger."""
    result = recompute(tz=_shop_zone())
    return {key: value for key, value in result.items() if isinstance(value, int | str)}


def cycle_count_time() -> dict:
    """The owner's time for the day's cycle-count sessions (set on the Jobs page), 06:00 by default: after the recompute."""
    hour, minute = daily_time("cycle-count-sessions", "06:00").split(":")
    return {"hour": int(hour), "minute": int(minute)}


def generate_cycle_counts() -> dict:
    """Open the day's cycle-count sessions from what is due (as the office's "Generate count sessions")."""
    tz = _shop_zone()
    return {"sessions": len(generate_due_sessions(datetime.now(ZoneInfo(tz)).date(), tz))}


JOBS = (
    Job("alert-deliveries", every_minute, deliver_alerts, lease=timedelta(minutes=10)),
    Job("nightly-recompute", nightly_recompute_time, recompute_engine, lease=timedelta(hours=2)),
    Job("nightly-backup", nightly_backup_time, take_backup, lease=timedelta(hours=2)),
    # Orders: the automatic runs at the owner's times, and failed sendings tried again while any wait.
    Job("auto-ordering", auto_times_fields, run_auto_ordering, lease=timedelta(minutes=30)),
    Job("order-sending-retries", retry_fields, retry_order_deliveries, lease=timedelta(minutes=30)),
    Job("cycle-count-sessions", cycle_count_time, generate_cycle_counts, lease=timedelta(minutes=30)),
    # Lots within their alert days of expiry, or past it: alerted once, resolved when gone or quarantined.
    Job("expiry-alerts", expiry_alerts_time, run_expiry_alerts, lease=timedelta(minutes=30)),
)
