"""Every API endpoint but the OpenAPI document refuses the anonymous with the JSON 401."""

import re


def _sample_value(match) -> str:
    """A value a URL converter accepts: the first choice of any(...), else an id."""
    choices = re.match(r"any\(([^)]*)\)", match.group(1))
    return choices.group(1).split(",")[0].strip(" '\"") if choices else "1"


def test_every_api_endpoint_refuses_anonymous_callers(client, app):
    checked = 0
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("api.") or rule.endpoint == "api.openapi":
            continue
        url = re.sub(r"<([^>]+)>", _sample_value, rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(url, method=method, json={})
            assert response.status_code == 401, (method, url, response.status_code)
            assert response.json["error"]["code"] == "unauthorized"
            checked += 1
    assert checked >= 18


def test_a_worker_is_refused_the_managers_and_owners_endpoints(as_role):
    worker = as_role("worker")
    for method, url in [
        ("post", "/api/v1/items"),
        ("patch", "/api/v1/items/1"),
        ("post", "/api/v1/items/1/barcodes"),
        ("delete", "/api/v1/items/1/barcodes/4901234567894"),
        ("post", "/api/v1/suppliers"),
        ("post", "/api/v1/sites"),
        ("post", "/api/v1/locations"),
        ("get", "/api/v1/unresolved"),
        ("post", "/api/v1/unresolved/map"),
        ("post", "/api/v1/alerts/1/acknowledge"),
    ]:
        response = getattr(worker, method)(url, json={})
        assert response.status_code == 403, (method, url)
        assert response.json["error"]["code"] == "forbidden"
