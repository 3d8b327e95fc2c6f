"""`python -m webapp.serving`: prepare the database, the certificates and the addresses, print them, serve."""

import sys

from ..tls import ensure_certificates, lan_addresses, summary, wanted_names
from .banner import banner
from .commands import is_wildcard, public_url, serving_commands, setup_url, url_host
from .settings import LOCAL_CA, PROXY, Settings, SettingsError, read_settings
from .supervise import supervise


def prepare(settings: Settings) -> dict:
    """Migrate, load the demo into an empty database, make sure an owner exists (printing a new one's password)."""
    from flask.cli import ScriptInfo
    from flask_migrate import upgrade

    from .. import create_app
    from ..extensions import db

    app = create_app()
    with app.app_context():
        upgrade()
    script_info = ScriptInfo(create_app=lambda: app)
    for args in ([["seed-demo"]] if settings.seed_demo else []) + [["ensure-owner"]]:
        app.cli.main(args=args, prog_name="flask", obj=script_info, standalone_mode=False)
    with app.app_context():
        db.engine.dispose()  # the servers open their own connections
    return {"tls_dir": app.config["TLS_DIR"], "tls_names": app.config["TLS_NAMES"]}


def certificates(settings: Settings, tls_dir: str, tls_names: str, lan: list[str]) -> tuple[str, str, str | None]:
    """The certificate and key to serve, and the fingerprint of our CA when phones are to install it."""
    if settings.mode != LOCAL_CA:
        return settings.tls_cert, settings.tls_key, None
    outcome = ensure_certificates(tls_dir, wanted_names(tls_names, addresses=lan))
    if outcome.ca_created:
        print(f"made this shop's certificate authority: {outcome.files.ca_cert}")
    if outcome.renewed:
        print(f"issued the server certificate ({outcome.renewed})")
    return str(outcome.files.cert), str(outcome.files.key), summary(tls_dir)["ca_fingerprint"]


def main() -> int:
    try:
        settings = read_settings()
    except SettingsError as exc:
        print(f"cannot start: {exc}", file=sys.stderr)
        return 2
    paths = prepare(settings)
    lan = lan_addresses()
    cert, key, fingerprint = certificates(settings, paths["tls_dir"], paths["tls_names"], lan)
    secure = public_url(settings, lan)
    setup = setup_url(settings, secure)
    commands = serving_commands(settings, cert, key, secure)
    bind = url_host(settings.host)
    if settings.mode == PROXY:
        listening = [f"plain HTTP on {bind}:{settings.port}, for the proxy at {', '.join(settings.trusted_proxies)}"]
    else:
        listening = [f"HTTPS on {bind}:{settings.port}"]
    if setup:
        listening.append(f"plain HTTP on {bind}:{settings.http_port}: the setup page; every other page redirects")
    note = (
        f"({settings.host or '0.0.0.0'}: every network of this PC; HOST chooses one)"
        if is_wildcard(settings.host)
        else ""
    )
    for line in banner(secure, setup, listening, fingerprint, with_qr=sys.stdout.isatty(), note=note):
        print(line)
    sys.stdout.flush()
    return supervise(commands)
