"""What a worker may not see: costs, prices and values, taken out of every API answer (one rule, in one place).

The rule runs after every /api/v1 view, so a route added tomorrow is covered without knowing of it.
A key is money when it is one of MONEY_KEYS or ends in one of MONEY_SUFFIXES; managers and owners
get every answer whole. `tests/api/test_money_hidden_from_workers.py` walks every GET route.
"""

from flask import current_app, request
from flask_login import current_user

MONEY_KEYS = frozenset({"unit_cost", "unit_price", "price", "cost", "amount", "total", "value", "valuation"})
MONEY_SUFFIXES = ("_cost", "_price", "_value", "_amount", "_yen", "_valuation")
UNFILTERED_ENDPOINTS = frozenset({"api.openapi"})  # the schema names fields; it holds no shop's money


def is_money(key: str) -> bool:
    """Whether a JSON key carries a cost, a price or a value in yen."""
    return key in MONEY_KEYS or key.endswith(MONEY_SUFFIXES)


def without_money(data):
    """The same JSON with every money key left out, at any depth."""
    if isinstance(data, dict):
        return {k: without_money(v) for k, v in data.items() if not is_money(k)}
    if isinstance(data, list):
        return [without_money(v) for v in data]
    return data


def may_see_money() -> bool:
    """Managers and owners see costs and prices; workers (and anyone else) do not."""
    return bool(getattr(current_user, "is_authenticated", False) and current_user.has_role("manager"))


def hide_money_from_workers(response):
    """After every API view (registered in blueprint.py): a worker's answer without its money keys."""
    if (
        response.status_code >= 400
        or not response.is_json
        or request.endpoint in UNFILTERED_ENDPOINTS
        or may_see_money()
    ):
        return response
    data = response.get_json(silent=True)
    if data is not None:
        response.set_data(current_app.json.dumps(without_money(data)))
    return response
