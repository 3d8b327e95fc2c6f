"""A real mail server for tests, like a shop's provider: aiosmtpd on a loopback port, a certificate from a
throwaway CA made by the product's own webapp.tls, STARTTLS (or implicit TLS) and AUTH required."""

import socket
import ssl
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography.hazmat.primitives.serialization import Encoding

from webapp.tls.authority import make_ca, make_server_cert, write_cert, write_key

LOGIN, PASSWORD = "hatchu@tanaka-shoten.example.jp", "Kura-2026-tana!"


@dataclass
class Certificates:
    ca_pem: str
    cert: Path
    key: Path


def throwaway_ca(folder: Path) -> Certificates:
    """A CA of this test alone and a server certificate it signs for 127.0.0.1 and localhost."""
    now = datetime.now(UTC)
    ca_key, ca_cert = make_ca(now, "mail-test")
    key, cert = make_server_cert(ca_key, ca_cert, ["localhost", "127.0.0.1"], now)
    write_key(folder / "smtp-key.pem", key)
    write_cert(folder / "smtp.pem", cert)
    return Certificates(ca_cert.public_bytes(Encoding.PEM).decode(), folder / "smtp.pem", folder / "smtp-key.pem")


@dataclass
class Inbox:
    """What the server received: whole messages with their envelope, and every login tried."""

    port: int = 0
    messages: list = field(default_factory=list)
    envelopes: list = field(default_factory=list)
    logins: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 2.0.0 Queued as 4901234567894"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        self.logins.append(auth_data.login.decode())
        ok = auth_data.login.decode() == LOGIN and auth_data.password.decode() == PASSWORD
        return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:  # aiosmtpd checks its own port after starting, so 0 will not do
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def mail_server(certs: Certificates, implicit_tls: bool = False):
    """The server running: STARTTLS then AUTH required (or TLS from the first byte); yields its Inbox."""
    inbox = Inbox(port=free_port())
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certs.cert, certs.key)
    options = {"authenticator": inbox.authenticate, "auth_required": True, "auth_require_tls": True}
    if implicit_tls:
        # The whole connection is TLS, but aiosmtpd counts only STARTTLS as TLS: without this it offers no AUTH.
        options["auth_require_tls"] = False
        controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port, ssl_context=context, **options)
    else:
        controller = Controller(
            inbox, hostname="127.0.0.1", port=inbox.port, tls_context=context, require_starttls=True, **options
        )
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
