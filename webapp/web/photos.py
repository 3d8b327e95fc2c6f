"""Item photos as images: the thumbnail and the larger view, cached by browsers and phones by ETag."""

from flask import abort, make_response, request
from flask_login import login_required

from ..services.catalog import item_photo
from .blueprint import web_bp

SIZES = ("thumb", "large")


@web_bp.route("/photos/items/<int:item_id>/<size>")
@login_required
def item_photo_image(item_id: int, size: str):
    """One size of an item's photo; a URL carrying ?v=<etag> never changes, so it may be kept a year."""
    photo = item_photo(item_id)
    if size not in SIZES or photo is None:
        abort(404)
    response = make_response(photo.thumb if size == "thumb" else photo.large)
    response.mimetype = photo.media_type
    response.set_etag(f"{photo.etag}-{size}")
    versioned = request.args.get("v") == photo.etag
    response.cache_control.private = True  # behind a login: never in a shared cache
    response.cache_control.max_age = 31_536_000 if versioned else 0
    if versioned:
        response.cache_control.immutable = True
    else:
        response.cache_control.no_cache = True  # revalidate by ETag each time
    return response.make_conditional(request)


@web_bp.app_context_processor
def photo_helpers():
    """Templates find an item's photo row (its ETag and size) by the item's id."""
    return {"item_photo_of": item_photo}
