"""GTIN arithmetic: GS1 mod-10 check digits, GTIN-14 padding, UPC-E expansion."""

from __future__ import annotations

_GTIN_LENGTHS = (8, 12, 13, 14)


class MalformedCode(ValueError):
    """A code that cannot be what it claims: bad check digit, empty, control characters, too long, broken GS1 string."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _is_ascii_digits(value: str) -> bool:
    # str.isdigit() also accepts "４" (full-width) and "²"; keys must be plain ASCII.
    return value.isascii() and value.isdigit()


def gtin_check_digit(body: str) -> int:
    """Return the GS1 mod-10 check digit for a body of any length."""
    if not body or not _is_ascii_digits(body):
        raise MalformedCode("bad_characters", f"A check digit needs digits only, got {body!r}.")
    # Weights 3,1,3,1... from the rightmost digit of the body.
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """Tell whether code is an 8, 12, 13 or 14 digit GTIN with a correct check digit."""
    if len(code) not in _GTIN_LENGTHS or not _is_ascii_digits(code):
        return False
    return gtin_check_digit(code[:-1]) == int(code[-1])


def to_gtin14(code: str) -> str:
    """Return the zero-padded GTIN-14 of a valid GTIN-8/12/13/14."""
    if len(code) not in _GTIN_LENGTHS or not _is_ascii_digits(code):
        raise MalformedCode("bad_gtin", f"{code!r} is not a GTIN: expected 8, 12, 13 or 14 digits.")
    if not is_valid_gtin(code):
        expected = gtin_check_digit(code[:-1])
        raise MalformedCode(
            "bad_check_digit",
            f"Check digit of {code!r} is wrong (expected {expected}): probably a misread, scan again.",
        )
    return code.zfill(14)


def expand_upce(code: str) -> str:
    """Expand a UPC-E (8 digits, or 6/7 without check digit) into its 12-digit UPC-A."""
    if len(code) not in (6, 7, 8) or not _is_ascii_digits(code):
        raise MalformedCode("bad_upce", f"{code!r} is not a UPC-E: expected 6, 7 or 8 digits.")
    if len(code) == 6:
        code = "0" + code  # six digits: number system 0 is implied
    if code[0] not in "01":
        raise MalformedCode("bad_upce", f"{code!r} is not a UPC-E: number system must be 0 or 1.")
    ns, d, last = code[0], code[1:6], code[6]
    if last in "012":
        body = f"{ns}{d[:2]}{last}0000{d[2:5]}"
    elif last == "3":
        body = f"{ns}{d[:3]}00000{d[3:5]}"
    elif last == "4":
        body = f"{ns}{d[:4]}00000{d[4]}"
    else:
        body = f"{ns}{d}0000{last}"
    check = gtin_check_digit(body)
    if len(code) == 8 and int(code[7]) != check:
        raise MalformedCode(
            "bad_check_digit",
            f"Check digit of UPC-E {code!r} is wrong (expected {check}): probably a misread, scan again.",
        )
    return f"{body}{check}"
