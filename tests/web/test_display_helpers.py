"""Item names and units as the pages show them: the UI language's where there is one, else the other."""

import pytest
from flask_babel import force_locale

from tests.builders import make_item
from webapp.web.display import item_name, unit_label


@pytest.fixture
def towel(app):
    return make_item("TENUGUI-ASA", "手ぬぐい 麻の葉", "4901234567894", name_en="Tenugui towel")


def test_an_item_shows_its_english_name_in_english_and_its_japanese_name_in_japanese(app, towel):
    with app.test_request_context():
        with force_locale("en"):
            assert item_name(towel) == "Tenugui towel"
        with force_locale("ja"):
            assert item_name(towel) == "手ぬぐい 麻の葉"


def test_an_item_without_an_english_name_shows_its_japanese_one_in_english(app):
    senbei = make_item("SENBEI-SOY", "醤油せんべい", "4912345000088", name_en="")
    with app.test_request_context(), force_locale("en"):
        assert item_name(senbei) == "醤油せんべい"


def test_a_row_holding_only_the_japanese_name_and_the_item_id_finds_the_english_name(app, towel):
    row = {"item_id": towel.id, "item_name": "手ぬぐい 麻の葉", "site_code": "TKY"}
    with app.test_request_context():
        with force_locale("en"):
            assert item_name(row) == "Tenugui towel"
            assert item_name({"item_name": "緑茶", "item_name_en": "Green tea"}) == "Green tea"
        with force_locale("ja"):
            assert item_name(row) == "手ぬぐい 麻の葉"


def test_unit_codes_are_translated_and_a_shops_own_unit_is_shown_as_typed(app):
    with app.test_request_context():
        with force_locale("ja"):
            assert [unit_label(u) for u in ("pcs", "bottle", "bag", "box", "case", "kg", "束")] == [
                "個",
                "本",
                "袋",
                "箱",
                "ケース",
                "kg",
                "束",
            ]
        with force_locale("en"):
            assert [unit_label(u) for u in ("pcs", "bottle", "束")] == ["pcs", "bottle", "束"]
