"""Typed codes and names, made comparable the way a Japanese keyboard types them."""

import pytest

from webapp.domain.barcodes import parse_code
from webapp.domain.typed import normalise_code, search_key


@pytest.mark.parametrize(
    "typed, code",
    [
        ("４９０１２３４５６７８９４", "4901234567894"),  # full-width digits from the IME
        ("Ａ－０１－０１", "A-01-01"),  # full-width letters and hyphen
        ("A−01ー01", "A-01-01"),  # a minus sign and the long-vowel mark typed for "-"
        ("　RETRO-CLOCK　", "RETRO-CLOCK"),  # ideographic spaces around it
        ("ﾚﾄﾛ", "レトロ"),  # half-width katakana
        ("コーヒー", "コーヒー"),  # a long vowel inside Japanese stays one
    ],
)
def test_a_typed_code_is_normalised_like_a_scanned_one(typed, code):
    assert normalise_code(typed) == code


def test_a_full_width_jan_resolves_to_the_same_key_as_the_scanned_one():
    assert parse_code("４９０１２３４５６７８９４").candidates == parse_code("4901234567894").candidates


def test_the_gs1_separator_at_either_end_is_data_not_space():
    assert normalise_code("\x1d0104901234567894\x1d") == "\x1d0104901234567894\x1d"


def test_a_bin_label_typed_with_the_ime_on_reads_as_the_label():
    assert parse_code("Ａ－０１－０２").candidates == ("A-01-02",)


@pytest.mark.parametrize(
    "name, query",
    [
        ("波佐見焼マグカップ", "まぐかっぷ"),  # hiragana finds katakana
        ("帆布トートバッグ", "ﾄｰﾄ"),  # half-width katakana finds full-width
        ("ほうじ茶 ティーバッグ", "ホウジ"),  # katakana finds hiragana
        ("Retro table clock", "TABLE CLOCK"),  # case and the space between words
        ("マスキングテープ 桜", "テープ桜"),
    ],
)
def test_names_and_queries_fold_to_comparable_keys(name, query):
    assert search_key(query) in search_key(name)


def test_kanji_are_kept_as_they_are():
    assert search_key("レトロ置時計") == "れとろ置時計"
