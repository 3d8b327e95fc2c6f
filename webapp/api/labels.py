"""Thermal labels through the API: the active label printers, and an item, case or bin labels as ZPL, sent to a
printer or returned as the .zpl file."""

from flask import Response, jsonify
from flask_login import current_user
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..auth.roles import require_role
from ..domain.zpl import MAX_COPIES
from ..services.labels import MAX_BINS, bin_labels, case_label, item_label, list_printers, print_job
from .blueprint import api_bp
from .bounded import Day, Id, Int, StrictBool, Text
from .params import json_body

_NEEDS = {"item": "item_id", "case": "barcode_id", "bins": "bin_ids"}


class LabelIn(Schema):
    """Which labels, on which printer, how many; `send` prints them, else the ZPL comes back."""

    printer_id = Id(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(tuple(_NEEDS)))
    item_id = Id(load_default=None)
    barcode_id = Id(load_default=None)
    bin_ids = fields.List(Id(), load_default=None, validate=validate.Length(min=1, max=MAX_BINS))
    copies = Int(1, MAX_COPIES, load_default=1)
    lot = Text(20, load_default="")
    expiry = Day(load_default=None, allow_none=True)
    price = StrictBool(load_default=False)
    lang = fields.String(load_default="ja", validate=validate.OneOf(("ja", "en")))
    send = StrictBool(load_default=False)

    @validates_schema
    def _target(self, data, **_kwargs):
        field = _NEEDS.get(data.get("kind"))
        if field and data.get(field) is None:
            raise ValidationError(f"{field} is required for {data['kind']} labels.", field)


def _printer_json(p) -> dict:
    return {"id": p.id, "name": p.name, "dpi": p.dpi, "width_mm": p.width_mm, "height_mm": p.height_mm}


@api_bp.get("/label-printers")
@require_role("manager")
def label_printers():
    """The active label printers: name, dpi and label size (never their addresses)."""
    return jsonify([_printer_json(p) for p in list_printers(active_only=True)])


@api_bp.post("/labels/zpl")
@require_role("manager")
def label_zpl():
    """Item, case or bin labels as ZPL for a printer: printed when `send` is true, else the .zpl file."""
    data = LabelIn().load(json_body())
    printer, copies = data["printer_id"], data["copies"]
    if data["kind"] == "item":
        job = item_label(printer, data["item_id"], copies=copies, lang=data["lang"], price=data["price"])
    elif data["kind"] == "case":
        job = case_label(
            printer, data["barcode_id"], copies=copies, lang=data["lang"], lot=data["lot"], expiry=data["expiry"]
        )
    else:
        job = bin_labels(printer, data["bin_ids"], copies=copies)
    if data["send"]:
        print_job(current_user.id, job)
        return jsonify({"printed": job.labels, "kind": job.kind, "for": job.target})
    headers = {"Content-Disposition": f'attachment; filename="{job.filename}"'}
    return Response(job.zpl, mimetype="application/zpl", headers=headers)
