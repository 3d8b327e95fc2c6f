"""Sending one e-mail through the shop's mail server: STARTTLS or implicit TLS, login, an honest result."""

import copy
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, getaddresses

from .mail_rules import fax_address
from .mail_server import MailServer, mail_server

TIMEOUT_SECONDS = 20  # per network operation (connect, each command); a slow LAN server still answers


@dataclass(frozen=True)
class SendResult:
    """What happened: `reason` is "sent" or why not; `code` and `text` are the server's answer when it gave one."""

    ok: bool
    reason: str
    code: int | None = None
    text: str = ""

    def summary(self) -> str:
        """One line for the delivery log: the reason, then the server's answer."""
        answer = " ".join(str(p) for p in (self.code, self.text) if p)
        return f"{self.reason}: {answer}" if answer else self.reason


class _Refused(Exception):
    def __init__(self, reason: str, code: int | None = None, text: str = ""):
        super().__init__(reason)
        self.result = SendResult(False, reason, code, text)


def tls_context(server: MailServer) -> ssl.SSLContext:
    """Certificates checked against the system's CAs plus the one the owner uploaded, unless allowed otherwise."""
    context = ssl.create_default_context()
    if server.ca_pem:
        context.load_verify_locations(cadata=server.ca_pem)
    if server.allow_untrusted:  # the owner's explicit choice, for a LAN server with a self-made certificate
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _open(server: MailServer, timeout: float) -> smtplib.SMTP:
    """Connected, secured as configured, and logged in."""
    if server.security == "tls":
        smtp = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=tls_context(server))
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=timeout)
    try:
        smtp.ehlo()
        if server.security == "starttls":
            if not smtp.has_extn("starttls"):
                raise _Refused("starttls_unavailable", text="STARTTLS not offered")
            smtp.starttls(context=tls_context(server))
            smtp.ehlo()
        if server.username:
            if server.password is None:
                raise _Refused("password_unreadable")
            if not smtp.has_extn("auth"):
                raise _Refused("auth_unavailable", text="AUTH not offered")
            smtp.login(server.username, server.password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def _answer(exc: smtplib.SMTPResponseException) -> tuple[int, str]:
    text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return exc.smtp_code, text


def _failure(exc: BaseException) -> SendResult:
    """The reason behind an exception of smtplib, ssl or the socket, with the server's answer when it gave one."""
    if isinstance(exc, _Refused):
        return exc.result
    if isinstance(exc, smtplib.SMTPServerDisconnected) and isinstance(exc.__context__, OSError):
        exc = exc.__context__  # smtplib reports a read that timed out as a disconnection
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()), (None, b""))
        return SendResult(False, "recipients_refused", code, text.decode(errors="replace"))
    for kind, reason in (
        (smtplib.SMTPAuthenticationError, "auth_failed"),
        (smtplib.SMTPSenderRefused, "sender_refused"),
        (smtplib.SMTPResponseException, "rejected"),
    ):
        if isinstance(exc, kind):
            return SendResult(False, reason, *_answer(exc))
    for kind, reason in (
        (ssl.SSLCertVerificationError, "certificate_untrusted"),
        (ssl.SSLError, "tls_failed"),
        (smtplib.SMTPServerDisconnected, "disconnected"),
        (ConnectionRefusedError, "connection_refused"),
        (TimeoutError, "timeout"),
        (socket.gaierror, "host_unknown"),
        (smtplib.SMTPException, "rejected"),
        (OSError, "unreachable"),
    ):
        if isinstance(exc, kind):
            return SendResult(False, reason, text=str(getattr(exc, "verify_message", "") or exc))
    raise exc


def _scrubbed(result: SendResult, server: MailServer) -> SendResult:
    """A server that echoes what it was sent never gets the password into a page or the log."""
    if server.password and server.password in result.text:
        return SendResult(result.ok, result.reason, result.code, result.text.replace(server.password, "***"))
    return result


def send_mail(message: EmailMessage, server: MailServer | None = None, timeout: float = TIMEOUT_SECONDS) -> SendResult:
    """Send any EmailMessage (attachments included) to its To/Cc/Bcc; From is the shop's sender unless set.

    Reads the saved server when none is given; call it outside a write transaction (it waits on the network).
    """
    server = server or mail_server()
    if not server.host or not server.sender:
        return SendResult(False, "not_configured")
    if not any(a for _name, a in getaddresses([str(v) for h in ("To", "Cc", "Bcc") for v in message.get_all(h, [])])):
        return SendResult(False, "no_recipients")
    if "From" not in message:
        message["From"] = formataddr((server.sender_name, server.sender)) if server.sender_name else server.sender
    try:
        with _open(server, timeout) as smtp:
            smtp.send_message(message, from_addr=server.sender)
    except (_Refused, smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        return _scrubbed(_failure(exc), server)
    return SendResult(True, "sent")


def fax_copy(message: EmailMessage, fax_number: str, pattern: str | None = None) -> EmailMessage | None:
    """A copy of the message addressed only to the supplier's FAX number through the e-mail-to-FAX gateway.

    `pattern` is the shop's gateway address with "{fax}" for the digits (e.g. "{fax}@fax.example.jp"); the
    saved one when not given. None when there is no pattern or the number has too few digits.
    """
    address = fax_address(pattern if pattern is not None else mail_server().fax_gateway, fax_number)
    if address is None:
        return None
    fax = copy.deepcopy(message)
    for header in ("To", "Cc", "Bcc"):
        del fax[header]
    fax["To"] = address
    return fax
