"""CSV cells a spreadsheet cannot run: OWASP's rule against formula injection, kept off real numbers."""

import re

# What Excel, LibreOffice and Google Sheets start a formula (or DDE call) with.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Text that is a number as a whole (-3, +12, -0.5) is read as that number, never as a formula: it stays as it is.
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def neutralised_cell(value):
    """The cell as written, with a leading ' when text could start a formula; numbers and plain numeric text kept."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def neutralised_row(values) -> list:
    """Every cell of one CSV row through neutralised_cell."""
    return [neutralised_cell(v) for v in values]
