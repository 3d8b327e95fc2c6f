"""What the mail server form and the test e-mail say, in the owner's language."""

from flask_babel import lazy_gettext as _l

FIELD_MESSAGES = {
    "host_invalid": _l("Enter a host name such as smtp.example.jp, or an IP address."),
    "port_range": _l("Enter a port from 1 to 65535."),
    "security_invalid": _l("Choose a security setting from the list."),
    "address_invalid": _l("Enter an e-mail address such as hatchu@example.jp."),
    "address_required": _l("Enter the sender's e-mail address."),
    "too_long": _l("Too long, or holds a line break."),
    "fax_pattern_invalid": _l("Write the gateway address with {fax} where the number goes, e.g. {fax}@fax.example.jp."),
    "ca_invalid": _l("This file holds no certificate (PEM or DER, at most 64 KB)."),
}

SECURITY_LABELS = {
    "none": _l("None (plain, usually port 25)"),
    "starttls": _l("STARTTLS (usually port 587)"),
    "tls": _l("SSL/TLS from the start (SMTPS, usually port 465)"),
}

REASONS = {
    "sent": _l("The test e-mail was sent. Check that it arrived."),
    "not_configured": _l("Enter and save the mail server and the sender's address first."),
    "no_recipients": _l("Enter the address to send the test e-mail to."),
    "auth_failed": _l("The server refused the login name or password."),
    "auth_unavailable": _l("The server does not offer a login here. Check the security setting (often STARTTLS)."),
    "password_unreadable": _l("The stored password cannot be read on this PC any more. Enter it again."),
    "starttls_unavailable": _l("The server does not offer STARTTLS. Check the port and the security setting."),
    "certificate_untrusted": _l(
        "The server's certificate is not trusted. Upload the CA certificate of the mail server, or allow it explicitly."
    ),
    "tls_failed": _l("The secure connection failed. Check the port and the security setting."),
    "connection_refused": _l("The connection was refused: nothing answers on this host and port."),
    "timeout": _l("The server did not answer in time."),
    "host_unknown": _l("The server's name was not found. Check the host name."),
    "unreachable": _l("The server cannot be reached from this PC."),
    "disconnected": _l("The server closed the connection."),
    "sender_refused": _l("The server refused the sender's address."),
    "recipients_refused": _l("The server refused the recipient's address."),
    "rejected": _l("The server refused the e-mail."),
}


def field_messages(fields: dict) -> dict:
    """Field -> the message for its first reason code."""
    return {name: str(FIELD_MESSAGES.get(codes[0], codes[0])) for name, codes in fields.items() if codes}
