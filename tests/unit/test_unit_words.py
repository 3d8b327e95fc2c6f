"""Units said in the reader's language: 個 for pcs, 本 for a bottle; the shop's own words as typed."""

from webapp.domain.units import unit_word


def test_a_unit_code_is_said_in_japanese_and_in_english():
    assert unit_word("pcs", "ja") == "個" and unit_word("pcs", "en") == "pcs"
    assert unit_word(" Bottle ", "ja") == "本"


def test_a_unit_the_shop_typed_itself_is_shown_as_typed():
    assert unit_word("反", "ja") == "反" and unit_word("反", "en") == "反"
    assert unit_word(None, "ja") == ""
