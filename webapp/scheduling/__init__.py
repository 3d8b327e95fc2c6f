"""The periodic jobs of the shop (alert deliveries every minute, the nightly engine recompute, the nightly
backup), run by the scheduler process the launcher supervises beside the servers. Each job is one `Job` in
`jobs.py`: when it runs (read again every minute, so an owner's change needs no restart) and what it does.
A job runs at most once at a time across every process and PC on the database (a lease in `job_locks`), a
slot missed while nothing ran is run once on start, and every run is recorded (`webapp.services.jobs`).
"""

from .due import latest_slot, run_due_jobs, run_job, trigger_of
from .jobs import JOBS, Job
from .runner import Schedules, build_scheduler, run_scheduler

__all__ = [
    "JOBS",
    "Job",
    "Schedules",
    "build_scheduler",
    "latest_slot",
    "run_due_jobs",
    "run_job",
    "run_scheduler",
    "trigger_of",
]
