"""The Jobs page's words: each job's name, its schedule, how a run ended and why it ran, in the user's language."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

JOB_LABELS = {
    "alert-deliveries": _l("Alert e-mails and webhooks"),
    "nightly-recompute": _l("Reorder points recompute"),
    "nightly-backup": _l("Nightly backup"),
    "auto-ordering": _l("Automatic ordering"),
    "order-sending-retries": _l("Order sending retries"),
    "cycle-count-sessions": _l("Cycle count sessions"),
    "expiry-alerts": _l("Expiry alerts"),
}
JOB_HINTS = {
    "alert-deliveries": _l("Sends new stock alerts and the daily digest by e-mail and webhook."),
    "nightly-recompute": _l("Works out reorder points and safety stock again from the stock movements."),
    "nightly-backup": _l("Copies the database into the backup folder (time set on the Backups page)."),
    "auto-ordering": _l("Orders from each supplier set to order automatically, at the times set for that supplier."),
    "order-sending-retries": _l(
        "Every minute while a failed order e-mail or FAX waits to be sent again; off otherwise."
    ),
    "cycle-count-sessions": _l("Opens the day's count sessions of the items and bins due by their ABC class."),
    "expiry-alerts": _l(
        "Alerts lots near or past their expiry date, and resolves the alerts of lots gone or quarantined."
    ),
}
OUTCOMES = {
    "ok": _l("Done"),
    "failed": _l("Failed"),
    "running": _l("Running"),
    "skipped-locked": _l("Skipped: already running elsewhere"),
}
TRIGGERS = {"schedule": _l("On time"), "catch-up": _l("Caught up after a stop"), "requested": _l("Run now")}
# Jobs whose daily time the owner sets on this page (the backup's time lives on the Backups page).
DAILY_DEFAULTS = {"nightly-recompute": "01:30", "cycle-count-sessions": "06:00", "expiry-alerts": "05:00"}


def job_label(name: str) -> str:
    return str(JOB_LABELS.get(name, name))


def schedule_text(schedule: str | None) -> str:
    """The published cron fields as a sentence: every minute, every day at 01:30, or the fields themselves."""
    if not schedule:
        return _("Off")
    fields = dict(part.split("=", 1) for part in schedule.split() if "=" in part)
    if fields == {"minute": "*"}:
        return _("Every minute")
    hours, minutes = fields.get("hour", "").split(","), fields.get("minute", "").split(",")
    if set(fields) == {"hour", "minute"} and all(part.isdigit() for part in hours + minutes):
        times = ", ".join(
            f"{int(h):02d}:{int(m):02d}" for h in sorted(hours, key=int) for m in sorted(minutes, key=int)
        )
        return _("Every day at %(times)s", times=times)
    return schedule
