"""CSV cells that could start a formula in Excel get a leading quote; numbers the product writes stay numbers."""

import pytest

from webapp.domain.spreadsheet_cells import neutralised_cell, neutralised_row


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x","y")',
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "\t=1+1",
        "\r=1+1",
        "-",
        "+81 3-1234-5678",
    ],
)
def test_text_that_could_start_a_formula_gets_a_leading_quote(text):
    assert neutralised_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["レトロ置時計", "静岡煎茶 100g", "TEA-SENCHA", "A-01-01", "4901234567894", "", "1=1"])
def test_ordinary_text_is_left_alone(text):
    assert neutralised_cell(text) == text


@pytest.mark.parametrize("value", [-3, 0, 12, -0.5, True, None, "-3", "+12", "-0.5"])
def test_numbers_and_text_that_is_wholly_a_number_stay_as_they_are(value):
    assert neutralised_cell(value) == value


def test_a_row_keeps_its_numbers_and_quotes_its_formulas():
    row = ['=HYPERLINK("http://x","y")', "置時計", -3, 20, "+cmd|' /C calc'!A0"]
    assert neutralised_row(row) == ['\'=HYPERLINK("http://x","y")', "置時計", -3, 20, "'+cmd|' /C calc'!A0"]
