"""flask tls init | renew | show: the shop's own CA and server certificate (webapp/tls)."""

import click


def register_tls_cli(app):
    @app.cli.group("tls")
    def tls_group():
        """The shop's certificate authority and HTTPS certificate, under instance/tls."""

    def _ensure(force: bool):
        from .tls import ensure_certificates, wanted_names

        outcome = ensure_certificates(app.config["TLS_DIR"], wanted_names(app.config["TLS_NAMES"]), force=force)
        if outcome.ca_created:
            click.echo(f"made a new certificate authority: {outcome.files.ca_cert}")
        if outcome.renewed:
            click.echo(f"issued the server certificate ({outcome.renewed}): {outcome.files.cert}")
        else:
            click.echo(f"the server certificate is current: {outcome.files.cert}")

    @tls_group.command("init")
    def init_cmd():
        """Make the CA and the server certificate if missing (renew the certificate when due)."""
        _ensure(force=False)

    @tls_group.command("renew")
    def renew_cmd():
        """Issue a new server certificate now, for this PC's current addresses; the CA is kept."""
        _ensure(force=True)

    @tls_group.command("show")
    def show_cmd():
        """Print the files, the names the certificate covers, when each ends, and the CA's fingerprint."""
        from .tls import summary

        info = summary(app.config["TLS_DIR"])
        if "ca_cert" not in info:
            click.echo(f"no certificate authority in {info['folder']} yet: run `flask tls init`")
            raise SystemExit(1)
        click.echo(f"CA:          {info['ca_name']}  (ends {info['ca_ends']})")
        click.echo(f"  file:      {info['ca_cert']}  (key {info['ca_key']}, never served)")
        click.echo(f"  SHA-256:   {info['ca_fingerprint']}")
        if "cert" in info:
            click.echo(f"server cert: ends {info['cert_ends']}  file {info['cert']}  (key {info['key']})")
            click.echo("  names:     " + ", ".join(info["cert_names"]))
        else:
            click.echo("server cert: none yet (run `flask tls init`)")
