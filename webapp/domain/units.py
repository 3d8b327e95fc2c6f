"""Unit codes a shop picks from, with the word each language uses; any other unit is the shop's own word."""

# code: (Japanese, English). Pages, the phone and the order document all say a unit through this table.
UNIT_WORDS = {
    "pcs": ("個", "pcs"),
    "piece": ("個", "pcs"),
    "bottle": ("本", "bottle"),
    "bag": ("袋", "bag"),
    "box": ("箱", "box"),
    "case": ("ケース", "case"),
    "pack": ("パック", "pack"),
    "pair": ("組", "pair"),
    "set": ("セット", "set"),
    "sheet": ("枚", "sheet"),
    "roll": ("巻", "roll"),
    "can": ("缶", "can"),
    "book": ("冊", "book"),
    "dozen": ("ダース", "dozen"),
    "kg": ("kg", "kg"),
    "g": ("g", "g"),
    "l": ("L", "L"),
    "ml": ("mL", "mL"),
    "m": ("m", "m"),
    "cm": ("cm", "cm"),
}


def unit_word(unit: str | None, lang: str) -> str:
    """A unit code in `lang` ("ja" or "en": bag is 袋 / bag); a unit the shop typed itself, as typed."""
    words = UNIT_WORDS.get((unit or "").strip().lower())
    if words is None:
        return unit or ""
    return words[1] if lang == "en" else words[0]
