"""Behind a reverse proxy that terminates TLS: believe X-Forwarded-For/Proto/Host from its addresses only."""

from werkzeug.middleware.proxy_fix import ProxyFix


class TrustedProxyFix:
    """Werkzeug's ProxyFix, applied only to requests whose peer is one of the configured proxies.

    ProxyFix alone trusts the headers of anyone who can reach the port; a worker's phone could then claim any
    client address or host. gunicorn's forwarded_allow_ips is set to the same addresses (webapp/serving).
    """

    def __init__(self, wsgi_app, trusted: list[str]):
        self.plain = wsgi_app
        self.fixed = ProxyFix(wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1)
        self.trusted = frozenset(trusted)

    def __call__(self, environ, start_response):
        if environ.get("REMOTE_ADDR") in self.trusted:
            return self.fixed(environ, start_response)
        return self.plain(environ, start_response)
