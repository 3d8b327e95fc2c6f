"""The barcode fields of a ZPL label (^BE EAN-13, ^BC Code 128 and GS1-128, ^BQ QR) and the room each takes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .gtin import is_valid_gtin, to_gtin14
from .zpl import Box, Label, field_data

EAN13_MODULES = 95
EAN13_QUIET = (11, 7)  # modules left and right, as GS1 asks
CODE128_QUIET = 10
QR_QUIET = 2  # modules each side kept clear on the label; scanners read a QR with less than the nominal 4
# Byte-mode capacity of QR versions 1-10 at error correction M: an upper bound on the size the printer picks.
_QR_BYTES_M = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213)
# GS1 AI (10) takes up to 20 characters of the GS1 character set 82.
LOT_PATTERN = re.compile(r"^[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$")


@dataclass(frozen=True)
class Gs1Case:
    """What a case's GS1-128 says: GTIN-14 of the case, expiry date, lot."""

    gtin14: str
    expiry: date | None = None
    lot: str = ""

    @property
    def human(self) -> str:
        """The element string as printed under the bars: (01)...(17)YYMMDD(10)LOT."""
        text = f"(01){self.gtin14}"
        if self.expiry:
            text += f"(17){self.expiry:%y%m%d}"
        return text + (f"(10){self.lot}" if self.lot else "")


def gs1_case(code: str, expiry: date | None = None, lot: str = "") -> Gs1Case:
    """A case's GS1 data from its case code (any GTIN, made GTIN-14), checking the lot against GS1's characters."""
    lot = (lot or "").strip()
    if lot and not LOT_PATTERN.match(lot):
        raise ValueError("A lot takes up to 20 letters, digits or GS1 punctuation.")
    return Gs1Case(to_gtin14(code), expiry, lot)


def _code128_b(text: str) -> tuple[str, int]:
    """Code 128 subset B data for ^BC (a > written >0, its invocation for code value 30) and its symbol count."""
    if not text or any(not 32 <= ord(ch) <= 126 for ch in text):
        raise ValueError("Code 128 takes printable ASCII only")
    return text.replace(">", ">0"), len(text)


def gs1_128_data(case: Gs1Case) -> tuple[str, int]:
    """^BC data of a GS1-128: start in subset C, FNC1 (>8), the fixed-length AIs, then (10) lot in subset B.

    The lot goes last because it is the only variable-length AI, so no FNC1 separator is needed after it.
    Returns the data and the number of symbols between start and check character.
    """
    digits = "01" + case.gtin14 + (f"17{case.expiry:%y%m%d}" if case.expiry else "") + ("10" if case.lot else "")
    data, symbols = ">;>8" + digits, 1 + len(digits) // 2
    if case.lot:
        lot, count = _code128_b(case.lot)
        data, symbols = data + ">6" + lot, symbols + 1 + count
    return data, symbols


def code128_width(symbols: int, module: int) -> int:
    """Dots of a Code 128 with `symbols` data symbols: start, data, check (11 modules each), stop (13), quiet zones."""
    return ((symbols + 2) * 11 + 13 + 2 * CODE128_QUIET) * module


def ean13_width(module: int) -> int:
    """Dots of an EAN-13 with its quiet zones."""
    return (EAN13_MODULES + sum(EAN13_QUIET)) * module


def qr_modules(data: str) -> int:
    """Modules across the QR the printer makes for `data` at error correction M (at most; byte mode)."""
    size = len(data.encode("utf-8"))
    for version, capacity in enumerate(_QR_BYTES_M, start=1):
        if size <= capacity:
            return 17 + 4 * version
    raise ValueError("Too long for a label QR code")


def place_ean13(label: Label, x: int, y: int, module: int, height: int, jan: str) -> Box:
    """^BE for a 13-digit JAN whose check digit is right; the printer adds the check digit to the 12 sent."""
    if len(jan) != 13 or not is_valid_gtin(jan):
        raise ValueError(f"{jan!r} is not an EAN-13 with a right check digit")
    box = Box(x, y, ean13_width(module), height)
    bars_x = x + EAN13_QUIET[0] * module
    label.place(Box(bars_x, y, EAN13_MODULES * module, height), f"^BY{module}^BEN,{height},N,N{field_data(jan[:12])}")
    return box


def place_code128(label: Label, x: int, y: int, module: int, height: int, text: str) -> Box:
    """^BC in subset B for a bin or item code."""
    data, symbols = _code128_b(text)
    return _place_bc(label, x, y, module, height, data, symbols)


def place_gs1_128(label: Label, x: int, y: int, module: int, height: int, case: Gs1Case) -> Box:
    """^BC as GS1-128 (FNC1 first) for a case."""
    data, symbols = gs1_128_data(case)
    return _place_bc(label, x, y, module, height, data, symbols)


def _place_bc(label: Label, x: int, y: int, module: int, height: int, data: str, symbols: int) -> Box:
    width = code128_width(symbols, module)
    bars = Box(x + CODE128_QUIET * module, y, width - 2 * CODE128_QUIET * module, height)
    label.place(bars, f"^BY{module}^BCN,{height},N,N,N{field_data(data)}")
    return Box(x, y, width, height)


def place_qr(label: Label, x: int, y: int, magnification: int, text: str) -> Box:
    """^BQ model 2 at error correction M, automatic input mode, inside its own quiet zone."""
    side = (qr_modules(text) + 2 * QR_QUIET) * magnification
    inner = Box(x + QR_QUIET * magnification, y + QR_QUIET * magnification, side - 2 * QR_QUIET * magnification, 0)
    label.place(Box(inner.x, inner.y, inner.width, inner.width), f"^BQN,2,{magnification}{field_data('MA,' + text)}")
    return Box(x, y, side, side)
