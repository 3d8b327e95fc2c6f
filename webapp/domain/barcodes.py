"""What a scanned code is: a GTIN, a GS1 element string (with lot, expiry, serial, count) or plain text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from biip import ParseError
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_element_strings import GS1ElementStrings
from biip.gs1_messages import GS1Message

from webapp.domain.gtin import (
    MalformedCode,
    expand_upce,
    gtin_check_digit,
    is_valid_gtin,
    to_gtin14,
)
from webapp.domain.typed import normalise_code

__all__ = [
    "MalformedCode",
    "ParsedCode",
    "barcode_key",
    "expand_upce",
    "gtin_check_digit",
    "is_valid_gtin",
    "normalise_symbology",
    "parse_code",
    "to_gtin14",
]

# Long enough for a QR or Data Matrix holding a few lines of text; static/js/codes.js accepts the same.
MAX_LENGTH = 2000
# Lookup keys are stored in indexed columns of 200 characters: a longer text is keyed by its start and a digest.
KEY_LENGTH = 200
GS = "\x1d"  # GS1 separator; scanners send it for FNC1
# Whitespace except the information separators \x1c-\x1f, which Python counts as whitespace.
_EDGE_SPACE = re.compile(r"^[^\S\x1c-\x1f]+|[^\S\x1c-\x1f]+$")
# Control characters other than tab and line breaks, which 2D codes carry in their text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1c\x1e-\x1f\x7f-\x9f]")
# ]Xm: ISO/IEC 15424 symbology identifier (flag, code character, one modifier).
_IDENTIFIER = re.compile(r"^\]([A-Za-z])([0-9])")
_GS1_IDENTIFIERS = {"C1", "d2", "Q3", "e0", "e1", "e2", "J1"}
_IDENTIFIER_NAMES = {"E0": "ean13", "E3": "ean13", "E4": "ean8", "I1": "itf14", "C1": "gs1_128"}
_CODE_CHAR_NAMES = {
    "A": "code39",
    "C": "code128",
    "E": "ean13",
    "d": "datamatrix",
    "e": "gs1_databar",
    "F": "codabar",
    "G": "code93",
    "I": "itf",
    "L": "pdf417",
    "Q": "qr",
    "z": "aztec",
    "J": "dotcode",
}
# Spellings from BarcodeDetector ("ean_13", "qr_code"), ZXing ("UPC_E") and people.
_SYMBOLOGY_ALIASES = {
    "ean13": "ean13",
    "jan": "ean13",
    "jan13": "ean13",
    "ean8": "ean8",
    "jan8": "ean8",
    "upca": "upc_a",
    "upce": "upc_e",
    "code128": "code128",
    "gs1128": "gs1_128",
    "ean128": "gs1_128",
    "code39": "code39",
    "code93": "code93",
    "itf": "itf",
    "itf14": "itf14",
    "datamatrix": "datamatrix",
    "gs1datamatrix": "datamatrix",
    "qr": "qr",
    "qrcode": "qr",
    "gs1qr": "qr",
    "gs1databar": "gs1_databar",
    "databar": "gs1_databar",
    "rss14": "gs1_databar",
    "databaromni": "gs1_databar",
    "databarlimited": "gs1_databar",
    "databarexpanded": "gs1_databar",
    "rssexpanded": "gs1_databar",
    "codabar": "codabar",
    "nw7": "codabar",
    "pdf417": "pdf417",
}
# Formats that carry a GTIN and nothing else: their check digit is enforced, a wrong one is a misread.
_RETAIL = {"ean13", "ean8", "upc_a", "upc_e"}
_CODABAR_FRAME = re.compile(r"^[A-D](.+)[A-D]$", re.IGNORECASE)
_URI = re.compile(r"^https?://", re.IGNORECASE)
_DIGITAL_LINK_GTIN = re.compile(r"/01/\d{8,14}(?:[/?#]|$)")
_HRI = re.compile(r"^\(\d{2,4}\)")
_UNSEPARATED_GS1 = re.compile(r"^01\d{14}")


@dataclass(frozen=True)
class ParsedCode:
    """One well-formed scan: its kind, lookup keys (most specific first) and GS1 data."""

    raw: str
    kind: str
    candidates: tuple[str, ...]
    gtin: str | None = None
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None
    count: int | None = None
    symbology: str | None = None


def normalise_symbology(name: str | None) -> str | None:
    """Return the lower-case symbology name ("ean13", "upc_e", "qr"...) for any common spelling."""
    if not name or not name.strip():
        return None
    squashed = re.sub(r"[^a-z0-9]", "", name.lower())
    return _SYMBOLOGY_ALIASES.get(squashed, re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_"))


def barcode_key(code: str, symbology: str | None = None) -> str:
    """Return the key under which a registered barcode is stored."""
    return parse_code(code, symbology).candidates[0]


def parse_code(raw: str, symbology: str | None = None) -> ParsedCode:
    """Classify and validate one scanned or typed code (typed full-width forms read as their ASCII)."""
    raw = _clean(normalise_code(raw))
    body, identifier = raw, None
    match = _IDENTIFIER.match(raw)
    if match and match[1] in _CODE_CHAR_NAMES:
        identifier, body = match[1] + match[2], raw[3:]
    if identifier:
        symbology = _IDENTIFIER_NAMES.get(identifier) or _CODE_CHAR_NAMES[identifier[0]]
    else:
        symbology = normalise_symbology(symbology)
    gs1_expected = identifier in _GS1_IDENTIFIERS or body.startswith(GS)
    body = body.lstrip(GS)  # a leading FNC1 only says "GS1 data follows"
    if symbology == "codabar":  # start and stop characters (A-D) frame the data; records hold only the data
        body = _CODABAR_FRAME.sub(r"\1", body)
    if not body:
        raise MalformedCode("empty", "The code is empty: nothing after the symbology identifier.")
    base = {"raw": raw, "symbology": symbology}

    if _URI.match(body):
        return _parse_digital_link(body, base)
    if gs1_expected or GS in body:
        return _from_elements(_gs1_message(body).element_strings, base)
    if _HRI.match(body):
        return _from_elements(_gs1_message(body, hri=True).element_strings, base)

    digits = unicodedata.normalize("NFKC", body)  # "４９０１..." typed with a Japanese IME
    if digits.isascii() and digits.isdigit():
        if identifier == "E3" and len(digits) in (15, 18):
            digits = digits[:13]  # EAN-13 followed by its 2- or 5-digit add-on
        if symbology and symbology not in _RETAIL and not (symbology.startswith("itf") and len(digits) == 14):
            # The detector's format decides the check, not the length: a Code 128 or Codabar of digits
            # is a GTIN only when its check digit agrees.
            if is_valid_gtin(digits):
                return ParsedCode(kind="gtin", candidates=(to_gtin14(digits),), gtin=to_gtin14(digits), **base)
        elif len(digits) in (8, 12, 13, 14) or (symbology == "upc_e" and len(digits) in (6, 7)):
            return _parse_gtin(digits, symbology, base)
    if _UNSEPARATED_GS1.match(body):
        # GS1-128 from a scanner that drops the ]C1 prefix; without it this is only a guess,
        # so a string biip cannot read stays text, but a wrong GTIN check digit is a misread.
        try:
            message = _gs1_message(body)
        except MalformedCode:
            message = None
        if message is not None:
            return _from_elements(message.element_strings, base)
    # Code 39 may end in an optional mod-43 check character; it is not enforced because
    # whether a label carries one is a printer setting we cannot know, so such codes stay text.
    return ParsedCode(kind="text", candidates=(text_key(body),), **base)


def text_key(body: str) -> str:
    """The lookup key of a text code: itself, or its start and a digest when longer than a key column holds."""
    if len(body) <= KEY_LENGTH:
        return body
    return body[: KEY_LENGTH - 21] + "#" + hashlib.sha256(body.encode()).hexdigest()[:20]


def _clean(raw: str) -> str:
    code = _EDGE_SPACE.sub("", raw)
    if not code:
        raise MalformedCode("empty", "The code is empty.")
    if len(code) > MAX_LENGTH:
        raise MalformedCode("too_long", f"The code is {len(code)} characters long; at most {MAX_LENGTH} are accepted.")
    if _CONTROL.search(code):
        raise MalformedCode("bad_characters", "The code contains control characters; scan it again.")
    return code


def _parse_gtin(digits: str, symbology: str | None, base: dict) -> ParsedCode:
    if symbology == "upc_e" and len(digits) <= 8:
        gtins = (to_gtin14(expand_upce(digits)),)
    elif len(digits) != 8 or symbology == "ean8":
        gtins = (to_gtin14(digits),)
    else:  # EAN-8 or UPC-E? Prefer EAN-8, offer the UPC-A as a second key.
        upc_a = _try_upce(digits)
        if upc_a and not is_valid_gtin(digits):
            gtins = (to_gtin14(upc_a),)
        else:
            gtins = (to_gtin14(digits),) + ((to_gtin14(upc_a),) if upc_a else ())
    return ParsedCode(kind="gtin", candidates=gtins, gtin=gtins[0], **base)


def _try_upce(digits: str) -> str | None:
    try:
        return expand_upce(digits)
    except MalformedCode:
        return None


def _gs1_message(body: str, hri: bool = False) -> GS1Message:
    try:
        return GS1Message.parse_hri(body) if hri else GS1Message.parse(body)
    except ParseError as exc:
        raise MalformedCode("bad_gs1", f"Not a valid GS1 element string: {exc}") from exc


def _parse_digital_link(uri: str, base: dict) -> ParsedCode:
    try:
        link = GS1DigitalLinkURI.parse(uri)
    except ParseError as exc:
        if _DIGITAL_LINK_GTIN.search(uri):
            raise MalformedCode("bad_gs1", f"Not a valid GS1 Digital Link: {exc}") from exc
        link = None
    if link is None or link.element_strings.get(ai="01") is None:
        return ParsedCode(kind="text", candidates=(text_key(uri),), **base)  # an ordinary web address
    return _from_elements(link.element_strings, base)


def _from_elements(elements: GS1ElementStrings, base: dict) -> ParsedCode:
    def value(ai: str) -> str | None:
        element = elements.get(ai=ai)
        return element.value if element is not None else None

    # AI 02 is the GTIN of the trade items inside a logistic unit, counted by AI 37.
    gtin = value("01") or value("02")
    if gtin is not None and not is_valid_gtin(gtin):
        expected = gtin_check_digit(gtin[:-1])
        raise MalformedCode(
            "bad_check_digit",
            f"GTIN {gtin} in the GS1 code has a wrong check digit (expected {expected}): scan again.",
        )
    expiry = elements.get(ai="17")
    count = value("37") or value("30")
    key = gtin or text_key(GS1Message.from_element_strings(elements).as_hri())
    return ParsedCode(
        kind="gs1",
        candidates=(key,),
        gtin=gtin,
        lot=value("10"),
        expiry=expiry.date if expiry is not None else None,
        serial=value("21"),
        count=int(count) if count is not None else None,
        **base,
    )
