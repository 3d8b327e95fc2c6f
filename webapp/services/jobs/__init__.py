"""Scheduled jobs' bookkeeping, shared by every process through the database: a lock per job (holder and lease,
taken by one conditional UPDATE, so a crashed holder's lease simply expires), the record of each run (start,
end, outcome, message), the schedule the scheduler publishes for the Jobs page, a queued "run now", the
owner's daily time of a job, and pruning old runs. What the jobs are and when they fall due is
`webapp.scheduling`'s business; this package never runs a job itself.
"""

from .lease import STALE_RUN_MESSAGE, finish_run, register_jobs, start_run
from .overview import JobState, job_states, recent_runs
from .pruning import KEEP_RUNS_DAYS, prune_runs
from .settings import DAILY_AT_PATTERN, daily_time, publish_schedules, request_run, save_daily_time

__all__ = [
    "DAILY_AT_PATTERN",
    "KEEP_RUNS_DAYS",
    "STALE_RUN_MESSAGE",
    "JobState",
    "daily_time",
    "finish_run",
    "job_states",
    "prune_runs",
    "publish_schedules",
    "recent_runs",
    "register_jobs",
    "request_run",
    "save_daily_time",
    "start_run",
]
