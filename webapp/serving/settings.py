"""The launcher's switches, read from the environment once (README: "Configuration")."""

import os
from dataclasses import dataclass

LOCAL_CA, OWN_CERT, PROXY = "local-ca", "own-cert", "proxy"


class SettingsError(ValueError):
    """A switch with a value the launcher cannot use; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    """How to serve: where to listen, which certificate, which proxies to believe."""

    host: str
    port: int
    http_port: int | None  # the plain-HTTP setup port; None: not served
    workers: int
    tls_cert: str | None
    tls_key: str | None
    trusted_proxies: tuple[str, ...]
    public_url: str
    seed_demo: bool
    scheduler: bool = True  # the periodic jobs' process (webapp/scheduling); off where another host runs it

    @property
    def mode(self) -> str:
        """local-ca (certificates made here), own-cert (TLS_CERT/TLS_KEY) or proxy (TRUSTED_PROXIES)."""
        if self.trusted_proxies:
            return PROXY
        return OWN_CERT if self.tls_cert else LOCAL_CA


def read_settings(env: dict | None = None) -> Settings:
    """Settings from the environment, with the defaults of each mode; raises SettingsError on nonsense."""
    env = os.environ if env is None else env
    proxies = tuple(a.strip() for a in env.get("TRUSTED_PROXIES", "").split(",") if a.strip())
    cert, key = env.get("TLS_CERT", "").strip() or None, env.get("TLS_KEY", "").strip() or None
    if bool(cert) != bool(key):
        raise SettingsError("TLS_CERT and TLS_KEY go together: set both (the shop's certificate and its key)")
    for path in (cert, key):
        if path and not os.path.isfile(path):
            raise SettingsError(f"{path} does not exist")
    if proxies:
        # Plain HTTP behind the proxy: on this PC only unless HOST says otherwise.
        host, port, http_port = env.get("HOST") or "127.0.0.1", _port(env, "PORT", 8000), None
    else:
        host, port, http_port = env.get("HOST") or "0.0.0.0", _port(env, "PORT", 8443), _port(env, "HTTP_PORT", 8000)
    return Settings(
        host=host,
        port=port,
        http_port=http_port or None,
        workers=_number(env, "WORKERS", 2, low=1),
        tls_cert=cert,
        tls_key=key,
        trusted_proxies=proxies,
        public_url=env.get("PUBLIC_URL", "").strip().rstrip("/"),
        seed_demo=env.get("SEED_DEMO", "1") != "0",
        scheduler=env.get("SCHEDULER", "1") != "0",
    )


def _port(env, name: str, default: int) -> int:
    return _number(env, name, default, low=0, high=65535)


def _number(env, name: str, default: int, low: int, high: int = 1024) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} is outside {low}..{high}")
    return value
