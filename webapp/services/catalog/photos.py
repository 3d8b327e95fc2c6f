"""Item photos: an upload (a phone camera's JPEG, a PNG...) checked, turned upright, stripped of its
metadata and resized to a thumbnail and a larger view, both WebP, stored in the database with a digest
as their ETag so the backup carries them and browsers revalidate cheaply.
"""

import hashlib
import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import select

from ...errors import InvalidInput, NotFound
from ...extensions import db
from ...models import Item
from ...models.catalog import ItemPhoto
from ...models.types import utcnow
from ..core import record_change, transactional

MAX_PHOTO_BYTES = 4 * 1024 * 1024  # the app's request limit; the page shrinks bigger camera photos first
MAX_PIXELS = 50_000_000  # refused before decoding: a small file claiming more is a decompression bomb
THUMB_PX, LARGE_PX = 160, 800
FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO", "BMP", "TIFF"}
MEDIA_TYPE = "image/webp"


class PhotoTooLarge(InvalidInput):
    """More bytes than MAX_PHOTO_BYTES (the pages answer 413)."""

    code = "photo_too_large"


def _open(data: bytes) -> Image.Image:
    """The upload as an image, refused if it is none, too big in bytes or in pixels."""
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoTooLarge(f"The photo is over {MAX_PHOTO_BYTES // (1024 * 1024)} MB.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in FORMATS:
                raise InvalidInput("That file is not a photo.", code="not_an_image")
            if image.width * image.height > MAX_PIXELS:
                raise InvalidInput("The photo has too many pixels.", code="too_many_pixels")
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise InvalidInput("That file is not a photo.", code="not_an_image") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InvalidInput("The photo has too many pixels.", code="too_many_pixels") from None
    return image


def _webp(image: Image.Image, longest: int) -> bytes:
    """The image fitted within `longest` pixels, as WebP with no metadata (EXIF, GPS) at all."""
    copy = image.copy()
    copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, "WEBP", quality=80, method=4)  # no exif= / icc_profile=: nothing of the camera's kept
    return out.getvalue()


def resize_photo(data: bytes) -> dict:
    """Thumbnail and larger view of an upload, upright, as WebP, with the larger view's size and digest."""
    image = ImageOps.exif_transpose(_open(data))  # a phone held upright writes the turn in EXIF only
    image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    large = _webp(image, LARGE_PX)
    with Image.open(io.BytesIO(large)) as shown:
        width, height = shown.size
    return {
        "thumb": _webp(image, THUMB_PX),
        "large": large,
        "width": width,
        "height": height,
        "etag": hashlib.sha256(large).hexdigest()[:32],
    }


@transactional
def store_item_photo(item_id: int, data: bytes, user_id: int | None = None) -> str:
    """Give an item its photo (replacing any earlier one); returns the new ETag."""
    item = db.session.get(Item, item_id)
    if item is None:
        raise NotFound(f"No item {item_id}.")
    photo = resize_photo(data)
    row = db.session.get(ItemPhoto, item_id)
    before = _size_of(row)
    row = row or ItemPhoto(item_id=item_id)
    for name, value in photo.items():
        setattr(row, name, value)
    row.media_type, row.uploaded_by = MEDIA_TYPE, user_id
    db.session.add(row)
    item.updated_at = utcnow()  # touched so phones fetch the item's reference row again (onupdate sets it)
    # A replaced photo is a change even at the same size: the picture is new.
    change = {"photo": (before, _size_of(row))}
    record_change(user_id, "photo", item_id, item.code, change, action="update" if before else "add")
    return photo["etag"]


@transactional
def remove_item_photo(item_id: int, user_id: int | None = None) -> None:
    """Take an item's photo away."""
    row = db.session.get(ItemPhoto, item_id)
    if row is None:
        raise NotFound(f"Item {item_id} has no photo.")
    before = _size_of(row)
    db.session.delete(row)
    item = db.session.get(Item, item_id)
    item.updated_at = utcnow()
    record_change(user_id, "photo", item_id, item.code, {"photo": (before, None)}, action="remove")


def _size_of(row: ItemPhoto | None) -> str | None:
    """How the audit trail names a stored photo: its larger view's size in pixels."""
    return f"{row.width}×{row.height} px" if row is not None else None


def item_photo(item_id: int) -> ItemPhoto | None:
    """An item's photo row, or None."""
    return db.session.get(ItemPhoto, item_id)


def photo_url(item_id: int, etag: str, size: str = "thumb") -> str:
    """Where a phone or page fetches a size of the photo; the ETag in it makes the URL change with the photo."""
    return f"/photos/items/{item_id}/{size}?v={etag}"


def photo_etags(item_ids=None) -> dict[int, str]:
    """The photo ETag of each of these items that has a photo (of every item when None)."""
    stmt = select(ItemPhoto.item_id, ItemPhoto.etag)
    if item_ids is not None:
        ids = list(item_ids)
        if not ids:
            return {}
        stmt = stmt.where(ItemPhoto.item_id.in_(ids))
    return dict(db.session.execute(stmt).all())
