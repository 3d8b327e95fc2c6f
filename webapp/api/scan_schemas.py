"""Marshmallow schemas: the API's edge, loading requests into plain values and dumping results."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..domain.barcodes import MAX_LENGTH
from ..domain.expiry import LATER_LOT_REASONS
from ..domain.scanning import MAX_QUANTITY
from ..models.scans import SCAN_MODES
from ..services.scanning import ScanIn
from .bounded import Day, Id, Int, Timestamp


class ScanSchema(Schema):
    scan_id = fields.UUID(required=True)
    mode = fields.String(required=True, validate=validate.OneOf(SCAN_MODES))
    code = fields.String(load_default="", validate=validate.Length(max=MAX_LENGTH))
    quantity = Int(-MAX_QUANTITY, MAX_QUANTITY, load_default=1)
    occurred_at = Timestamp(required=True)
    location = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=64))
    to_location = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=64))
    site = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=40))
    task_id = Id(load_default=None, allow_none=True)
    undo_of = fields.UUID(load_default=None, allow_none=True)
    symbology = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=32))
    lot = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=40))
    expiry = Day(load_default=None, allow_none=True)
    # A serial-tracked unit's serial scanned or typed beside its item code (GS1 AI 21 in the code needs none).
    serial = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=40))
    # Why the picker took a later lot than first expiry first out proposed (the phone asks when told to).
    lot_reason = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(LATER_LOT_REASONS))
    # A shared phone names the worker who made each queued scan (accepted only for workers who signed in on it).
    worker_id = Id(load_default=None, allow_none=True)

    @validates_schema
    def check_rules(self, data, **_kwargs):
        qty = data.get("quantity", 1)
        mode = data.get("mode")
        if qty == 0:
            raise ValidationError("Quantity must not be zero.", "quantity")
        if abs(qty) > MAX_QUANTITY:
            raise ValidationError(f"Quantity must be at most {MAX_QUANTITY:,}.", "quantity")
        if qty < 0 and mode != "adjust":
            raise ValidationError("Only adjustments may have a negative quantity.", "quantity")
        if mode == "undo" and data.get("undo_of") is None:
            raise ValidationError("An undo must name the scan it undoes.", "undo_of")
        if mode != "undo" and data.get("undo_of") is not None:
            raise ValidationError("undo_of belongs to mode 'undo' only.", "undo_of")
        if mode != "undo" and not data.get("code", "").strip():
            raise ValidationError("The scanned code is required.", "code")
        if mode == "move" and not data.get("to_location"):
            raise ValidationError("A move needs the destination bin.", "to_location")

    def to_scan(self, data: dict) -> ScanIn:
        """The plain value the service takes (the worker it names is the caller's business)."""
        return ScanIn(**{k: v for k, v in data.items() if k != "worker_id"})


class BatchSchema(Schema):
    scans = fields.List(fields.Raw(), required=True, validate=validate.Length(min=1))


class ScanOutcomeSchema(Schema):
    scan_id = fields.String()
    status = fields.String()
    reason = fields.String()
    message = fields.String()
    first_status = fields.String()
    item_id = fields.Integer()
    item_code = fields.String()
    item_name = fields.String()
    quantity = fields.Integer()
    location = fields.String()
    stock_at_location = fields.Integer()
    warnings = fields.List(fields.String())
    params = fields.Dict()  # values for the device's translated message of `reason`
    task = fields.Dict()  # a task scan: {id, status, done, expected | bin_total} after it
    fields = fields.Dict()


scan_schema = ScanSchema()
batch_schema = BatchSchema()


def outcome_dict(outcome) -> dict:
    """An outcome as JSON, leaving out empty fields."""
    return {k: v for k, v in vars(outcome).items() if v not in (None, [], "")}
