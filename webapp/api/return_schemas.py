"""Request schemas of the returns endpoints, every field bounded to its column."""

from marshmallow import Schema, fields, validate

from ..domain.returns import KINDS, NOTE_MAX, REASONS
from .bounded import Day, Id, Int, QueryInt, Text, Timestamp


class CustomerReturnIn(Schema):
    request_id = fields.UUID(required=True)
    item = Text(200, 1, required=True)
    quantity = Int(1, 1_000_000, required=True)
    bin = Text(64, 1, required=True)
    reason = fields.String(required=True, validate=validate.OneOf(REASONS))
    note = Text(NOTE_MAX, load_default="")
    lot = Text(40, load_default="")
    expiry = Day(load_default=None, allow_none=True)
    pick_list = Text(40, load_default="")
    serial = Text(40, load_default="")
    returned_at = Timestamp(load_default=None, allow_none=True)


class SupplierReturnIn(Schema):
    request_id = fields.UUID(required=True)
    line_id = Id(required=True)
    quantity = Int(1, 1_000_000, required=True)
    bin = Text(64, 1, required=True)
    reason = fields.String(required=True, validate=validate.OneOf(REASONS))
    note = Text(NOTE_MAX, load_default="")
    lot = Text(40, load_default="")
    serial = Text(40, load_default="")
    returned_at = Timestamp(load_default=None, allow_none=True)


RETURNS_QUERY = {
    "kind": fields.String(load_default=None, validate=validate.OneOf(KINDS)),
    "supplier_id": QueryInt(1),
    "task_id": QueryInt(1),
}
customer_return_in, supplier_return_in = CustomerReturnIn(), SupplierReturnIn()
