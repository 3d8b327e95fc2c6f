"""`flask import-csv` reads a file as Japanese Excel saved it, and names the line of bytes it cannot read."""

from sqlalchemy import select

from tests.builders import make_supplier
from webapp.extensions import db
from webapp.models import Item

ROWS = "code,name,name_en,supplier_code\nTEA-SENCHA,静岡煎茶 100g,Shizuoka sencha,SUP-YAMADA\n"


def test_the_command_imports_a_shift_jis_file(app, tmp_path):
    make_supplier("SUP-YAMADA", "株式会社山田商事")
    path = tmp_path / "商品.csv"
    path.write_bytes(ROWS.encode("cp932"))
    result = app.test_cli_runner().invoke(args=["import-csv", "items", str(path)])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(Item.name).where(Item.code == "TEA-SENCHA")) == "静岡煎茶 100g"


def test_the_command_refuses_an_undecodable_file_naming_its_line(app, tmp_path):
    path = tmp_path / "壊れた.csv"
    path.write_bytes(ROWS.encode("cp932") + b"BOX-60,\x81\x20,,\n")
    result = app.test_cli_runner().invoke(args=["import-csv", "items", str(path)])
    assert result.exit_code == 1 and "line 3 is neither UTF-8 nor Shift_JIS" in result.output
    assert db.session.scalar(select(Item)) is None
