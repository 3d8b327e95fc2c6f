"""How the pages show an item's name, its unit and a service's timestamps in the UI language: a global, filters."""

from datetime import datetime

from flask import g
from flask_babel import format_datetime, get_locale
from sqlalchemy import select

from ..domain.pack_levels import format_mixed, format_packs, levels_of
from ..domain.units import unit_word
from ..extensions import db
from ..models import Item
from .blueprint import web_bp


def _english() -> bool:
    return str(get_locale() or "ja") == "en"


def localized_name(name: str | None, name_en: str | None) -> str:
    """The name in the UI language where there is one, else the other."""
    if _english():
        return name_en or name or ""
    return name or name_en or ""


def _names_by_id() -> dict[int, tuple[str, str]]:
    # Rows built for a page often carry only the Japanese name; one query per request finds the other.
    if "item_names" not in g:
        g.item_names = {i: (n, e) for i, n, e in db.session.execute(select(Item.id, Item.name, Item.name_en))}
    return g.item_names


def item_name(obj) -> str:
    """An item's name for the page: an Item, a dict with name/name_en or item_name/item_name_en, or one with item_id."""
    get = obj.get if isinstance(obj, dict) else lambda key, default=None: getattr(obj, key, default)
    if get("name_en") is not None or isinstance(obj, Item):
        return localized_name(get("name"), get("name_en"))
    if get("item_name_en") is not None:
        return localized_name(get("item_name"), get("item_name_en"))
    if get("item_id") is not None and _english():
        ja, en = _names_by_id().get(get("item_id"), (get("item_name"), ""))
        return localized_name(ja, en)
    return get("item_name") or get("name") or ""


def unit_label(unit: str | None) -> str:
    """A unit code in the UI language (bag: 袋 / bag); a unit the shop typed itself, as typed."""
    return unit_word(unit, "en" if _english() else "ja")


def _lang() -> str:
    return "en" if _english() else "ja"


def _unit_of(item) -> str:
    return (item.get("unit") if isinstance(item, dict) else getattr(item, "unit", None)) or "pcs"


def mixed_quantity(quantity, item) -> str:
    """A base quantity as 「2 ケース 3 ボール 5 個」 where the item has pack levels; a plain number where it has none."""
    if quantity is None:
        return ""
    levels = levels_of(item)
    if not levels.any:
        return f"{int(quantity):,}"
    return format_mixed(int(quantity), levels, _unit_of(item), _lang())


def order_quantity(quantity, item) -> str:
    """An order quantity in the supplier's pack level, "3 ケース (36 個)"; a plain number for an item ordered in pieces."""
    levels, level = levels_of(item), (item.get("order_in") if isinstance(item, dict) else item.order_in) or "each"
    if level == "each" or not levels.any:
        return mixed_quantity(quantity, item)
    return format_packs(int(quantity), levels, level, _unit_of(item), _lang())


def pack_level_of(pack_qty: int, item) -> str | None:
    """Which of the item's levels a barcode of `pack_qty` pieces stands for: "case", "inner", or None."""
    levels = levels_of(item)
    return "case" if pack_qty == levels.case else "inner" if pack_qty == levels.inner else None


# Globals, not a context processor: macros imported without context (the charts) see them too.
web_bp.add_app_template_global(item_name, "item_name")
web_bp.add_app_template_filter(unit_label, "unit_label")


def iso_time(value: str | None) -> str:
    """An ISO timestamp from a service's JSON-ready answer, shown short in the shop's zone and the UI's language."""
    if not value:
        return ""
    try:
        return format_datetime(datetime.fromisoformat(value), "short")
    except ValueError:
        return value


web_bp.add_app_template_filter(iso_time, "iso_time")
web_bp.add_app_template_global(mixed_quantity, "mixed_qty")
web_bp.add_app_template_global(order_quantity, "order_qty")
web_bp.add_app_template_global(pack_level_of, "pack_level_of")
