"""The owner's Backups page: the backups with downloads, "back up now", retention and the nightly time."""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...auth.roles import require_role
from ...errors import InvalidInput
from ...services.backups import (
    KEEP_DAYS_RANGE,
    KEEP_FILES_RANGE,
    BackupFailed,
    backup_file,
    backup_settings,
    database_kind,
    list_backups,
    save_backup_settings,
    take_backup,
)
from ..blueprint import web_bp
from .dashboard import office_context

FIELD_MESSAGES = {
    "keep_days": _l("Keep backups for %(low)d to %(high)d days.", low=KEEP_DAYS_RANGE[0], high=KEEP_DAYS_RANGE[1]),
    "keep_files": _l("Keep %(low)d to %(high)d backups.", low=KEEP_FILES_RANGE[0], high=KEEP_FILES_RANGE[1]),
    "nightly_at": _l("Give the nightly time as HH:MM, for example 02:30."),
}
MEDIA_TYPES = {".sqlite3": "application/vnd.sqlite3", ".dump": "application/octet-stream"}


def _page(status: int = 200, errors: dict | None = None, form: dict | None = None):
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Tokyo")
    settings = backup_settings()
    context = office_context(
        backups=list_backups(),
        s=settings,
        form=form or {},
        errors=errors or {},
        next_nightly=settings.next_nightly(datetime.now(zone)),
        database=database_kind(),
        days_range=KEEP_DAYS_RANGE,
        files_range=KEEP_FILES_RANGE,
    )
    return render_template("office/backups.html", **context), status


@web_bp.route("/office/backups", methods=["GET"])
@require_role("owner")
def office_backups():
    """The list of backups and the settings."""
    return _page()


@web_bp.route("/office/backups", methods=["POST"])
@require_role("owner")
def office_backup_now():
    """Take a backup now (the same one the scheduler takes nightly)."""
    try:
        record = take_backup()
    except BackupFailed as exc:
        current_app.logger.error("backup failed: %s", exc.message)
        flash(_("The backup failed: %(reason)s", reason=exc.message), "error")
        return _page(status=503)
    flash(_("Backed up: %(name)s", name=record.name), "ok")
    return redirect(url_for("web.office_backups"), code=303)


@web_bp.route("/office/backups/settings", methods=["POST"])
@require_role("owner")
def office_backup_settings():
    """Save retention and the nightly time; bad values answer 422 with the page and what to fix."""
    form = {key: request.form.get(key, "")[:20] for key in ("keep_days", "keep_files", "nightly_at")}
    try:
        save_backup_settings(nightly=request.form.get("nightly") == "1", **form)
    except InvalidInput as exc:
        errors = {field: str(FIELD_MESSAGES[field]) for field in exc.fields if field in FIELD_MESSAGES}
        flash(_("Check the highlighted settings."), "error")
        return _page(status=422, errors=errors, form=form)
    flash(_("Saved."), "ok")
    return redirect(url_for("web.office_backups"), code=303)


@web_bp.route("/office/backups/<name>")
@require_role("owner")
def office_backup_download(name: str):
    """One backup file, streamed as a download under its own name."""
    path = backup_file(name)
    response = send_file(path, mimetype=MEDIA_TYPES[path.suffix], as_attachment=True, download_name=path.name)
    response.headers["Cache-Control"] = "no-store"
    return response
