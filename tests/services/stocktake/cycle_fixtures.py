"""A Tokyo shop whose ledger makes the retro clock class A, green tea B and sencha C, with one count approved."""

from datetime import timedelta

from tests.builders import NOW, make_item, scan
from tests.workflow_fixtures import build_world, put_stock
from webapp.services.replenishment import recompute
from webapp.services.scanning import apply_scans

CLOCK, TEA, SENCHA = "4901234567894", "4987654321094", "4901234567801"
EARLY = NOW - timedelta(days=3)
TZ = "Asia/Tokyo"


def shop_with_classes() -> dict:
    """Stock in four bins; a week of picks values the clock at 84% of consumption (A), tea 11% (B), sencha 4% (C)."""
    world = build_world()
    world["sencha"] = make_item("TEA-SENCHA", "静岡煎茶 100g", SENCHA, name_en="Shizuoka sencha 100 g", unit_cost="30")
    put_stock(world["worker"], "A-01-01", 20, code=CLOCK, occurred_at=EARLY)
    put_stock(world["worker"], "A-01-02", 60, code=TEA, occurred_at=EARLY)
    put_stock(world["worker"], "B-02-01", 8, code=CLOCK, occurred_at=EARLY)
    put_stock(world["worker"], "C-03-01", 50, code=SENCHA, occurred_at=EARLY)
    picks = [("A-01-01", CLOCK, 5), ("A-01-02", TEA, 10), ("C-03-01", SENCHA, 10)]
    outs = apply_scans(
        [scan("pick", code, qty, location=b, occurred_at=EARLY + timedelta(hours=1)) for b, code, qty in picks],
        world["worker"],
    )
    assert all(o.status == "applied" for o in outs), outs
    recompute(today=NOW.date(), period_days=30, tz=TZ)
    return world


def count_bins(world, session: int, counts: list[tuple[str, str, int]], who="worker") -> None:
    """Count (bin, code, quantity) into the session ten minutes after NOW."""
    outs = apply_scans(
        [
            scan("count", code, qty, task_id=session, location=b, occurred_at=NOW + timedelta(minutes=10))
            for b, code, qty in counts
        ],
        world[who],
    )
    assert all(o.status == "applied" for o in outs), outs
