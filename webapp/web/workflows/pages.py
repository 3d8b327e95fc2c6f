"""Workflow screens: the phone's task hub and guided task screen, and the office pages to make and review tasks."""

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from ...auth.roles import require_role
from ...errors import AppError, InvalidInput
from ...extensions import db
from ...input_limits import INT32_MAX, form_int, int_list, uploaded_text
from ...models import User
from ...services import picking, purchasing, stocktake
from ...services.workflows import KIND_OF, task_document, task_list
from ..blueprint import web_bp
from .strings import KIND_LABELS, STATUS_LABELS, office_refusal, wf_strings

PHONE_MODULES = ["scanner", "feedback", "workflows/tasks"]


@web_bp.route("/workflows/")
@login_required
def workflows_home():
    """The phone's list of open orders, pick lists and counts (drawn from the offline cache)."""
    return render_template("workflows/home.html", page="workflows", modules=PHONE_MODULES, wf_strings=wf_strings())


@web_bp.route("/workflows/task")
@login_required
def workflow_task():
    """The guided screen of one task (its id in the URL fragment, so the page works offline)."""
    modules = PHONE_MODULES + ["workflows/task-lines", "workflows/task-steps", "workflows/pick-actions"]
    return render_template("workflows/task.html", page="workflow-task", modules=modules, wf_strings=wf_strings())


def _lines_from_form(text: str) -> list[tuple[str, int]]:
    pairs = []
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        code, _sep, qty = raw.replace("\t", ",").partition(",")
        try:
            pairs.append((code.strip(), int(qty.strip())))
        except ValueError:
            raise AppError(_("Line %(n)s: write item code, quantity.", n=n), code="bad_line") from None
    return pairs


def _create(kind: str, form, files) -> list[int]:
    if files.get("file") and files["file"].filename:
        text = uploaded_text(files["file"])
        importer = purchasing.import_purchase_orders if kind == "purchase_order" else picking.import_sales_orders
        return importer(text, current_user.id)
    site = form.get("site", "").strip()
    if kind == "count_session":
        codes = [c.strip() for c in form.get("codes", "").replace(",", "\n").splitlines() if c.strip()]
        scope = form.get("scope", "site")
        return [
            stocktake.start_count(
                site,
                current_user.id,
                scope=scope,
                zone=form.get("zone", "").strip(),
                bins=codes if scope == "bins" else (),
                items=codes if scope == "items" else (),
                blind=form.get("blind") != "0",
                assigned_to=form_int(form.get("assigned_to"), 1, INT32_MAX),
            )
        ]
    lines = _lines_from_form(form.get("lines", ""))
    if kind == "purchase_order":
        return [
            purchasing.create_purchase_order(
                site, form.get("party") or None, lines, current_user.id, draft=form.get("draft") == "1"
            )
        ]
    return [picking.create_pick_list(site, lines, current_user.id, form.get("party", ""))]


def _counters() -> list[User]:
    return list(db.session.scalars(select(User).where(User.active).order_by(User.username)))


@web_bp.route("/workflows/office/<any('pick-lists','count-sessions'):kind_path>", methods=["GET", "POST"])
@require_role("manager")
def workflow_office(kind_path):
    """Tasks of one kind, with a form to make one (or import a CSV)."""
    kind, error = KIND_OF[kind_path], None
    if request.method == "POST":
        try:
            ids = _create(kind, request.form, request.files)
            return redirect(url_for("web.workflow_office_task", kind_path=kind_path, task_id=ids[0]), code=303)
        except AppError as exc:
            error = office_refusal(exc, request.form)
    return render_template(
        "workflows/office_list.html",
        page="office",
        status_labels=STATUS_LABELS,
        kind=kind,
        kind_path=kind_path,
        label=KIND_LABELS[kind],
        tasks=task_list(kind, open_only=request.args.get("all") != "1"),
        # Who may be given a count to do (and then approve it besides the managers).
        people=_counters() if kind == "count_session" else [],
        error=error,
        form=request.form,
    )


@web_bp.route("/workflows/office/<any('pick-lists','count-sessions'):kind_path>/<int:task_id>")
@require_role("manager")
def workflow_office_task(kind_path, task_id, error=None, confirm=None):
    """An order with over and under per line, a pick list, or a count's review by value."""
    kind = KIND_OF[kind_path]
    doc = task_document(task_id, kind, manager=True)
    template = "workflows/office_count.html" if kind == "count_session" else "workflows/office_task.html"
    return render_template(
        template,
        page="office",
        status_labels=STATUS_LABELS,
        kind=kind,
        kind_path=kind_path,
        label=KIND_LABELS[kind],
        doc=doc,
        error=error,
        confirm=confirm,
    )


def _approval_preview(kind_path, task_id, form):
    """What approving will post, shown before it is posted: approval cannot be taken back."""
    doc = task_document(task_id, "count_session", manager=True)
    zero = form.get("zero_uncounted") == "1"
    counted = [r for r in doc["review"] if r["variance"]]
    emptied = [r for r in doc["review"] if r["counted"] is None and r["expected"]] if zero else []
    confirm = {
        "adjustments": len(counted) + len(emptied),
        "units": sum(r["variance"] for r in counted) - sum(r["expected"] for r in emptied),
        "value": doc["variance_value"],
        "emptied": len(emptied),
        "uncounted": doc["uncounted"],
        "zero_uncounted": zero,
    }
    return workflow_office_task(kind_path, task_id, confirm=confirm)


ACTIONS = {
    ("pick_list", "cancel"): lambda tid, f: picking.cancel_pick_list(tid, current_user.id),
    ("count_session", "approve"): lambda tid, f: stocktake.approve(
        tid, current_user.id, f.get("zero_uncounted") == "1"
    ),
    ("count_session", "recount"): lambda tid, f: stocktake.request_recount(
        tid, int_list(f.getlist("line"), "line"), current_user.id
    ),
}


@web_bp.route(
    "/workflows/office/<any('pick-lists','count-sessions'):kind_path>/<int:task_id>/<action>",
    methods=["POST"],
)
@require_role("manager")
def workflow_office_action(kind_path, task_id, action):
    """Cancel a pick list, approve a count or ask for a recount (purchase orders: orders.py)."""
    run = ACTIONS.get((KIND_OF[kind_path], action))
    if run is None:
        return _("Unknown action."), 404
    try:
        if action == "approve" and request.form.get("confirmed") != "1":
            return _approval_preview(kind_path, task_id, request.form)
        run(task_id, request.form)
    except AppError as exc:
        status = 422 if isinstance(exc, InvalidInput) else 409
        return workflow_office_task(kind_path, task_id, error=office_refusal(exc, request.form)), status
    return redirect(url_for("web.workflow_office_task", kind_path=kind_path, task_id=task_id), code=303)
