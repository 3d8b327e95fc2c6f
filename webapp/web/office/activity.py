"""The office's Activity page: who changed which setting, when, from what to what; filtered, paged, CSV."""

from datetime import date

from flask import current_app, make_response, request
from flask_babel import gettext as _
from sqlalchemy import select

from ...auth.roles import require_role
from ...extensions import db
from ...input_limits import query_id
from ...models import User
from ...services.core import AuditFilter, audit_csv, audit_kinds, audit_page
from ..blueprint import web_bp
from ..pages import render_fragment
from .activity_labels import ACTION_LABELS, FIELD_LABELS, KIND_LABELS
from .activity_values import shown_label, shown_value
from .dashboard import office_context

# Dates outside these years are typing slips, not a shop's history: they are read as no filter.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _date(name: str) -> date | None:
    try:
        day = date.fromisoformat(request.args.get(name, "")[:10])
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def activity_filter() -> AuditFilter:
    """The page's query string as a filter; anything unreadable is no filter rather than an error."""
    kind = request.args.get("kind", "")[:32] or None
    return AuditFilter(
        user_id=query_id(request.args.get("user")),
        kind=kind,
        object_id=query_id(request.args.get("object")),
        since=_date("since"),
        until=_date("until"),
        tz=current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo",
    )


@web_bp.route("/office/activity")
@require_role("manager")
def office_activity():
    """Every settings change, newest first, 50 a page."""
    f = activity_filter()
    page = min(query_id(request.args.get("page")) or 1, 100_000)
    events, total = audit_page(f, page)
    users = list(db.session.scalars(select(User).order_by(User.username)))
    return render_fragment(
        "office/activity.html",
        "office/_activity_rows.html",
        **office_context(
            events=events,
            total=total,
            page_no=page,
            pages=max((total + 49) // 50, 1),
            f=f,
            users=users,
            kinds=sorted(set(audit_kinds()) | set(KIND_LABELS)),
            kind_labels=KIND_LABELS,
            action_labels=ACTION_LABELS,
            field_labels=FIELD_LABELS,
            shown_value=shown_value,
            shown_label=shown_label,
        ),
    )


@web_bp.route("/office/activity.csv")
@require_role("manager")
def office_activity_csv():
    """The filtered trail as a CSV (UTF-8 with BOM, so Excel reads the Japanese), one row per changed field."""
    headers = [_("Time"), _("User"), _("Phone"), _("Kind"), _("Id"), _("Object"), _("Action")]
    headers += [_("Field"), _("Old value"), _("New value")]
    body = audit_csv(activity_filter(), headers)
    response = make_response(body.encode("utf-8-sig"))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="activity.csv"'
    return response
