"""The flask commands and the demo data set."""

from sqlalchemy import func, select

from webapp.domain.gtin import is_valid_gtin
from webapp.extensions import db
from webapp.models import ApiToken, Barcode, Item, Location, Movement, ReplenishmentResult, Site, Supplier, User
from webapp.services.stock import ledger_mismatches


def run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=list(args), input=input)


def test_create_user_and_token_from_the_command_line(app):
    created = run(app, "create-user", "tanaka", "--role", "manager", "--password", "kanri-2026-pass")
    token = run(app, "create-token", "tanaka", "--name", "handy-01").output.strip()
    assert created.exit_code == 0 and "created manager tanaka" in created.output
    assert token.startswith("tnr_")
    stored = db.session.scalar(select(ApiToken))
    assert stored.name == "handy-01" and token not in stored.token_hash
    assert (
        app.test_client().get("/api/v1/session", headers={"Authorization": f"Bearer {token}"}).json["user"]["role"]
        == "manager"
    )


def test_create_user_prompts_for_the_password_when_none_is_given(app):
    result = run(app, "create-user", "kimura", input="hidden-pass-1\nhidden-pass-1\n")
    assert result.exit_code == 0
    assert db.session.scalar(select(User.role).where(User.username == "kimura")) == "worker"


def test_a_duplicate_user_is_refused(app):
    run(app, "create-user", "tanaka", "--password", "kanri-2026-pass")
    result = run(app, "create-user", "tanaka", "--password", "kanri-2026-pass")
    assert result.exit_code != 0 and "already exists" in str(result.exception)


def test_ensure_owner_creates_one_owner_once(app):
    first = run(app, "ensure-owner")
    second = run(app, "ensure-owner")
    assert "log in as owner / " in first.output
    assert "exists already" in second.output
    assert db.session.scalar(select(func.count()).select_from(User).where(User.role == "owner")) == 1


def test_the_demo_data_is_realistic_and_consistent(app):
    loaded = run(app, "seed-demo").output
    assert "demo data loaded" in loaded and "reorder points and KPIs computed" in loaded
    assert "skipped" in run(app, "seed-demo").output
    # The engine ran on the demo history: a manager's first look shows reorder points, not an empty page.
    assert db.session.scalar(select(func.count()).select_from(ReplenishmentResult)) >= 50
    assert db.session.scalar(select(func.count()).select_from(Site)) == 2
    assert db.session.scalar(select(func.count()).select_from(Item)) == 50
    assert db.session.scalar(select(func.count()).select_from(Supplier)) == 3
    assert db.session.scalar(select(func.count()).select_from(Location).where(Location.kind == "bin")) > 20
    codes = db.session.execute(select(Barcode.raw, Barcode.pack_qty)).all()
    assert all(is_valid_gtin(raw) for raw, _ in codes)
    assert [pack for _, pack in codes if pack != 1] == [12]
    first, last = db.session.execute(select(func.min(Movement.occurred_at), func.max(Movement.occurred_at))).one()
    assert (last - first).days >= 35
    assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in db.session.scalar(select(Item.name)))
    assert ledger_mismatches() == []
    assert run(app, "verify-ledger").exit_code == 0
