"""Item photos: resized upright to a thumbnail and a larger view, metadata gone, non-images and bombs refused."""

import io

import pytest
from PIL import Image

from tests.builders import make_item, make_user
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import Item
from webapp.services.catalog import (
    MAX_PHOTO_BYTES,
    PhotoTooLarge,
    item_photo,
    remove_item_photo,
    resize_photo,
    store_item_photo,
)

ORIENTATION = 0x0112
ROTATED_90_CW = 6  # what a phone held upright writes: the pixels lie on their side


def camera_jpeg(width=4000, height=3000, orientation=None) -> bytes:
    """A photo as a phone camera saves it: a JPEG with EXIF (the camera model and the GPS position)."""
    image = Image.new("RGB", (width, height), (200, 120, 40))
    exif = Image.Exif()
    exif[0x0110] = "Pixel 8"  # model
    exif[0x8825] = {2: (35.0, 41.0, 0.0)}  # GPS latitude: where the shop is
    if orientation:
        exif[ORIENTATION] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=70)
    return out.getvalue()


def size_of(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def test_a_camera_photo_becomes_a_160_thumbnail_and_an_800_view_in_webp_without_metadata():
    photo = resize_photo(camera_jpeg())
    assert size_of(photo["large"]) == (800, 600) and (photo["width"], photo["height"]) == (800, 600)
    assert size_of(photo["thumb"]) == (160, 120)
    for data in (photo["large"], photo["thumb"]):
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "WEBP" and not image.getexif() and "exif" not in image.info


def test_a_photo_taken_upright_stays_upright():
    photo = resize_photo(camera_jpeg(4000, 3000, orientation=ROTATED_90_CW))
    assert size_of(photo["large"]) == (600, 800) and size_of(photo["thumb"]) == (120, 160)


def test_a_small_photo_is_not_blown_up():
    assert size_of(resize_photo(camera_jpeg(300, 200))["large"]) == (300, 200)


def test_a_file_that_is_not_an_image_is_refused():
    with pytest.raises(InvalidInput) as refused:
        resize_photo(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")
    assert refused.value.code == "not_an_image"


def test_a_truncated_jpeg_is_refused_as_not_an_image():
    with pytest.raises(InvalidInput) as refused:
        resize_photo(camera_jpeg()[:2000])
    assert refused.value.code == "not_an_image"


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, "PNG", optimize=True)  # 144 megapixels in a few kB
    assert len(bomb.getvalue()) < 100_000
    with pytest.raises(InvalidInput) as refused:
        resize_photo(bomb.getvalue())
    assert refused.value.code == "too_many_pixels"


def test_a_file_over_the_size_limit_is_refused():
    with pytest.raises(PhotoTooLarge):
        resize_photo(b"\xff\xd8" + b"\0" * MAX_PHOTO_BYTES)


def test_storing_a_photo_replaces_the_last_and_touches_the_item_for_the_phones(app):
    user_id = make_user("suzuki", "manager")[0]
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    before = item.updated_at
    first = store_item_photo(item.id, camera_jpeg(), user_id)
    second = store_item_photo(item.id, camera_jpeg(1200, 1600))
    assert first != second and item_photo(item.id).etag == second and item_photo(item.id).height == 800
    db.session.expire_all()
    assert db.session.get(Item, item.id).updated_at > before
    remove_item_photo(item.id)
    assert item_photo(item.id) is None


def test_the_phones_reference_data_carries_the_thumbnails_url_and_a_new_photo_comes_in_the_delta(app):
    from webapp.services.scanning import reference_data

    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    assert reference_data(None)["items"][0]["photo"] is None
    cursor = reference_data(None)["cursor"]
    etag = store_item_photo(item.id, camera_jpeg(800, 600))
    [changed] = reference_data(cursor)["items"]
    assert changed["photo"] == f"/photos/items/{item.id}/thumb?v={etag}"
