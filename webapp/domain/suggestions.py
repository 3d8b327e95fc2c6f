"""What to order now, from live positions and the stored policy: pure numpy over rows."""

from __future__ import annotations

import numpy as np

from .replenishment import inventory_position, needs_reorder, order_quantity


def suggest(on_hand, on_order, reorder_point, order_up_to, multiple, minimum) -> tuple[np.ndarray, np.ndarray]:
    """(reorder flag, units to order) per row: order when position <= ROP, up to order_up_to, rounded to packs.

    order_up_to below the reorder point (a hand-set ROP above the engine's target) is lifted
    to the reorder point, so an order always clears the alert.
    """
    position = inventory_position(np.asarray(on_hand, float), np.asarray(on_order, float))
    rop = np.asarray(reorder_point, float)
    flag = needs_reorder(position, rop) & ~((rop <= 0) & (position >= 0))
    target = np.maximum(np.asarray(order_up_to, float), rop + 1)
    qty = order_quantity(position, target, flag, np.maximum(np.asarray(multiple, float), 1), minimum)
    return flag, qty.astype(np.int64)
