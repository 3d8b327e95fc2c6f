"""The office's days-of-stock bands: per stock category, the days of stock the dashboard calls right."""

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...domain.classification import DEFAULT_BANDS
from ...errors import AppError
from ...services import replenishment
from ..blueprint import web_bp
from .dashboard import office_context
from .setup_messages import CATEGORY_LABELS


def _refusal(exc: AppError) -> str:
    """Why a band was refused, in the page's language."""
    return {
        "required": _("Enter both ends of the band, in days."),
        "not_a_number": _("Enter whole days (0, 1, 2...)."),
        "out_of_range": _("A band ends at %(n)d days at most.", n=replenishment.MAX_BAND_DAYS),
        "band_order": _("The upper end must be above the lower end."),
    }.get(exc.code, _("This category has no band."))


def _page(status: int = 200, **extra):
    context = office_context(
        bands=replenishment.category_bands(),
        reference=DEFAULT_BANDS,
        categories=CATEGORY_LABELS,
        form=request.form if status != 200 else {},
    )
    return render_template("office/bands.html", **(context | extra)), status


@web_bp.route("/office/bands")
@require_role("manager")
def office_bands():
    """Each banded category with its band, the reference band beside it, and a form to change it."""
    return _page(done=request.args.get("done", ""), category=request.args.get("category", ""))


@web_bp.route("/office/bands/<category>", methods=["POST"])
@require_role("manager")
def office_set_band(category: str):
    """Save a category's band, or go back to the reference band; a refusal is shown in the category's row."""
    category = category[:40]
    try:
        if request.form.get("reset") == "1":
            replenishment.reset_category_band(category, current_user.id)
            done = "reset"
        else:
            replenishment.set_category_band(
                category, request.form.get("low_days"), request.form.get("high_days"), current_user.id
            )
            done = "saved"
    except AppError as exc:
        return _page(422, error=_refusal(exc), failed=category)
    return redirect(url_for("web.office_bands", done=done, category=category) + f"#band-{category}", code=303)
