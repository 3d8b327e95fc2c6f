"""CSV bytes from Japanese Excel: UTF-8 with or without BOM and Shift_JIS read, anything else named by line."""

import pytest

from webapp.domain.text_encoding import UndecodableText, decode_csv, encode_csv

ROWS = "code,name\nTEA-SENCHA,静岡煎茶 100g\nBOX-60,段ボール箱 60サイズ\n"


def test_shift_jis_as_excel_saves_it_is_read_as_cp932():
    assert decode_csv(ROWS.encode("cp932")) == (ROWS, "cp932")


def test_utf8_with_a_bom_and_without_one_are_read_alike():
    assert decode_csv(ROWS.encode("utf-8-sig")) == (ROWS, "utf-8-sig")
    assert decode_csv(ROWS.encode("utf-8")) == (ROWS, "utf-8")


def test_cp932_only_characters_such_as_circled_numbers_and_nec_kanji_are_read():
    text = "code,name\nMUG-1,髙島屋マグ ①\n"
    assert decode_csv(text.encode("cp932"))[0] == text


def test_bytes_neither_utf8_nor_shift_jis_are_refused_naming_their_line():
    broken = "code,name\nTEA-SENCHA,静岡煎茶\n".encode("cp932") + b"BOX-60,\x81\x20\xff\n"
    with pytest.raises(UndecodableText) as refused:
        decode_csv(broken)
    assert refused.value.line == 3


def test_a_utf8_file_broken_after_its_bom_names_the_broken_line():
    broken = "\ufeffcode,name\nA,b\nC,".encode() + b"\xe3\x81\n"
    with pytest.raises(UndecodableText) as refused:
        decode_csv(broken)
    assert refused.value.line == 3


def test_shift_jis_export_decodes_and_marks_each_character_it_lacks_with_a_geta():
    data, replaced = encode_csv("仕入先,品名\n𠮷野商店,静岡煎茶\n", "cp932")
    assert data.decode("cp932") == "仕入先,品名\n〓野商店,静岡煎茶\n" and replaced == 1


def test_utf8_export_starts_with_a_bom_so_excel_opens_it_as_utf8():
    data, replaced = encode_csv("品名\n静岡煎茶\n", "utf-8-sig")
    assert data.startswith(b"\xef\xbb\xbf") and replaced == 0
