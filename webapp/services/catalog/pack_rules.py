"""An item's pack levels kept whole: the case a multiple of the inner, ordered in a level it has, its pack codes on a level.

Chosen rule for pack barcodes: once an item has pack levels, a barcode stands for one each or for exactly
one of its levels (a case code's pack_qty is the case quantity); anything else is refused, and a level is
not changed away from under a barcode that stands for it (remove or re-add the code first).
"""

from sqlalchemy import select

from ...domain.pack_levels import PackRefused, check_levels, levels_of
from ...errors import InvalidInput
from ...extensions import db
from ...models import Barcode, Item


def check_item_packs(item: Item) -> None:
    """Refuse pack levels that do not fit together or with the item's barcodes (InvalidInput by field)."""
    try:
        levels = check_levels(item.inner_qty, item.case_qty)
    except PackRefused as exc:
        problem = "not a multiple of the inner" if exc.reason == "case_not_multiple_of_inner" else "out of range"
        raise InvalidInput(exc.message, code=exc.reason, fields={"case_qty": [problem]}) from None
    order_in = item.order_in or "each"
    if order_in != "each" and not {"inner": levels.inner, "case": levels.case}[order_in]:
        raise InvalidInput(
            f"The item has no {order_in} to order in.",
            code=f"no_{order_in}_level",
            fields={"order_in": ["no such pack"]},
        )
    if not levels.any or item.id is None:
        return
    sizes = {1, levels.inner, levels.case}
    with db.session.no_autoflush:  # the item's new levels are not written until they are checked
        packs = db.session.scalars(select(Barcode.pack_qty).where(Barcode.item_id == item.id, Barcode.pack_qty > 1))
    stranded = sorted({q for q in packs if q not in sizes})
    if stranded:
        raise InvalidInput(
            f"A barcode of this item stands for {stranded[0]} pieces, which is no longer one of its packs.",
            code="pack_code_stranded",
            fields={"case_qty": ["a barcode holds another pack"]},
        )


def check_pack_code(item: Item, pack_qty: int) -> None:
    """A barcode for an item with pack levels stands for one each, one inner or one case."""
    levels = levels_of(item)
    if levels.any and pack_qty not in {1, levels.inner, levels.case}:
        sizes = ", ".join(str(q) for q in (1, levels.inner, levels.case) if q)
        raise InvalidInput(
            f"A barcode of this item stands for {sizes} pieces (each, inner or case), not {pack_qty}.",
            code="pack_qty_not_a_level",
            fields={"pack_qty": ["not one of the packs"]},
        )
