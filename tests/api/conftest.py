import pytest

from tests.builders import make_item, make_site, make_user


@pytest.fixture
def shop(app):
    """A Tokyo warehouse with the retro clock, and a token for each role."""
    site = make_site()
    clock = make_item(case_jan="14901234567891", case_qty=12)
    tokens = {role: make_user(f"{role}-user", role)[1] for role in ("worker", "manager", "owner")}
    return {"site": site, "clock": clock, "tokens": tokens}


@pytest.fixture
def as_role(client, shop):
    """Call the API as a role: as_role('manager').post(url, json=...)."""

    class Caller:
        def __init__(self, role):
            self.headers = {"Authorization": f"Bearer {shop['tokens'][role]}"}

        def __getattr__(self, method):
            def call(url, **kw):
                return getattr(client, method)(url, headers=self.headers | kw.pop("headers", {}), **kw)

            return call

    return Caller
