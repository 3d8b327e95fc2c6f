"""An item's photo in the office: upload from a phone camera or a file, or take it away."""

from flask import flash, make_response, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError
from ...services import catalog
from ..blueprint import web_bp
from .items import office_item
from .setup_messages import photo_problems


def _refused(item_id: int, code: str, status: int):
    """The item page again with why the photo was refused, under the refusal's status."""
    flash(photo_problems().get(code, code), "error")
    return make_response(office_item(item_id), status)


@web_bp.errorhandler(413)
def too_large(exc):
    """A photo over the request limit (read before the view runs) is refused in the user's language."""
    if request.endpoint == "web.office_item_photo":
        return _refused(request.view_args["item_id"], "photo_too_large", 413)
    return exc


@web_bp.route("/office/items/<int:item_id>/photo", methods=["POST"])
@require_role("manager")
def office_item_photo(item_id: int):
    """Resize and store the photo just taken or chosen; refused when not a photo, too large or a bomb."""
    upload = request.files.get("photo")
    data = upload.read(catalog.MAX_PHOTO_BYTES + 1) if upload else b""
    if not data:
        return _refused(item_id, "no_photo", 422)
    try:
        catalog.store_item_photo(item_id, data, current_user.id)
    except AppError as exc:
        return _refused(item_id, exc.code, 413 if isinstance(exc, catalog.PhotoTooLarge) else 422)
    flash(_("Photo saved."), "ok")
    return redirect(url_for("web.office_item", item_id=item_id, _anchor="photo"), code=303)


@web_bp.route("/office/items/<int:item_id>/photo/remove", methods=["POST"])
@require_role("manager")
def office_remove_item_photo(item_id: int):
    """Take the item's photo away."""
    try:
        catalog.remove_item_photo(item_id, current_user.id)
        flash(_("Photo removed."), "ok")
    except AppError:
        flash(_("This item has no photo."), "error")
    return redirect(url_for("web.office_item", item_id=item_id, _anchor="photo"), code=303)
