"""Schemas for catalog, sites, stock, movements and alerts."""

from marshmallow import Schema, fields, validate

from ...domain.pack_levels import LEVELS, MAX_PACK, MIN_PACK
from ...models.catalog import ORDER_POLICIES, STOCK_CLASSES
from ...models.locations import LOCATION_KINDS, SITE_KINDS
from ..bounded import Id, Int

Money = fields.Decimal(as_string=True, validate=validate.Range(min=0, max=1_000_000_000))  # stored x10^4 in 64 bits


class BarcodeInSchema(Schema):
    code = fields.String(required=True, validate=validate.Length(min=1, max=200))
    pack_qty = Int(1, 100_000, load_default=1)


class BarcodeSchema(Schema):
    id = fields.Integer(dump_only=True)
    code = fields.String()
    raw = fields.String()
    pack_qty = fields.Integer()


class ItemSchema(Schema):
    id = fields.Integer(dump_only=True)
    version = fields.Integer(dump_only=True)
    code = fields.String(required=True, validate=validate.Length(min=1, max=64))
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    name_en = fields.String(validate=validate.Length(max=200))
    stock_class = fields.String(validate=validate.OneOf(STOCK_CLASSES))
    category = fields.String(validate=validate.Length(max=40))
    unit = fields.String(validate=validate.Length(min=1, max=16))
    unit_cost = Money
    unit_price = Money
    lead_time_days = Int(0, 365)
    review_interval_days = Int(0, 365)
    service_level = fields.Decimal(as_string=True, validate=validate.Range(min=0.5, max=0.9999))
    safety_stock = Int(0)
    reorder_point = Int(0)
    max_stock = Int(0, allow_none=True)
    expiry_alert_days = Int(0, 3650, allow_none=True)
    min_order_qty = Int(1)
    order_multiple = Int(1)
    inner_qty = Int(MIN_PACK, MAX_PACK, allow_none=True)  # eaches in a ボール; the service checks it with the case
    case_qty = Int(MIN_PACK, MAX_PACK, allow_none=True)
    order_in = fields.String(validate=validate.OneOf(LEVELS))
    supplier_id = Id(allow_none=True)
    serial_tracked = fields.Boolean()
    order_policy = fields.String(validate=validate.OneOf(ORDER_POLICIES))
    fixed_order_qty = Int(1, allow_none=True)
    use_eoq = fields.Boolean()
    note = fields.String(validate=validate.Length(max=2000))
    active = fields.Boolean()
    barcodes = fields.List(fields.Nested(BarcodeSchema), dump_only=True)
    new_barcodes = fields.List(fields.Nested(BarcodeInSchema), load_only=True, data_key="barcodes_in")


class ItemPatchSchema(ItemSchema):
    code = fields.String(validate=validate.Length(min=1, max=64))
    name = fields.String(validate=validate.Length(min=1, max=200))
    expected_version = Int(0, load_only=True, data_key="version")


class SupplierSchema(Schema):
    id = fields.Integer(dump_only=True)
    code = fields.String(required=True, validate=validate.Length(min=1, max=40))
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    email = fields.Email(allow_none=True)
    phone = fields.String(allow_none=True, validate=validate.Length(max=40))
    lead_time_days = Int(0, 365)
    # Yen per order for the EOQ; null: the shop's default (company page).
    ordering_cost = fields.Decimal(as_string=True, allow_none=True, validate=validate.Range(min=0, max=1_000_000_000))
    note = fields.String(validate=validate.Length(max=2000))
    language = fields.String(validate=validate.OneOf(("ja", "en")))  # of its order documents


class SiteSchema(Schema):
    id = fields.Integer(dump_only=True)
    code = fields.String(required=True, validate=validate.Length(min=1, max=40))
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kind = fields.String(load_default="warehouse", validate=validate.OneOf(SITE_KINDS))
    active = fields.Boolean(dump_only=True)


class LocationSchema(Schema):
    id = fields.Integer(dump_only=True)
    site_id = Id(required=True)
    code = fields.String(required=True, validate=validate.Length(min=1, max=64))
    name = fields.String(load_default="", validate=validate.Length(max=200))
    zone = fields.String(load_default="", validate=validate.Length(max=40))
    kind = fields.String(load_default="bin", validate=validate.OneOf(LOCATION_KINDS))
    walk_seq = Int(load_default=0)
    active = fields.Boolean(dump_only=True)


class MovementSchema(Schema):
    id = fields.Integer()
    type = fields.String()
    item_id = fields.Integer()
    location_id = fields.Integer()
    lot = fields.String()
    expiry = fields.Date()
    quantity = fields.Integer()
    unit_cost = fields.Decimal(as_string=True)
    user_id = fields.Integer()
    device_id = fields.String()
    scan_id = fields.UUID()
    task_id = fields.Integer()
    occurred_at = fields.AwareDateTime()
    recorded_at = fields.AwareDateTime()
    note = fields.String()


class AlertSchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    item_id = fields.Integer()
    site_id = fields.Integer()
    code = fields.String()
    status = fields.String()
    message = fields.String()
    details = fields.Dict()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()
    acknowledged_at = fields.AwareDateTime()
    acknowledged_by = fields.Integer()
    snoozed_until = fields.AwareDateTime()
    snoozed_by = fields.Integer()
    snoozed_at = fields.AwareDateTime()
    resolved_at = fields.AwareDateTime()


class MapCodeSchema(Schema):
    code = fields.String(required=True, validate=validate.Length(min=1, max=200))
    item_id = Id(required=True)
    pack_qty = Int(1, 100_000, load_default=1)


item_schema, items_schema = ItemSchema(), ItemSchema(many=True)
item_patch_schema = ItemPatchSchema()
barcode_in_schema, barcode_schema = BarcodeInSchema(), BarcodeSchema()
supplier_schema, suppliers_schema = SupplierSchema(), SupplierSchema(many=True)
site_schema, sites_schema = SiteSchema(), SiteSchema(many=True)
location_schema, locations_schema = LocationSchema(), LocationSchema(many=True)
movements_schema = MovementSchema(many=True)
alert_schema, alerts_schema = AlertSchema(), AlertSchema(many=True)
map_code_schema = MapCodeSchema()
