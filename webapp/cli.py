"""flask commands: accounts, tokens, demo data, ledger verification."""

import secrets

import click

from .models.users import ROLES


def register_cli(app):
    from .cli_backup import register_backup_cli
    from .cli_office import register_office_cli
    from .cli_tls import register_tls_cli

    register_backup_cli(app)
    register_office_cli(app)
    register_tls_cli(app)

    @app.cli.command("create-user")
    @click.argument("username")
    @click.option("--role", type=click.Choice(ROLES), default="worker", show_default=True)
    @click.option("--password", help="Prompted for (hidden) when omitted.")
    @click.option("--display-name", default="")
    def create_user_cmd(username, role, password, display_name):
        """Create a user."""
        from .services.accounts import create_user

        if not password:
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        create_user(username, password, role, display_name=display_name)
        click.echo(f"created {role} {username}")

    @app.cli.command("create-token")
    @click.argument("username")
    @click.option("--name", default="device", show_default=True, help="What the token is for.")
    def create_token_cmd(username, name):
        """Issue an API token for a user and print it once."""
        from .services.accounts import create_token

        click.echo(create_token(username, name))

    @app.cli.command("ensure-owner")
    @click.option("--username", default="owner", show_default=True)
    @click.option("--password", envvar="OWNER_PASSWORD", help="Default: $OWNER_PASSWORD, else a new random one.")
    def ensure_owner_cmd(username, password):
        """Make sure an owner account exists; print how to log in if one is created."""
        from sqlalchemy import select

        from .extensions import db
        from .models import User
        from .services.accounts import create_user

        if db.session.scalar(select(User.id).where(User.role == "owner")):
            click.echo("an owner account exists already")
            return
        password = password or secrets.token_urlsafe(9)
        create_user(username, password, "owner", display_name="オーナー Owner")
        click.echo(f"owner account created: log in as {username} / {password}")

    @app.cli.command("seed-demo")
    def seed_demo_cmd():
        """Load the demo data set if the database is empty."""
        from .services.catalog import seed_demo

        result = seed_demo()
        if not result["created"]:
            click.echo("database not empty: demo data skipped")
            return
        click.echo("demo data loaded: " + str(result))
        # A first look at the dashboard should show the numbers, not wait for tonight's cron run.
        from .services.replenishment import recompute

        engine = recompute(tz=app.config["BABEL_DEFAULT_TIMEZONE"])
        click.echo("reorder points and KPIs computed: " + " ".join(f"{k}={v}" for k, v in engine.items()))

    @app.cli.command("verify-ledger")
    def verify_ledger_cmd():
        """Check that every stock level equals the sum of its ledger rows."""
        from .services.stock import ledger_mismatches

        bad = ledger_mismatches()
        for row in bad:
            click.echo(
                f"MISMATCH item {row['item_id']} bin {row['location_id']} lot {row['lot']!r}: "
                f"ledger {row['ledger']} level {row['level']}"
            )
        if bad:
            raise SystemExit(1)
        click.echo("ledger and stock levels agree")
