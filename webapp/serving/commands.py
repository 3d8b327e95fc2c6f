"""The gunicorn processes of each serving mode, as command lines and environments (nothing runs here)."""

import ipaddress
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .settings import PROXY, Settings

ROOT = Path(__file__).resolve().parents[2]  # where wsgi.py is


@dataclass(frozen=True)
class Command:
    """One process to start: a name for messages, its argv, what to add to the environment."""

    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    # A helper process (the scheduler) is started again when it dies; a server dying stops the shop.
    restart: bool = False


def url_host(host: str) -> str:
    """A host as it goes into a URL or a bind address (IPv6 literals in brackets)."""
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


def is_wildcard(host: str) -> bool:
    return host in ("", "0.0.0.0", "::")


def public_url(settings: Settings, lan: list[str]) -> str:
    """The secure address phones are sent to: PUBLIC_URL, else this PC's best LAN address on the HTTPS port."""
    if settings.public_url or settings.mode == PROXY:
        return settings.public_url  # behind a proxy only the shop knows its public name
    host = settings.host if not is_wildcard(settings.host) else (lan[0] if lan else "127.0.0.1")
    port = "" if settings.port == 443 else f":{settings.port}"
    return f"https://{url_host(host)}{port}"


def setup_url(settings: Settings, secure: str) -> str | None:
    """The plain-HTTP address of the setup page, on the host of the secure address."""
    if not settings.http_port:
        return None
    host = urlsplit(secure).hostname or "127.0.0.1"
    port = "" if settings.http_port == 80 else f":{settings.http_port}"
    return f"http://{url_host(host)}{port}/setup"


def gunicorn_commands(settings: Settings, cert: str | None, key: str | None, secure: str) -> list[Command]:
    """The HTTPS server (or the plain one behind a proxy), and the plain-HTTP setup server beside it.

    Both are told the secure address (PUBLIC_URL) and the setup page's plain address (SETUP_URL).
    """
    base = [sys.executable, "-m", "gunicorn", "wsgi:app", "--chdir", str(ROOT), "--access-logfile", "-"]
    base += ["--no-control-socket"]  # two gunicorns would fight over the one default control socket path
    # Threads, not one request per process: phones keep connections open and browsers preconnect, which
    # would park a sync worker on an idle socket.
    main = base + ["--bind", f"{url_host(settings.host)}:{settings.port}", "--workers", str(settings.workers)]
    main += ["--threads", "4", "--preload", "--graceful-timeout", "10"]
    env = {"SESSION_COOKIE_SECURE": "1", "SETUP_ONLY": "0"}
    if secure:
        env["PUBLIC_URL"] = secure
    setup_address = setup_url(settings, secure)
    if setup_address:
        env["SETUP_URL"] = setup_address
    if settings.mode == PROXY:
        main += ["--forwarded-allow-ips", ",".join(settings.trusted_proxies)]
        return [Command("http (behind the proxy)", main, env)]
    main += ["--certfile", cert, "--keyfile", key]
    commands = [Command("https", main, env)]
    if settings.http_port:
        setup = base + ["--bind", f"{url_host(settings.host)}:{settings.http_port}", "--workers", "1"]
        setup += ["--threads", "4", "--graceful-timeout", "5"]
        commands.append(Command("http (setup page)", setup, {**env, "SESSION_COOKIE_SECURE": "0", "SETUP_ONLY": "1"}))
    return commands


def scheduler_command() -> Command:
    """The one process that runs the periodic jobs (`flask scheduler`), however many gunicorn workers serve."""
    return Command("scheduler", [sys.executable, "-m", "flask", "--app", "wsgi", "scheduler"], restart=True)


def serving_commands(settings: Settings, cert: str | None, key: str | None, secure: str) -> list[Command]:
    """Everything the launcher supervises: the gunicorns and, unless SCHEDULER=0, the scheduler."""
    return gunicorn_commands(settings, cert, key, secure) + ([scheduler_command()] if settings.scheduler else [])


def environment(command: Command) -> dict[str, str]:
    return {**os.environ, **command.env}
