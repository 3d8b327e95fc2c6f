"""The periodic jobs of the shop (the nightly backup; later: purchase orders, alert e-mails), run by one
scheduler process that the launcher supervises beside the servers, so there is exactly one however many
gunicorn workers serve. Each job is one `Job` in `jobs.py`: when it runs (read again every minute, so an
owner's change needs no restart) and what it does.
"""

from .jobs import JOBS, Job
from .runner import Schedules, build_scheduler, run_scheduler

__all__ = ["JOBS", "Job", "Schedules", "build_scheduler", "run_scheduler"]
