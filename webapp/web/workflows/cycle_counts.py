"""The office's cycle counts: today's due list by ABC class, sessions generated from it, the owner's intervals."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select

from ...auth.roles import require_role
from ...domain.cycle_counts import DAILY_SESSIONS_BOUNDS, INTERVAL_BOUNDS, SESSION_SIZE_BOUNDS
from ...errors import AppError, InvalidInput
from ...extensions import db
from ...input_limits import form_int, query_id
from ...models import Site
from ...services import stocktake
from ..blueprint import web_bp
from ..office.dashboard import today
from ..strings import server_message
from .strings import office_refusal

# Rows the page lists at most; the count above says how many are due in all.
SHOWN_ROWS = 300
FIELDS = {
    "interval_a": INTERVAL_BOUNDS,
    "interval_b": INTERVAL_BOUNDS,
    "interval_c": INTERVAL_BOUNDS,
    "session_size": SESSION_SIZE_BOUNDS,
    "daily_sessions": DAILY_SESSIONS_BOUNDS,
}


def _tz() -> str:
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


@web_bp.route("/workflows/office/cycle-counts")
@require_role("manager")
def workflow_cycle_counts(error=None, form=None):
    """What is due for counting today, most overdue first, and the button that makes the day's sessions."""
    site_id = query_id(request.args.get("site"))
    due = stocktake.due_list(today(), _tz(), site_id)
    return render_template(
        "workflows/office_cycle.html",
        page="office",
        label=_("Cycle counts"),
        kind_path="cycle-counts",
        due=due,
        rows=due["rows"][:SHOWN_ROWS],
        free=sum(1 for r in due["rows"] if r["session"] is None),
        sites=list(db.session.scalars(select(Site).where(Site.active).order_by(Site.code))),
        site_id=site_id,
        bounds=FIELDS,
        can_edit=current_user.has_role("owner"),
        error=error,
        form=form or {},
    )


@web_bp.route("/workflows/office/cycle-counts/generate", methods=["POST"])
@require_role("manager")
def workflow_cycle_generate():
    """Open today's count sessions from the due list (the most overdue first, within the owner's limits)."""
    ids = stocktake.generate_due_sessions(today(), _tz(), current_user.id, query_id(request.form.get("site")))
    if ids:
        flash(ngettext("%(num)d count session opened.", "%(num)d count sessions opened.", len(ids)), "success")
    else:
        flash(_("Nothing due is left to put in a count session."), "info")
    return redirect(url_for("web.workflow_cycle_counts"), code=303)


@web_bp.route("/workflows/office/cycle-counts/settings", methods=["POST"])
@require_role("owner")
def workflow_cycle_settings():
    """Save the days between counts per ABC class and the size and number of the day's sessions."""
    try:
        values = {}
        for name, (lo, hi) in FIELDS.items():
            try:
                values[name] = form_int(request.form.get(name), lo, hi)
            except InvalidInput as exc:
                raise InvalidInput(exc.message, code="bad_cycle_settings", fields={name: [f"{lo} to {hi}"]}) from None
            if values[name] is None:
                raise InvalidInput(_("Fill in every number."), code="bad_cycle_settings", fields={name: ["required"]})
        stocktake.save_cycle_settings(current_user.id, **values)
    except AppError as exc:
        said = office_refusal(exc, request.form) if exc.code in ("bad_cycle_settings",) else server_message(exc)
        return workflow_cycle_counts(error=said, form=request.form), 422
    flash(_("Cycle count settings saved."), "success")
    return redirect(url_for("web.workflow_cycle_counts"), code=303)
