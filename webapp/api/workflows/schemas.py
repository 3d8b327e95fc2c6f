"""Request schemas of the workflow endpoints."""

from datetime import UTC

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from ...models.workflows import COUNT_SCOPES
from ...services.picking import SHORT_REASONS
from ..bounded import Id, Int, StrictBool, Text, Timestamp


class LineIn(Schema):
    item = fields.String(required=True, validate=validate.Length(min=1, max=200))
    quantity = Int(1, 1_000_000, required=True)


class OrderIn(Schema):
    site = fields.String(required=True, validate=validate.Length(min=1, max=40))
    supplier = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=40))
    number = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=40))
    reference = fields.String(load_default="", validate=validate.Length(max=200))
    note = fields.String(load_default="", validate=validate.Length(max=2000))
    draft = fields.Boolean(load_default=False)
    lines = fields.List(fields.Nested(LineIn), required=True, validate=validate.Length(min=1, max=1000))

    @post_load
    def pairs(self, data, **_kw):
        data["pairs"] = [(ln["item"], ln["quantity"]) for ln in data["lines"]]
        return data


class ShortIn(Schema):
    reason = fields.String(required=True, validate=validate.OneOf(SHORT_REASONS))
    note = fields.String(load_default="", validate=validate.Length(max=500))


class CountIn(Schema):
    site = fields.String(required=True, validate=validate.Length(min=1, max=40))
    scope = fields.String(load_default="site", validate=validate.OneOf(COUNT_SCOPES))
    zone = fields.String(load_default="", validate=validate.Length(max=40))
    bins = fields.List(fields.String(validate=validate.Length(min=1, max=64)), load_default=list)
    items = fields.List(fields.String(validate=validate.Length(min=1, max=200)), load_default=list)
    blind = fields.Boolean(load_default=True)
    title = fields.String(load_default="", validate=validate.Length(max=200))
    # A worker who counts it and may approve it besides its creator and the managers.
    assigned_to = Id(load_default=None, allow_none=True)


class RecountIn(Schema):
    lines = fields.List(Id(), required=True, validate=validate.Length(min=1, max=1000))


class CloseIn(Schema):
    reason = Text(500, load_default="")


class ApproveIn(Schema):
    zero_uncounted = StrictBool(load_default=False)


order_in, short_in, count_in, recount_in = OrderIn(), ShortIn(), CountIn(), RecountIn()
close_in, approve_in = CloseIn(), ApproveIn()


class ActionIn(Schema):
    """One task action from a phone's queue: a short pick (line and reason) or completing the list."""

    action_id = fields.UUID(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(("short", "complete")))
    task_id = Id(required=True)
    line_id = Id(load_default=None, allow_none=True)
    reason = fields.String(load_default="", validate=validate.OneOf(SHORT_REASONS + ("",)))
    note = fields.String(load_default="", validate=validate.Length(max=500))
    occurred_at = Timestamp(load_default=None, allow_none=True, default_timezone=UTC)
    worker_id = Id(load_default=None, allow_none=True)

    @validates_schema
    def short_needs_line_and_reason(self, data, **_kw):
        if data["kind"] == "short" and (data.get("line_id") is None or not data.get("reason")):
            raise ValidationError("A short pick needs its line and a reason.", "line_id")


action_in = ActionIn()
