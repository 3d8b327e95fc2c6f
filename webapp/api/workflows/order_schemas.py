"""Request schemas of the purchase-order life-cycle endpoints, every field bounded."""

from marshmallow import Schema, fields, validate

from ...domain.purchase_orders import SEND_CHANNELS
from ..bounded import Day, Id, Int, Text


class DraftLineIn(Schema):
    item = Text(200, 1, required=True)
    quantity = Int(1, 1_000_000, required=True)
    expected_date = Day(load_default=None, allow_none=True)
    note = Text(200, load_default="")


class DraftLinePatch(Schema):
    quantity = Int(1, 1_000_000, required=True)
    expected_date = Day(load_default=None, allow_none=True)
    note = Text(200, load_default="")


class DraftPatch(Schema):
    remarks = Text(2000, required=True)


class SentIn(Schema):
    channel = fields.String(required=True, validate=validate.OneOf(SEND_CHANNELS))


class CancelIn(Schema):
    reason = Text(500, load_default="")


class MergeIn(Schema):
    orders = fields.List(Id(), required=True, validate=validate.Length(min=2, max=50))


class CompanyIn(Schema):
    name = Text(200, load_default="")
    postal_code = Text(16, load_default="")
    address = Text(300, load_default="")
    phone = Text(40, load_default="")
    fax = Text(40, load_default="")
    email = Text(200, load_default="")
    person_in_charge = Text(100, load_default="")
    standard_tax_percent = Int(0, 100, load_default=10)
    reduced_tax_percent = Int(0, 100, load_default=8)


draft_line_in, draft_line_patch, draft_patch = DraftLineIn(), DraftLinePatch(), DraftPatch()
sent_in, cancel_in, merge_in, company_in = SentIn(), CancelIn(), MergeIn(), CompanyIn()
