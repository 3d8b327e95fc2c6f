"""The owner's label printers: checked settings, each change in the audit trail, a refused change changing nothing."""

import pytest
from sqlalchemy import select

from tests.builders import make_user
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.models import AuditEvent, LabelPrinter
from webapp.services.labels import create_printer, list_printers, set_printer_active, update_printer

SHELF = {
    "name": "倉庫の Zebra ZD421",
    "host": "192.168.1.50",
    "port": "",
    "dpi": "203",
    "width_mm": "50",
    "height_mm": "30",
    "text_mode": "graphic",
    "font": "",
}


@pytest.fixture
def owner(app):
    return make_user("kobayashi", "owner")[0]


def _trail():
    return [(e.action, e.changes) for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_a_printer_gets_port_9100_and_the_unicode_font_by_default_and_its_creation_is_recorded(owner):
    printer = db.session.get(LabelPrinter, create_printer(owner, SHELF))
    assert (printer.port, printer.dpi, printer.width_mm, printer.font) == (9100, 203, 50.0, "E:ANMDJ.TTF")
    [(action, changes)] = _trail()
    assert action == "create" and changes["host"] == {"old": None, "new": "192.168.1.50"}


def test_a_change_is_recorded_field_by_field_and_switching_off_hides_it_from_the_print_menus(owner):
    printer_id = create_printer(owner, SHELF)
    update_printer(owner, printer_id, SHELF | {"dpi": "300", "height_mm": "25.5"})
    set_printer_active(owner, printer_id, False)
    assert _trail()[1] == ("update", {"dpi": {"old": 203, "new": 300}, "height_mm": {"old": 30.0, "new": 25.5}})
    assert _trail()[2][0] == "deactivate"
    assert list_printers(active_only=True) == [] and len(list_printers()) == 1


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("dpi", "600", "bad_dpi"),
        ("port", "70000", "out_of_range"),
        ("port", "91OO", "bad_number"),
        ("width_mm", "5", "out_of_range"),
        ("height_mm", "NaN", "bad_number"),
        ("host", "printer;rm -rf", "bad_host"),
        ("name", "", "bad_printer_name"),
        ("text_mode", "bitmap", "bad_text_mode"),
        ("font", "ANMDJ", "bad_font"),
    ],
)
def test_a_bad_setting_is_refused_by_its_field_and_nothing_is_saved(owner, field, value, code):
    with pytest.raises(InvalidInput) as refused:
        create_printer(owner, SHELF | {field: value})
    assert refused.value.code == code and field in refused.value.fields
    assert list_printers() == [] and _trail() == []


def test_two_printers_cannot_share_a_name(owner):
    create_printer(owner, SHELF)
    with pytest.raises(Conflict):
        create_printer(owner, SHELF | {"host": "192.168.1.51"})
