"""The office's item, supplier and photo set-up pages: happy and refused paths, in the user's language."""

import io
import re

import pytest
from PIL import Image
from sqlalchemy import func, select

from tests.builders import make_item, make_supplier, make_user
from tests.web.helpers import PASSWORD, log_in
from webapp.extensions import db
from webapp.models import Item, Supplier
from webapp.services.catalog import item_photo

TEA_FORM = {
    "code": "SENCHA-100", "name": "静岡煎茶 100g", "name_en": "Shizuoka sencha 100 g", "stock_class": "product",
    "unit": "袋", "category": "supermarket", "unit_cost": "800", "unit_price": "1280", "lead_time_days": "5",
    "review_interval_days": "1", "service_level": "97", "safety_stock": "4", "reorder_point": "10", "max_stock": "",
    "min_order_qty": "6", "order_multiple": "6", "supplier_id": "", "note": "",
}  # fmt: skip


def signed_in(client, role: str, lang: str = "ja") -> str:
    make_user({"owner": "kobayashi", "manager": "suzuki", "worker": "sato"}[role], role, PASSWORD)
    token = log_in(client, {"owner": "kobayashi", "manager": "suzuki", "worker": "sato"}[role])
    client.set_cookie("lang", lang)
    return token


def jpeg(width=3000, height=4000) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 60)).save(out, "JPEG")
    return out.getvalue()


def test_a_manager_creates_an_item_with_its_jan_and_lands_on_its_page(client):
    token = signed_in(client, "manager")
    supplier = make_supplier("YAMADA", "株式会社山田商事")
    done = client.post(
        "/office/items/new", data=TEA_FORM | {"csrf_token": token, "supplier_id": supplier.id, "jan": "4901234567894"}
    )
    assert done.status_code == 303
    item = db.session.scalar(select(Item).where(Item.code == "SENCHA-100"))
    assert str(item.service_level) == "0.9700" and item.supplier_id == supplier.id and item.min_order_qty == 6
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "静岡煎茶 100g" in page and "4901234567894" in page and "設定を編集" in page


def test_the_item_list_searches_by_jan_and_by_english_name(client):
    signed_in(client, "manager", "en")
    make_item("SENCHA-100", "静岡煎茶 100g", "4901234567894", name_en="Shizuoka sencha")
    make_item("GENMAI-200", "玄米茶 200g", "4512345678906", name_en="Genmaicha")
    by_jan = client.get("/office/items?q=4901234567894", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Shizuoka sencha" in by_jan and "Genmaicha" not in by_jan and "<html" not in by_jan
    by_name = client.get("/office/items?q=genmai").get_data(as_text=True)
    assert "Genmaicha" in by_name and "Shizuoka" not in by_name and "New item" in by_name


def test_the_item_list_pages_by_25(client):
    signed_in(client, "manager", "en")
    for n in range(30):
        make_item(f"TOWEL-{n:02d}", f"手ぬぐい {n:02d}", None)
    first = client.get("/office/items").get_data(as_text=True)
    second = client.get("/office/items?p=2").get_data(as_text=True)
    assert first.count('<li class="item-card') == 25 and "Next" in first
    assert second.count('<li class="item-card') == 5 and "TOWEL-29" in second and "Previous" in second


def test_a_duplicate_code_comes_back_409_in_japanese_with_what_was_typed(client):
    token = signed_in(client, "manager")
    make_item("SENCHA-100", "静岡煎茶 100g", None)
    refused = client.post("/office/items/new", data=TEA_FORM | {"csrf_token": token, "name": "別の煎茶"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 409 and "他で使われています" in page and 'value="別の煎茶"' in page
    assert db.session.scalar(select(func.count()).select_from(Item)) == 1


def test_a_jan_with_a_bad_check_digit_is_named_and_no_item_made(client):
    token = signed_in(client, "manager", "en")
    refused = client.post("/office/items/new", data=TEA_FORM | {"csrf_token": token, "jan": "4901234567890"})
    assert refused.status_code == 422 and "Wrong check digit" in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Item)) == 0


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [("unit_price", "-100", "Out of the allowed range."), ("service_level", "100", "Out of the allowed range."),
     ("service_level", "高い", "Not a number."), ("min_order_qty", "0", "Out of the allowed range.")],
)  # fmt: skip
def test_an_edit_out_of_bounds_is_a_422_naming_the_field_and_changes_nothing(client, field, value, words):
    token = signed_in(client, "manager", "en")
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    form = TEA_FORM | {"csrf_token": token, "version": "1", field: value}
    refused = client.post(f"/office/items/{item.id}/edit", data=form)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and words in page and f'aria-describedby="err-{field}"' in page
    db.session.expire_all()
    assert db.session.get(Item, item.id).version == 1


def test_an_edit_saves_every_field_and_a_stale_form_is_refused(client):
    token = signed_in(client, "manager", "en")
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    form = TEA_FORM | {"csrf_token": token, "version": "1", "reorder_point": "18", "reduced_tax": "1"}
    assert client.post(f"/office/items/{item.id}/edit", data=form).status_code == 303
    db.session.expire_all()
    saved = db.session.get(Item, item.id)
    assert (saved.reorder_point, saved.reduced_tax, saved.unit, saved.name_en) == (
        18,
        True,
        "袋",
        "Shizuoka sencha 100 g",
    )
    stale = client.post(f"/office/items/{item.id}/edit", data=form | {"reorder_point": "30"})
    assert stale.status_code == 409 and "Someone else changed this item" in stale.get_data(as_text=True)


def test_a_worker_is_refused_the_set_up_pages(client):
    token = signed_in(client, "worker")
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    assert client.get("/office/items").status_code == 403
    assert client.post("/office/items/new", data=TEA_FORM | {"csrf_token": token}).status_code == 403
    assert (
        client.post("/office/suppliers/new", data={"csrf_token": token, "code": "Y", "name": "山田"}).status_code == 403
    )
    photo = {"csrf_token": token, "photo": (io.BytesIO(jpeg()), "tea.jpg")}
    assert client.post(f"/office/items/{item.id}/photo", data=photo).status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Item)) == 1 and item_photo(item.id) is None


def test_a_manager_may_edit_but_only_the_owner_deactivates(client):
    token = signed_in(client, "manager")
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    assert "この商品を無効にする" not in client.get(f"/office/items/{item.id}/edit").get_data(as_text=True)
    assert client.post(f"/office/items/{item.id}/active", data={"csrf_token": token, "active": "0"}).status_code == 403
    assert db.session.get(Item, item.id).active
    client.post("/logout", data={"csrf_token": token})
    token = signed_in(client, "owner")
    assert "この商品を無効にする" in client.get(f"/office/items/{item.id}/edit").get_data(as_text=True)
    assert client.post(f"/office/items/{item.id}/active", data={"csrf_token": token, "active": "0"}).status_code == 303
    db.session.expire_all()
    assert not db.session.get(Item, item.id).active
    assert "SENCHA-100" not in client.get("/office/items").get_data(as_text=True)
    assert "SENCHA-100" in client.get("/office/items?show=all").get_data(as_text=True)


def test_a_supplier_is_created_listed_and_edited(client):
    token = signed_in(client, "manager")
    form = {"csrf_token": token, "code": "YAMADA", "name": "株式会社山田商事", "contact": "山田 花子",
            "email": "order@yamada.example.jp", "phone": "03-1234-5678", "fax": "03-1234-5679",
            "lead_time_days": "4", "min_order_amount": "10000", "language": "ja", "note": "月末締め"}  # fmt: skip
    assert client.post("/office/suppliers/new", data=form).status_code == 303
    listed = client.get("/office/suppliers").get_data(as_text=True)
    assert "株式会社山田商事" in listed and "03-1234-5679" in listed and "10,000 円" in listed
    supplier = db.session.scalar(select(Supplier).where(Supplier.code == "YAMADA"))
    edited = client.post(
        f"/office/suppliers/{supplier.id}", data=form | {"contact": "山田 太郎", "lead_time_days": "6"}
    )
    assert edited.status_code == 303
    db.session.expire_all()
    assert (supplier.contact, supplier.lead_time_days) == ("山田 太郎", 6)


def test_a_refused_supplier_names_its_fields_in_english(client):
    token = signed_in(client, "manager", "en")
    make_supplier("YAMADA", "株式会社山田商事")
    taken = client.post("/office/suppliers/new", data={"csrf_token": token, "code": "YAMADA", "name": "山田物産"})
    assert taken.status_code == 409 and "Already used by another one." in taken.get_data(as_text=True)
    bad = client.post(
        "/office/suppliers/new",
        data={"csrf_token": token, "code": "KIKUCHI", "name": "菊池商事", "email": "kikuchi", "min_order_amount": "-5"},
    )
    page = bad.get_data(as_text=True)
    assert bad.status_code == 422 and "Not an e-mail address." in page and "Out of the allowed range." in page
    assert db.session.scalar(select(func.count()).select_from(Supplier)) == 1


def test_a_photo_is_uploaded_resized_and_served_with_its_etag(client):
    token = signed_in(client, "manager")
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    done = client.post(
        f"/office/items/{item.id}/photo", data={"csrf_token": token, "photo": (io.BytesIO(jpeg()), "tea.jpg")}
    )
    assert done.status_code == 303
    page = client.get(f"/office/items/{item.id}").get_data(as_text=True)
    url = re.search(r'src="(/photos/items/\d+/large\?v=[0-9a-f]+)"', page).group(1)
    large = client.get(url)
    assert large.mimetype == "image/webp" and "immutable" in large.headers["Cache-Control"]
    assert Image.open(io.BytesIO(large.data)).size == (600, 800)
    thumb = client.get(f"/photos/items/{item.id}/thumb")
    assert Image.open(io.BytesIO(thumb.data)).size == (120, 160) and "no-cache" in thumb.headers["Cache-Control"]
    again = client.get(f"/photos/items/{item.id}/thumb", headers={"If-None-Match": thumb.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


@pytest.mark.parametrize(
    ("upload", "status", "words"),
    [
        (b"GIF87a not really", 422, "写真ではありません"),
        (None, 413, "大きすぎます"),
    ],
)
def test_a_photo_that_is_not_an_image_or_too_large_is_refused_in_japanese(client, upload, status, words):
    token = signed_in(client, "manager")
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    data = upload if upload is not None else b"\xff\xd8" + b"\0" * (4 * 1024 * 1024)
    refused = client.post(
        f"/office/items/{item.id}/photo", data={"csrf_token": token, "photo": (io.BytesIO(data), "tea.jpg")}
    )
    assert refused.status_code == status and words in refused.get_data(as_text=True)
    assert item_photo(item.id) is None


def test_a_photo_bomb_is_refused(client):
    token = signed_in(client, "manager", "en")
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, "PNG")
    bomb.seek(0)
    refused = client.post(f"/office/items/{item.id}/photo", data={"csrf_token": token, "photo": (bomb, "bomb.png")})
    assert refused.status_code == 422 and "too many pixels" in refused.get_data(as_text=True)
