"""An item's pack levels (ケース / ボール / バラ): mixed quantities split, shown, typed back and rounded, in integers only.

The each (バラ) is the base unit every quantity is stored in; an inner (ボール) and a case (ケース) are
optional whole numbers of eaches, the case a whole number of inners when both exist.
"""

import re
import unicodedata
from dataclasses import dataclass

from .units import unit_word

LEVELS = ("each", "inner", "case")
MIN_PACK, MAX_PACK = 2, 100_000  # a pack of one is the each itself
MAX_TYPED = 2**31 - 1  # a typed quantity still fits the integer columns after it is multiplied out

# What a worker or clerk may type after a number for each level (after NFKC: full-width and half-width kana folded).
LEVEL_WORDS = {
    "case": ("ケース", "ｹｰｽ", "cs", "c", "case", "cases", "ctn", "carton", "cartons"),
    "inner": ("ボール", "ﾎﾞｰﾙ", "i", "inner", "inners", "bl", "ball"),
    "each": ("個", "バラ", "ﾊﾞﾗ", "pcs", "pc", "p", "e", "ea", "each", "piece", "pieces"),
}
# A number (thousands grouped as the pages show them, 1,000; a fraction caught to be refused) and its word.
_TOKEN = re.compile(r"(\d{1,3}(?:,\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*)\s*([^\d\s.,]*)")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


class PackRefused(ValueError):
    """Pack levels or a typed quantity that cannot stand; `reason` is the code the pages translate."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class PackLevels:
    """How many eaches an inner and a case hold (None: the item has no such level)."""

    inner: int | None = None
    case: int | None = None

    @property
    def any(self) -> bool:
        return bool(self.inner or self.case)

    def qty(self, level: str) -> int:
        """Eaches in one pack of `level`; refused for a level the item does not have."""
        size = {"each": 1, "inner": self.inner, "case": self.case}.get(level)
        if not size:
            raise PackRefused(f"no_{level}_level" if level in LEVELS else "unknown_level", f"The item has no {level}.")
        return size


def levels_of(item) -> PackLevels:
    """The pack levels of anything with inner_qty and case_qty (an item, a row)."""
    get = item.get if isinstance(item, dict) else lambda key: getattr(item, key, None)
    return PackLevels(get("inner_qty") or None, get("case_qty") or None)


def check_levels(inner: int | None, case: int | None) -> PackLevels:
    """The levels as an item may hold them, or PackRefused naming why not."""
    for size in (inner, case):
        if size is not None and (isinstance(size, bool) or not isinstance(size, int)):
            raise PackRefused("pack_not_whole", "A pack size is a whole number of pieces.")
        if size is not None and not MIN_PACK <= size <= MAX_PACK:
            raise PackRefused("pack_out_of_range", f"A pack holds {MIN_PACK} to {MAX_PACK:,} pieces.")
    if inner and case and (case <= inner or case % inner):
        raise PackRefused("case_not_multiple_of_inner", "A case must hold a whole number (2 or more) of inners.")
    return PackLevels(inner, case)


def split(quantity: int, levels: PackLevels) -> list[tuple[str, int]]:
    """A base quantity as whole cases, inners and eaches, largest first (levels the item lacks left out)."""
    sign, rest, parts = (-1 if quantity < 0 else 1), abs(quantity), []
    for level, size in (("case", levels.case), ("inner", levels.inner)):
        if size:
            parts.append((level, sign * (rest // size)))
            rest %= size
    return [*parts, ("each", sign * rest)]


def _word(level: str, n: int, unit: str | None, lang: str) -> str:
    if level == "each":
        return unit_word(unit or "pcs", lang)
    if lang == "en":
        return level if abs(n) == 1 else level + "s"
    return "ケース" if level == "case" else "ボール"


def format_mixed(quantity: int, levels: PackLevels, unit: str | None = "pcs", lang: str = "ja") -> str:
    """「2 ケース 3 ボール 5 個」 / "2 cases 3 inners 5 pcs": zero levels left out; a plain "17 個" without levels."""
    parts = [(lv, n) for lv, n in split(quantity, levels) if n]
    if not parts:
        parts = [("each", 0)]
    return " ".join(f"{n:,} {_word(lv, n, unit, lang)}" for lv, n in parts)


def format_packs(quantity: int, levels: PackLevels, level: str, unit: str | None = "pcs", lang: str = "ja") -> str:
    """An order quantity in the supplier's level: "3 ケース (36 個)"; whole packs only, else the mixed split."""
    size = levels.qty(level) if level != "each" and levels.any else 1
    if size == 1 or quantity % size:
        return format_mixed(quantity, levels, unit, lang)
    packs = quantity // size
    return f"{packs:,} {_word(level, packs, unit, lang)} ({quantity:,} {unit_word(unit or 'pcs', lang)})"


def _level_of(word: str, unit: str | None) -> str | None:
    word = word.lower()
    own = {(unit or "").lower(), unit_word(unit, "ja").lower(), unit_word(unit, "en").lower()} - {""}
    if word in ("", *own):
        return "each"
    return next((lv for lv, words in LEVEL_WORDS.items() if word in words), None)


def parse_mixed(text, levels: PackLevels, unit: str | None = "pcs", *, maximum: int = MAX_TYPED) -> int:
    """Typed text ("2ケース3ボール5", "2c 3i 5", full-width digits) as exact base units; PackRefused with a reason."""
    if isinstance(text, bool):
        raise PackRefused("not_a_quantity", "Type a quantity such as 2 cases 3 inners 5.")
    if isinstance(text, int):
        text = str(text)
    folded = unicodedata.normalize("NFKC", str(text or "")).strip().replace("\u3000", " ")
    if not folded:
        raise PackRefused("empty_quantity", "Type a quantity.")
    if len(folded) > 80:
        raise PackRefused("not_a_quantity", "Type a quantity such as 2 cases 3 inners 5.")
    if folded.startswith("-"):
        raise PackRefused("negative_quantity", "A quantity cannot be negative.")
    pos, total, seen = 0, 0, set()
    for match in _TOKEN.finditer(folded):
        if folded[pos : match.start()].strip():
            raise PackRefused("not_a_quantity", "Type a quantity such as 2 cases 3 inners 5.")
        pos = match.end()
        number, word = match.groups()
        if _GROUPED.fullmatch(number):
            number = number.replace(",", "")
        if "." in number or "," in number:
            raise PackRefused("not_whole_packs", "Type whole cases, inners and pieces (no fractions).")
        level = _level_of(word, unit)
        if level is None:
            raise PackRefused("unknown_pack_word", f"{word!r} is not case, inner or piece.")
        if level in seen:
            raise PackRefused("repeated_level", f"The {level} is typed twice.")
        seen.add(level)
        total += int(number) * levels.qty(level)
        if total > maximum:
            raise PackRefused("quantity_too_large", f"More than {maximum:,} pieces.")
    if folded[pos:].strip() or not seen:
        raise PackRefused("not_a_quantity", "Type a quantity such as 2 cases 3 inners 5.")
    return total


def round_to_packs(quantity: int, pack: int, *, up: bool = True) -> int:
    """A quantity to whole packs of `pack` eaches: up (an order never short) or down (what whole packs hold)."""
    if pack < 1:
        raise PackRefused("pack_out_of_range", "A pack holds at least one piece.")
    whole = -(-quantity // pack) if up else quantity // pack
    return whole * pack


def order_step(levels: PackLevels, order_in: str, order_multiple: int = 1) -> int:
    """The step an order of the item goes in: whole packs of its order level and of its order multiple at once."""
    size = levels.qty(order_in) if order_in != "each" else 1
    multiple = max(order_multiple, 1)
    a, b = size, multiple
    while b:
        a, b = b, a % b
    return size * multiple // a
