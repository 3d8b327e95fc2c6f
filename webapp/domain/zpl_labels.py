"""The item, bin and case label layouts in ZPL, computed from the label's size in mm and the head's dpi."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .zpl import DOTS_PER_MM, Bitmap, Box, Label, LabelDoesNotFit, LabelSize
from .zpl_barcodes import (
    EAN13_MODULES,
    EAN13_QUIET,
    QR_QUIET,
    Gs1Case,
    code128_width,
    ean13_width,
    gs1_128_data,
    place_code128,
    place_ean13,
    place_gs1_128,
    place_qr,
    qr_modules,
)

MARGIN_MM = 1.5
GAP_MM = 0.8
MIN_MODULE_MM = 0.25  # narrowest bar a 203 dpi head prints cleanly (2 dots) and scanners still read
MAX_MODULE_MM = 0.5
MIN_BAR_MM = 5.0
DEFAULT_FONT = "E:ANMDJ.TTF"
# Words printed on a label, in the label's language: (Japanese, English).
WORDS = {
    "case_of": ("{n}入り ケース", "Case of {n}"),
    "expiry": ("賞味期限", "Best before"),
    "lot": ("ロット", "Lot"),
}


@dataclass(frozen=True)
class TextStyle:
    """How human text (Japanese names) reaches the printer: a named Unicode font, or a bitmap drawn here."""

    mode: str = "font"
    font: str = DEFAULT_FONT
    # (text, width, line height, lines, align) -> a bitmap of the box's height, its width cut to whole bytes.
    draw: Callable[[str, int, int, int, str], Bitmap] | None = None


@dataclass(frozen=True)
class ItemLabel:
    name: str
    code: str
    jan: str | None = None
    price: str = ""


@dataclass(frozen=True)
class BinLabel:
    code: str
    name: str = ""


@dataclass(frozen=True)
class CaseLabel:
    name: str
    pack_qty: int
    gs1: Gs1Case
    lang: str = "ja"


def word(key: str, lang: str, **values) -> str:
    """A label word in `lang` ("ja" or "en")."""
    ja, en = WORDS[key]
    return (en if lang == "en" else ja).format(**values)


def _char_width(ch: str, height: int) -> float:
    return height if unicodedata.east_asian_width(ch) in "WF" else 0.6 * height


def fit_text(text: str, width: int, height: int, lines: int = 1) -> str:
    """`text` cut (with …) so that, at `height`, it fills at most `lines` lines of `width` dots, wide glyphs as squares."""
    budget = lines * width - (lines - 1) * height  # a wrapped line can leave up to one glyph of room unused
    used, out = 0.0, []
    for ch in text:
        used += _char_width(ch, height)
        if used > budget:
            return "".join(out[:-1]) + "…" if out else ""
        out.append(ch)
    return text


def _text_height(text: str, width: int, height: int) -> int:
    """The largest height up to `height` at which the ASCII `text` fits on one line of `width` dots."""
    wanted = sum(_char_width(ch, 1) for ch in text) or 1
    return max(1, min(height, math.floor(width / wanted)))


class _Layout:
    """Shared measures of one label: margins, module widths in dots, the text style."""

    def __init__(self, size: LabelSize, style: TextStyle, what: str) -> None:
        if style.mode == "graphic" and style.draw is None:
            raise ValueError("graphic text needs a drawing function")
        self.size, self.style = size, style
        self.label = Label(size, what)
        self.m, self.gap = size.dots(MARGIN_MM), size.dots(GAP_MM)
        self.inner = size.width - 2 * self.m
        self.min_module = math.ceil(MIN_MODULE_MM * DOTS_PER_MM[size.dpi])
        self.max_module = math.floor(MAX_MODULE_MM * DOTS_PER_MM[size.dpi])

    def refuse(self, width: int, height: int):
        size = self.size
        raise LabelDoesNotFit(
            self.label.what,
            (size.mm(max(width, size.width)), size.mm(max(height, size.height))),
            (size.width_mm, size.height_mm),
        )

    def module(self, modules: int, room: int, used_height: int) -> int:
        """The widest bar module (within bounds) for a symbol of `modules` in `room` dots, or a refusal."""
        module = min(self.max_module, room // modules)
        if module < self.min_module:
            self.refuse(modules * self.min_module + self.size.width - room, used_height)
        return module

    def human(self, box: Box, text: str, height: int, lines: int = 1, align: str = "L") -> None:
        """Human text in the printer's text mode: a named Unicode font, or a ^GFA bitmap of exactly the box."""
        if not text:
            return
        if self.style.mode == "graphic":
            self.label.graphic(box.x, box.y, self.style.draw(text, box.width, height, lines, align))
        else:
            fitted = fit_text(text, box.width, height, lines)
            self.label.text(box, fitted, height, lines=lines, align=align, font=self.style.font)

    def code_text(self, box: Box, text: str, align: str = "C") -> None:
        """An ASCII line (a code, digits under bars) in the printer's font 0, sized to fit its box."""
        self.label.text(box, text, _text_height(text, box.width, box.height), align=align)


def item_label(size: LabelSize, style: TextStyle, item: ItemLabel) -> Label:
    """Name (two lines), then the JAN as EAN-13 (or the item code as Code 128), then code and price."""
    lay = _Layout(size, style, "item label")
    m, gap, label = lay.m, lay.gap, lay.label
    name_h = max(size.dots(2.5), min(size.dots(4), size.height // 8))
    digits_h, foot_h = size.dots(2.4), size.dots(2.8)
    lay.human(Box(m, m, lay.inner, 2 * name_h), item.name, name_h, lines=2)
    y = m + 2 * name_h + gap
    bar_h = size.height - m - foot_h - digits_h - 2 * gap - y
    if bar_h < size.dots(MIN_BAR_MM):
        lay.refuse(size.width, size.height - bar_h + size.dots(MIN_BAR_MM))
    if item.jan:
        module = lay.module(EAN13_MODULES + sum(EAN13_QUIET), lay.inner, size.height)
        x = (size.width - ean13_width(module)) // 2
        symbol = place_ean13(label, x, y, module, bar_h, item.jan)
        shown = item.jan
    else:
        modules = code128_width(len(item.code), 1)
        module = lay.module(modules, lay.inner, size.height)
        x = (size.width - code128_width(len(item.code), module)) // 2
        symbol = place_code128(label, x, y, module, bar_h, item.code)
        shown = item.code
    lay.code_text(Box(symbol.x, y + bar_h + gap, symbol.width, digits_h), shown)
    foot_y = size.height - m - foot_h
    half = lay.inner // 2 if item.price else lay.inner
    lay.code_text(Box(m, foot_y, half, foot_h), item.code, align="L")
    if item.price:
        lay.human(Box(m + half, foot_y, lay.inner - half, foot_h), item.price, foot_h, align="R")
    return label


def bin_label(size: LabelSize, style: TextStyle, location: BinLabel) -> Label:
    """QR and the bin code in large type over its name, Code 128 of the code across the bottom."""
    lay = _Layout(size, style, "bin label")
    m, gap, label = lay.m, lay.gap, lay.label
    bar_h = max(size.dots(MIN_BAR_MM), size.height // 4)
    top_h = size.height - 2 * m - bar_h - gap
    modules = qr_modules(location.code) + 2 * QR_QUIET
    magnification = min(lay.max_module, top_h // modules)
    if magnification < lay.min_module:
        lay.refuse(size.width, size.height - top_h + modules * lay.min_module)
    qr = place_qr(label, m, m, magnification, location.code)
    right_x = m + qr.width + gap
    right_w = size.width - m - right_x
    if right_w < size.dots(10):
        lay.refuse(size.width - right_w + size.dots(10), size.height)
    code_h = min(size.dots(8), top_h // 2)
    lay.code_text(Box(right_x, m + gap, right_w, code_h), location.code, align="L")
    name_h = min(size.dots(3.5), max(1, (top_h - code_h - 2 * gap) // 2))
    lay.human(Box(right_x, m + 2 * gap + code_h, right_w, 2 * name_h), location.name, name_h, lines=2)
    module = lay.module(code128_width(len(location.code), 1), lay.inner, size.height)
    x = (size.width - code128_width(len(location.code), module)) // 2
    place_code128(label, x, size.height - m - bar_h, module, bar_h, location.code)
    return label


def case_label(size: LabelSize, style: TextStyle, case: CaseLabel) -> Label:
    """Item name and case size, the GS1-128 of (01) GTIN-14, (17) expiry and (10) lot, then the same in words."""
    lay = _Layout(size, style, "case label")
    m, gap, label = lay.m, lay.gap, lay.label
    name_h, line_h, human_h = size.dots(3.5), size.dots(3), size.dots(2.6)
    lay.human(Box(m, m, lay.inner, name_h), case.name, name_h)
    lay.human(Box(m, m + name_h + gap, lay.inner, line_h), word("case_of", case.lang, n=case.pack_qty), line_h)
    y = m + name_h + line_h + 2 * gap
    details = case.gs1.expiry or case.gs1.lot
    bar_h = size.height - m - y - human_h - gap - (line_h + gap if details else 0)
    if bar_h < size.dots(MIN_BAR_MM * 2):
        lay.refuse(size.width, size.height - bar_h + size.dots(MIN_BAR_MM * 2))
    _data, symbols = gs1_128_data(case.gs1)
    module = lay.module(code128_width(symbols, 1), lay.inner, size.height)
    x = (size.width - code128_width(symbols, module)) // 2
    place_gs1_128(label, x, y, module, bar_h, case.gs1)
    lay.code_text(Box(m, y + bar_h, lay.inner, human_h), case.gs1.human)
    if details:
        parts = []
        if case.gs1.expiry:
            parts.append(f"{word('expiry', case.lang)} {case.gs1.expiry:%Y-%m-%d}")
        if case.gs1.lot:
            parts.append(f"{word('lot', case.lang)} {case.gs1.lot}")
        lay.human(Box(m, size.height - m - line_h, lay.inner, line_h), "  ".join(parts), line_h)
    return label
