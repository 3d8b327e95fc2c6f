"""Orders from CSV: one row per line, grouped by order number."""

import csv
import io

from ...errors import InvalidInput


def read_order_rows(text: str, party: str) -> dict[str, dict]:
    """{order: {party, site, lines: [(item, qty)]}} from CSV with columns order, <party>, site, item, quantity."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    needed = {"order", party, "site", "item", "quantity"}
    if not reader.fieldnames or not needed <= {f.strip() for f in reader.fieldnames}:
        raise InvalidInput(
            f"The CSV needs the columns {', '.join(sorted(needed))}.",
            code="csv_columns",
            fields={"file": ["missing columns"]},
        )
    orders: dict[str, dict] = {}
    errors = {}
    for n, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        problems = []  # every problem of the line, not only the first
        if not row["order"] or not row["item"] or not row["site"]:
            problems.append("order, site and item are required")
        try:
            qty = int(row["quantity"])
        except ValueError:
            problems.append("quantity must be a whole number")
        if problems:
            errors[f"line {n}"] = problems
            continue
        order = orders.setdefault(row["order"], {party: row[party], "site": row["site"], "lines": []})
        order["lines"].append((row["item"], qty))
    if errors:
        raise InvalidInput("Some CSV lines are not valid.", code="bad_csv_lines", fields=errors)
    if not orders:
        raise InvalidInput("The CSV has no orders.", code="empty_csv", fields={"file": ["empty"]})
    return orders
