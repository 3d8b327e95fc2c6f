"""flask commands: backup, restore, and the scheduler that runs the nightly backup."""

import sys
from pathlib import Path

import click


def register_backup_cli(app):
    @app.cli.command("backup")
    def backup_cmd():
        """Back up the database into the backup folder (checked; old backups pruned after it)."""
        from .services.backups import BackupFailed, take_backup

        try:
            record = take_backup()
        except BackupFailed as exc:
            raise click.ClickException(exc.message) from None
        click.echo(
            f"backed up to {record.path} ({record.size} bytes, schema {record.revision}, sha256 {record.sha256})"
        )

    @app.cli.command("restore")
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--yes", is_flag=True, help="Do not ask (for scripts).")
    @click.option("--no-safety-backup", "safety_backup", flag_value=False, default=True, help="Do not back up first.")
    def restore_cmd(file, yes, safety_backup):
        """Replace the database with a backup FILE, then upgrade it to this code's schema."""
        from .services.backups import BackupFailed, RestoreRefused, inspect_backup, restore_backup, take_backup

        try:
            plan = inspect_backup(file)
        except (BackupFailed, RestoreRefused) as exc:
            raise click.ClickException(exc.message) from None
        upgrade = f", then upgraded to {plan['head']}" if plan["upgrade"] else ""
        click.echo(f"{plan['file']}: {plan['database']} backup at schema {plan['revision']}{upgrade}")
        if not yes:
            if not sys.stdin.isatty():
                raise click.ClickException(
                    "restore replaces the whole database: confirm with --yes when not at a terminal"
                )
            click.confirm("Replace the current database with this backup? Everything since it is lost", abort=True)
        if safety_backup:
            # The database as it is now, so a restore of the wrong file can be undone; never pruned here, as
            # pruning could delete the very file about to be restored.
            try:
                click.echo(f"the database as it was is kept in {take_backup(prune_old=False).path}")
            except BackupFailed as exc:
                click.echo(f"no backup of the database as it was ({exc.message})")
        try:
            restore_backup(file)
        except (BackupFailed, RestoreRefused) as exc:
            raise click.ClickException(exc.message) from None
        click.echo("restored; run `flask verify-ledger` to check the ledger against the stock levels")

    @app.cli.command("scheduler")
    def scheduler_cmd():
        """Run the periodic jobs (the nightly backup) in the foreground until stopped."""
        from .scheduling import run_scheduler

        run_scheduler(app)
