"""The owner's mail server settings (the password never shown back) and the "send a test e-mail" button."""

from email.message import EmailMessage

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import InvalidInput
from ...services.notifications import clear_mail_password, is_address, save_mail_server, send_mail
from ..blueprint import web_bp
from .admin import notifications_page
from .mail_messages import REASONS, field_messages

MAX_CA_UPLOAD = 64 * 1024 + 1  # one byte over the limit is enough to refuse it
TEST_TIMEOUT = 10  # seconds per network step: the owner is waiting for the page


def _port(raw: str) -> int:
    raw = (raw or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 5 else -1


@web_bp.route("/office/notifications/mail-server", methods=["POST"])
@require_role("owner")
def office_mail_server():
    """Save the mail server; an empty password field keeps the stored password, "clear" forgets it."""
    form = request.form
    if form.get("action") == "clear_password":
        clear_mail_password(current_user.id)
        flash(_("The mail server password was cleared."), "ok")
        return redirect(url_for("web.office_notifications", _anchor="mail-server"), code=303)
    upload = request.files.get("smtp_ca")
    try:
        save_mail_server(
            host=form.get("smtp_host", ""),
            port=_port(form.get("smtp_port", "")),
            security=form.get("smtp_security", ""),
            username=form.get("smtp_username", ""),
            password=form.get("smtp_password", ""),
            sender=form.get("mail_from", ""),
            sender_name=form.get("mail_from_name", ""),
            ca_certificate=upload.read(MAX_CA_UPLOAD) if upload and upload.filename else None,
            remove_ca=form.get("remove_ca") == "1",
            allow_untrusted=form.get("smtp_allow_untrusted") == "1",
            fax_gateway=form.get("fax_gateway", ""),
            user_id=current_user.id,
        )
    except InvalidInput as exc:
        typed = {k: form.get(k, "") for k in ("smtp_host", "smtp_port", "smtp_security", "smtp_username")}
        typed |= {k: form.get(k, "") for k in ("mail_from", "mail_from_name", "fax_gateway")}
        typed["smtp_allow_untrusted"] = form.get("smtp_allow_untrusted") == "1"
        return notifications_page(422, mail_errors=field_messages(exc.fields), mail_typed=typed)
    flash(_("Mail server saved."), "ok")
    return redirect(url_for("web.office_notifications", _anchor="mail-server"), code=303)


@web_bp.route("/office/notifications/test-mail", methods=["POST"])
@require_role("owner")
def office_test_mail():
    """Send a test e-mail through the saved server and show what happened, the server's answer included."""
    address = request.form.get("address", "").strip()
    if not is_address(address):
        error = _("Enter an e-mail address such as hatchu@example.jp.")
        return notifications_page(422, test_address=address, test_error=error)
    message = EmailMessage()
    message["To"] = address
    message["Subject"] = _("Test e-mail from Tanaoroshi")
    message.set_content(
        _("This is a test e-mail from the notification settings. If it arrived, alerts and orders will reach you too.")
    )
    result = send_mail(message, timeout=TEST_TIMEOUT)
    outcome = {"ok": result.ok, "message": str(REASONS.get(result.reason, REASONS["rejected"]))}
    outcome["answer"] = " ".join(str(p) for p in (result.code, result.text) if p)
    outcome["from_server"] = result.code is not None  # else the details come from this PC (TLS, the network)
    return notifications_page(200, test_address=address, test_outcome=outcome)
