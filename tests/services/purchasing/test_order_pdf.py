"""The 発注書: a PDF a Japanese supplier can read, its totals taxed per rate, its Japanese font embedded."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from tests.builders import make_supplier
from tests.workflow_fixtures import build_world
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.services.purchasing import (
    add_draft_line,
    company_profile,
    confirm_order,
    create_purchase_order,
    order_document,
    order_pdf,
    save_company_profile,
    update_draft,
)

SHOP = {
    "name": "有限会社たなおろし雑貨店",
    "postal_code": "150-0001",
    "address": "東京都渋谷区神宮前1-2-3",
    "phone": "03-1234-5678",
    "fax": "03-1234-5679",
    "email": "order@tanaoroshi.example.jp",
    "person_in_charge": "鈴木 一郎",
    "standard_tax_percent": 10,
    "reduced_tax_percent": 8,
}


@pytest.fixture
def world(app):
    w = build_world()
    w["tea"].reduced_tax = True  # 緑茶 is a food item: the reduced rate
    db.session.commit()
    save_company_profile(**SHOP)
    return w


def confirmed_order(world, supplier="SUP-YAMADA", language="ja"):
    make_supplier(supplier, "株式会社山田商事").language = language
    db.session.commit()
    po = create_purchase_order("TKY", supplier, [("4901234567894", 10)], world["manager_id"], draft=True)
    add_draft_line(po, "GREEN-TEA", 24, world["manager_id"], date(2026, 12, 10))
    update_draft(po, world["manager_id"], "納品時に検品をお願いします。")
    confirm_order(po, world["manager_id"])
    return po


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_order_document_names_the_supplier_items_jan_and_totals(world):
    po = confirmed_order(world)
    text = text_of(order_pdf(po))
    for expected in (
        "発注書",
        "株式会社山田商事 御中",
        "レトロ置時計",
        "緑茶 500ml",
        "4901234567894",
        "4987654321094",
        "有限会社たなおろし雑貨店",
        "FAX 03-1234-5679",
        "東京倉庫 (TKY)",
        "納品時に検品をお願いします。",
        "2026年12月10日",
    ):
        assert expected in text.replace("発 注 書", "発注書"), expected
    # 10 x ¥1,200 at 10 % and 24 x ¥80 at 8 % (a food item): tax per rate, fractions cut once.
    assert "¥12,000" in text and "¥1,920" in text
    assert "¥13,920" in text and "¥1,200" in text and "¥153" in text and "¥15,273" in text


def test_the_figures_are_worked_out_per_rate(world):
    doc = order_document(confirmed_order(world))
    assert (doc["subtotal"], doc["total"]) == (13920, 15273)
    assert [(t.percent, t.base, t.tax) for t in doc["taxes"]] == [(10, 12000, 1200), (8, 1920, 153)]
    assert doc["delivery_date"] == date(2026, 12, 10)


def test_the_japanese_font_is_embedded_as_a_subset(world):
    reader = PdfReader(io.BytesIO(order_pdf(confirmed_order(world))))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    [font] = [f.get_object() for f in fonts.values()]
    descendant = font["/DescendantFonts"][0].get_object()
    descriptor = descendant["/FontDescriptor"].get_object()
    assert "/FontFile2" in descriptor  # the TrueType program itself is in the file
    assert "+" in str(font["/BaseFont"])  # a subset tag: only the glyphs used
    assert "IPAexGothic" in str(font["/BaseFont"])


def test_a_supplier_set_to_english_gets_the_document_in_english(world):
    text = text_of(order_pdf(confirmed_order(world, "SUP-ABROAD", "en")))
    assert "PURCHASE ORDER" in text and "To: 株式会社山田商事" in text
    assert "Retro table clock" in text and "Consumption tax (8%)" in text
    assert "御中" not in text


def test_a_draft_has_no_order_document(world):
    po = create_purchase_order("TKY", "SUP-KIKUCHI", [("4901234567894", 1)], world["manager_id"], draft=True)
    with pytest.raises(Conflict):
        order_pdf(po)


def test_the_company_block_is_bounded_and_keeps_its_rates(world):
    with pytest.raises(InvalidInput):
        save_company_profile(**(SHOP | {"standard_tax_percent": 101}))
    with pytest.raises(InvalidInput):
        save_company_profile(**(SHOP | {"name": "株" * 201}))
    assert company_profile()["name"] == "有限会社たなおろし雑貨店"


def test_a_long_order_runs_onto_a_second_page_with_every_line(world):
    from tests.builders import make_item

    po = create_purchase_order("TKY", "SUP-KIKUCHI", [("4901234567894", 1)], world["manager_id"], draft=True)
    for n in range(1, 36):
        make_item(f"TENUGUI-{n:02d}", f"手ぬぐい 柄{n:02d}", None, unit_cost="450")
        add_draft_line(po, f"TENUGUI-{n:02d}", 2, world["manager_id"])
    confirm_order(po, world["manager_id"])
    reader = PdfReader(io.BytesIO(order_pdf(po)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) == 2
    assert "手ぬぐい 柄01" in text and "手ぬぐい 柄35" in text
    assert "¥32,700" in text  # 1200 + 35 x 2 x 450 = 32,700 before tax


def test_units_are_said_in_the_document_language(world):
    japanese = text_of(order_pdf(confirmed_order(world)))
    assert "個" in japanese and "pcs" not in japanese  # the items are kept in "pcs"; a Japanese supplier reads 個
    english = text_of(order_pdf(confirmed_order(world, "SUP-GLOBAL", language="en")))
    assert "pcs" in english and "個" not in english
