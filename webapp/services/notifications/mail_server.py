"""The mail server alerts and orders are sent through: saved by the owner, read back as plain values."""

from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from flask import current_app

from ...errors import InvalidInput
from ..core import field_changes, record_change, transactional
from . import mail_rules as rules
from .delivery_settings import settings, settings_row
from .secret_box import seal, unseal


@dataclass(frozen=True)
class MailServer:
    """Everything a send needs, read once; the password is left out of repr and logs."""

    host: str
    port: int
    security: str = "none"
    username: str = ""
    password: str | None = field(default="", repr=False)  # None: sealed under another SECRET_KEY
    sender: str = ""
    sender_name: str = ""
    ca_pem: str = field(default="", repr=False)
    allow_untrusted: bool = False
    fax_gateway: str = ""


def mail_server() -> MailServer:
    """The saved server, or the SMTP_HOST / SMTP_PORT / MAIL_FROM of the configuration while none is saved."""
    row, config = settings(), current_app.config
    return MailServer(
        host=row.smtp_host or config.get("SMTP_HOST", ""),
        port=row.smtp_port or config.get("SMTP_PORT", 25),
        security=row.smtp_security or "none",
        username=row.smtp_username or "",
        password=unseal(row.smtp_password_token or ""),
        sender=row.mail_from or config.get("MAIL_FROM", ""),
        sender_name=row.mail_from_name or "",
        ca_pem=row.smtp_ca_pem or "",
        allow_untrusted=bool(row.smtp_allow_untrusted),
        fax_gateway=row.fax_gateway or "",
    )


def _ca_pem(data: bytes) -> str | None:
    """The certificates of an uploaded CA file (PEM or DER) as PEM, or None when it holds none."""
    try:
        certs = (
            x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data else [x509.load_der_x509_certificate(data)]
        )
    except ValueError:
        return None
    return "".join(c.public_bytes(Encoding.PEM).decode() for c in certs)


def _errors(host, port, security, username, password, sender, sender_name, fax_gateway) -> dict:
    """Field -> [reason code]; the pages say each reason in the user's language."""
    errors = {}
    if host and (len(host) > rules.MAX_STORED or not rules.is_host(host)):
        errors["smtp_host"] = ["host_invalid"]
    if not isinstance(port, int) or not 1 <= port <= 65535:
        errors["smtp_port"] = ["port_range"]
    if security not in rules.SECURITY_MODES:
        errors["smtp_security"] = ["security_invalid"]
    if len(username) > rules.MAX_USERNAME or any(c in username for c in "\r\n"):
        errors["smtp_username"] = ["too_long"]
    if password is not None and len(password) > rules.MAX_PASSWORD:
        errors["smtp_password"] = ["too_long"]
    if sender and (len(sender) > rules.MAX_STORED or not rules.is_address(sender)):
        errors["mail_from"] = ["address_invalid"]
    elif host and not sender:
        errors["mail_from"] = ["address_required"]
    if len(sender_name) > rules.MAX_NAME or any(ord(c) < 32 for c in sender_name):
        errors["mail_from_name"] = ["too_long"]
    if fax_gateway and (len(fax_gateway) > rules.MAX_STORED or rules.fax_address(fax_gateway, "0312345678") is None):
        errors["fax_gateway"] = ["fax_pattern_invalid"]
    return errors


@transactional
def save_mail_server(
    *,
    host: str,
    port: int,
    security: str = "none",
    username: str = "",
    password: str | None = None,
    sender: str = "",
    sender_name: str = "",
    ca_certificate: bytes | None = None,
    remove_ca: bool = False,
    allow_untrusted: bool = False,
    fax_gateway: str = "",
    user_id: int | None = None,
) -> None:
    """Save the server; an empty or None password keeps the stored one, an uploaded CA replaces the trusted one."""
    host, username, sender = host.strip(), username.strip(), sender.strip()
    sender_name, fax_gateway = sender_name.strip(), fax_gateway.strip()
    errors = _errors(host, port, security, username, password, sender, sender_name, fax_gateway)
    ca_pem = None
    if ca_certificate:
        ca_pem = _ca_pem(ca_certificate) if len(ca_certificate) <= rules.MAX_CA_PEM else None
        if ca_pem is None:
            errors["smtp_ca"] = ["ca_invalid"]
    if errors:
        raise InvalidInput("Check the highlighted mail server settings.", fields=errors)
    row = settings_row()
    values = {"smtp_host": host, "smtp_port": port, "smtp_security": security, "smtp_username": username}
    values |= {"mail_from": sender, "mail_from_name": sender_name}
    values |= {"smtp_allow_untrusted": allow_untrusted, "fax_gateway": fax_gateway}
    changes = {name.removeprefix("smtp_"): pair for name, pair in field_changes(row, values).items()}
    for name, value in values.items():
        setattr(row, name, value)
    if password:
        row.smtp_password_token = seal(password)
        changes["password"] = (None, None)  # recorded as "changed", never the value
    if ca_pem is not None or remove_ca:
        changes["ca_certificate"] = ("", "removed" if remove_ca and ca_pem is None else "uploaded")
        row.smtp_ca_pem = ca_pem or ""
    record_change(user_id, "mail_server", row.id, host, changes)


@transactional
def clear_mail_password(user_id: int | None = None) -> None:
    """Forget the stored SMTP password."""
    row = settings_row()
    if row.smtp_password_token:
        record_change(user_id, "mail_server", row.id, row.smtp_host or "", {"password": (None, None)})
    row.smtp_password_token = ""
