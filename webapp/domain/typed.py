"""What people type on a Japanese phone, made comparable: codes typed with the IME on, names in either kana."""

import re
import unicodedata

# Dashes an IME or a copied label gives instead of "-" (NFKC leaves these as they are).
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\u2500]")
_KATAKANA = re.compile("[\u30a1-\u30f6\u30fd\u30fe]")  # ァ..ヶ and the iteration marks
_SPACES = re.compile(r"[\s\u30fb\u00b7]+")  # spaces and the middle dots between words
_EDGE_SPACE = re.compile(r"^[^\S\x1c-\x1f]+|[^\S\x1c-\x1f]+$")  # not the GS1 separators, which are data


def normalise_code(text: str) -> str:
    """A typed code as scanners send it: '４９０１２３４５６７８９４' -> '4901234567894', 'Ａ－０１' -> 'A-01'.

    NFKC makes full-width digits, letters and signs ASCII; a dash the IME made ('ー', '−') becomes '-' when
    everything else is ASCII (a code), never inside Japanese text, where 'ー' is a long vowel.
    """
    code = _EDGE_SPACE.sub("", unicodedata.normalize("NFKC", text))
    if _DASHES.search(code) and _DASHES.sub("", code).isascii():
        code = _DASHES.sub("-", code)
    return code


def search_key(text: str) -> str:
    """A name or query folded for matching: NFKC, case-folded, katakana as hiragana, no spaces between words."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _KATAKANA.sub(lambda m: chr(ord(m.group()) - 0x60), folded)
    return _SPACES.sub("", folded)
