"""The Jobs page (managers and owners): each scheduled job with its schedule, last and next run, "run now",
the owner's time for the recompute, and the recent runs.

"Run now" queues the run for the scheduler process rather than running it in the request: a backup or a
recompute can outlast a request, the page may not import the jobs (they belong to the scheduler), and the
run then goes through the same lock and record as a scheduled one, on whichever PC runs the scheduler.
"""

from datetime import UTC, datetime

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import InvalidInput, NotFound
from ...services.jobs import job_states, recent_runs, request_run, save_daily_time
from ..blueprint import web_bp
from .dashboard import office_context
from .job_labels import DAILY_DEFAULTS, JOB_HINTS, OUTCOMES, TRIGGERS, job_label, schedule_text

RECENT_RUNS = 40


def _page(status: int = 200, errors: dict | None = None):
    now = datetime.now(UTC)
    states = job_states(now)
    context = office_context(
        jobs=states,
        runs=recent_runs(RECENT_RUNS),
        job_label=job_label,
        hints=JOB_HINTS,
        schedule_text=schedule_text,
        outcomes=OUTCOMES,
        triggers=TRIGGERS,
        daily_defaults=DAILY_DEFAULTS,
        errors=errors or {},
    )
    return render_template("office/jobs.html", **context), status


@web_bp.route("/office/jobs", methods=["GET"])
@require_role("manager")
def office_jobs():
    """Every job and the recent runs."""
    return _page()


@web_bp.route("/office/jobs/<name>/run", methods=["POST"])
@require_role("manager")
def office_job_run_now(name: str):
    """Queue a run of the job for the scheduler (it starts within a few seconds)."""
    try:
        request_run(name[:60], datetime.now(UTC), current_user.username)
    except NotFound:
        flash(_("There is no such job."), "error")
        return _page(status=404)
    flash(_("%(job)s: queued. The scheduler starts it within a few seconds.", job=job_label(name)), "ok")
    return redirect(url_for("web.office_jobs"), code=303)


@web_bp.route("/office/jobs/<name>/time", methods=["POST"])
@require_role("owner")
def office_job_time(name: str):
    """Set the daily time of a job that has one here; a bad time is a 422 with the page saying why."""
    if name not in DAILY_DEFAULTS:
        flash(_("There is no such job."), "error")
        return _page(status=404)
    try:
        save_daily_time(name, request.form.get("daily_at", "")[:10].strip(), by=current_user.id)
    except (InvalidInput, NotFound):
        flash(_("Check the highlighted settings."), "error")
        return _page(status=422, errors={name: _("Give the time as HH:MM, for example 01:30.")})
    flash(_("%(job)s: the new time applies from the next minute.", job=job_label(name)), "ok")
    return redirect(url_for("web.office_jobs"), code=303)
