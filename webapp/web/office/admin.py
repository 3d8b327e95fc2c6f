"""The office's CSV import (with a dry-run preview) and the owner's notification settings (mail server: mail.py)."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError
from ...input_limits import form_int, uploaded_text
from ...models.alerts import ALERT_KINDS
from ...services.catalog import COLUMNS, import_csv
from ...services.notifications import (
    DEFAULT_PORTS,
    add_webhook,
    delivery_log,
    save_settings,
    set_webhook_active,
    settings,
    webhooks,
)
from ..blueprint import web_bp
from ..strings import csv_problem
from .dashboard import office_context
from .labels import ALERT_LABELS
from .mail_messages import SECURITY_LABELS


@web_bp.route("/office/import", methods=["GET", "POST"])
@require_role("manager")
def office_import():
    """Upload a CSV, see the dry run, then import it for real (all rows or none)."""
    report, kind, text = None, request.form.get("kind", "items"), ""
    if request.method == "POST" and kind in COLUMNS:
        upload = request.files.get("file")
        text = uploaded_text(upload) if upload and upload.filename else request.form.get("text", "")
        report = import_csv(kind, text, dry_run=request.form.get("confirm") != "1")
        if not report["dry_run"] and not report["errors"]:
            flash(_("Imported %(n)d rows.", n=report["count"]), "ok")
            return redirect(url_for("web.office_import"), code=303)
    return render_template(
        "office/import.html",
        **office_context(report=report, kind=kind, text=text, columns=COLUMNS, csv_problem=csv_problem),
    )


@web_bp.route("/office/notifications", methods=["GET", "POST"])
@require_role("owner")
def office_notifications():
    """E-mail (immediate or daily digest), webhooks and the delivery log."""
    new_secret = None
    if request.method == "POST":
        form = request.form
        try:
            if form.get("action") == "webhook":
                _id, new_secret = add_webhook(form.get("url", ""), kinds=form.getlist("kinds"), user_id=current_user.id)
                flash(_("Webhook added. Copy the signing secret now; it is not shown again."), "ok")
            elif form.get("action") == "toggle":
                set_webhook_active(form_int(form.get("id"), 1) or 0, form.get("active") == "1", current_user.id)
            else:
                hour = form_int(form.get("digest_hour"), 0, 23)
                save_settings(
                    email_enabled=form.get("email_enabled") == "1",
                    email_mode=form.get("email_mode", ""),
                    recipients=form.get("recipients", ""),
                    digest_hour=8 if hour is None else hour,  # 0 is midnight, not "unset"
                    kinds=form.getlist("kinds"),
                    user_id=current_user.id,
                )
                flash(_("Saved."), "ok")
        except AppError as exc:
            flash(_settings_error(exc), "error")
            return notifications_page(422)
        if not new_secret:
            return redirect(url_for("web.office_notifications"), code=303)
    return notifications_page(200, new_secret=new_secret)


def _settings_error(exc: AppError) -> str:
    """The refusal of the alert or webhook form in the owner's language, by the field it names."""
    said = {
        "recipients": _("Enter the recipients' e-mail addresses, separated by commas."),
        "email_mode": _("Choose when alerts are e-mailed from the list."),
        "url": _("A webhook needs an http:// or https:// address."),
        "kinds": _("Choose the alert kinds from the list."),
    }
    if "number" in exc.fields:
        return exc.message  # form_int said it already, in the owner's language
    return next((str(said[f]) for f in exc.fields if f in said), _("Check the settings and try again."))


def notifications_page(status: int, **extra):
    """The settings page, with what a form just answered (errors, the test e-mail's outcome) in `extra`."""
    row = settings()
    recipients = [a.strip() for a in row.recipients.split(",") if a.strip()]
    context = office_context(
        s=row,
        hooks=webhooks(),
        log=delivery_log(30),
        kinds=ALERT_KINDS,
        alert_labels=ALERT_LABELS,
        security_labels=SECURITY_LABELS,
        default_ports=DEFAULT_PORTS,
        password_set=bool(row.smtp_password_token),
        ca_set=bool(row.smtp_ca_pem),
        test_address=recipients[0] if recipients else "",
    )
    return render_template("office/notifications.html", **(context | extra)), status
