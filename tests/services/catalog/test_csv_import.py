"""CSV import: a dry run shows what would change, a wrong row names itself, and nothing is half-imported."""

from sqlalchemy import func, select

from tests.builders import make_site, make_supplier
from webapp.extensions import db
from webapp.models import Barcode, Item, Location, Movement, StockLevel
from webapp.services.catalog import import_csv

ITEMS = """\ufeffcode,name,name_en,stock_class,category,unit,unit_cost,unit_price,lead_time_days,min_order_qty,order_multiple,supplier_code
TEA-SENCHA,静岡煎茶 100g,Shizuoka sencha,product,supermarket,bag,380,864,2,24,12,SUP-KIKUCHI
BOX-60,段ボール箱 60サイズ,"Carton, size 60",material,manufacturing_parts,pcs,55,0,7,100,50,
"""


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_dry_run_checks_every_row_and_writes_nothing(app):
    make_supplier()
    report = import_csv("items", ITEMS, dry_run=True)
    assert report["errors"] == [] and report["created"] == 2 and report["preview"][1]["name"] == "段ボール箱 60サイズ"
    assert count(Item) == 0


def test_one_wrong_row_is_named_and_no_row_is_imported(app):
    make_supplier()
    bad = ITEMS + "CLOCK,レトロ置時計,,gadget,general,pcs,1200,2480,5,1,1,SUP-NOBODY\n"
    report = import_csv("items", bad)
    assert [(e["row"], e["field"], e["code"]) for e in report["errors"]] == [
        (4, "stock_class", "bad_stock_class"),
        (4, "supplier_code", "unknown_supplier"),
    ]
    assert count(Item) == 0


def test_items_barcodes_locations_and_opening_stock_import_in_turn(app):
    make_supplier()
    make_site(bins=())
    assert import_csv("items", ITEMS)["errors"] == []
    tea = db.session.scalar(select(Item).where(Item.code == "TEA-SENCHA"))
    assert (tea.order_multiple, tea.supplier.code, str(tea.unit_cost)) == (12, "SUP-KIKUCHI", "380.0000")
    assert (
        import_csv(
            "barcodes", "item_code,barcode,pack_qty\nTEA-SENCHA,4912345000088,1\nTEA-SENCHA,14912345000085,12\n"
        )["errors"]
        == []
    )
    assert count(Barcode) == 2
    assert (
        import_csv(
            "locations",
            "site_code,code,name,zone,kind,walk_seq\nTKY,A-01-01,A通路 1棚,A,bin,10\nTKY,A-01-02,A通路 2棚,A,bin,20\n",
        )["errors"]
        == []
    )
    report = import_csv(
        "opening_stock", "location_code,item_code,quantity\nA-01-01,TEA-SENCHA,48\nA-01-02,BOX-60,300\n"
    )
    assert report["errors"] == [] and count(Movement) == 2
    assert db.session.scalar(select(func.sum(StockLevel.quantity))) == 348


def test_a_bad_barcode_and_a_missing_column_are_reported(app):
    make_site(bins=())
    assert import_csv("barcodes", "item_code,barcode\nNOPE,4912345000089\n")["errors"][0]["field"] == "item_code"
    report = import_csv("locations", "site,code\nTKY,A-01-01\n")
    assert [(e["row"], e["field"], e["message"]) for e in report["errors"]] == [(1, "site_code", "missing column")]
    assert count(Location) == 1  # only the receiving bin of make_site
