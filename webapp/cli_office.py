"""flask commands of the office: recompute the engine, deliver notifications, import CSV."""

import click


def register_office_cli(app):
    @app.cli.command("recompute")
    @click.option("--days", default=90, show_default=True, help="Length of the period, in days up to today.")
    @click.option("--window", type=int, help="Days of demand history for the statistics (default: the period).")
    def recompute_cmd(days, window):
        """Recompute reorder points, KPIs and classes for every item and site now (the scheduler also runs it nightly)."""
        from .services.replenishment import recompute

        result = recompute(period_days=days, window_days=window, tz=app.config["BABEL_DEFAULT_TIMEZONE"])
        click.echo(" ".join(f"{k}={v}" for k, v in result.items()))

    @app.cli.command("notify")
    def notify_cmd():
        """Send pending alert e-mails and webhooks, and the daily digest when due (the scheduler runs this every minute)."""
        from .services.notifications import dispatch

        result = dispatch(tz=app.config["BABEL_DEFAULT_TIMEZONE"], app_config=app.config)
        click.echo(" ".join(f"{k}={v}" for k, v in result.items()))

    @app.cli.command("import-csv")
    @click.argument("kind", type=click.Choice(["items", "barcodes", "locations", "opening_stock"]))
    @click.argument("path", type=click.Path(exists=True, dir_okay=False))
    @click.option("--dry-run", is_flag=True, help="Check every row and show what would change, write nothing.")
    def import_csv_cmd(kind, path, dry_run):
        """Import items, barcodes, locations or opening stock from a UTF-8 or Shift_JIS CSV file, all rows or none."""
        from .domain.text_encoding import UndecodableText, decode_csv
        from .services.catalog import import_csv

        with open(path, "rb") as fh:
            try:
                text, _encoding = decode_csv(fh.read())
            except UndecodableText as exc:
                raise click.ClickException(str(exc)) from None
        report = import_csv(kind, text, dry_run=dry_run)
        for err in report["errors"]:
            click.echo(f"row {err['row']}: {err['field']}: {err['message']}", err=True)
        click.echo(
            f"{'would import' if dry_run or report['errors'] else 'imported'} {report['count']} rows"
            + (" (nothing written: fix the errors)" if report["errors"] else "")
        )
        if report["errors"]:
            raise SystemExit(1)
