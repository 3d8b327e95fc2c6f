"""The jobs: each says when it runs (cron fields in the shop's time zone, or None: not now) and what it does."""

from collections.abc import Callable
from dataclasses import dataclass

from ..services.backups import backup_settings, take_backup


@dataclass(frozen=True)
class Job:
    """A periodic job; both functions run inside the app context, `when` again at every refresh."""

    name: str
    when: Callable[[], dict | None]
    run: Callable[[], object]


def nightly_backup_time() -> dict | None:
    """The owner's nightly time from the backup settings; None when nightly backups are off."""
    settings = backup_settings()
    if not settings.nightly:
        return None
    hour, minute = settings.hour_minute
    return {"hour": hour, "minute": minute}


JOBS = (Job("nightly-backup", nightly_backup_time, take_backup),)
