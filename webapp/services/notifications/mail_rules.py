"""What a mail server setting may hold: host names, e-mail addresses, the FAX gateway pattern (pure)."""

import ipaddress
import re

SECURITY_MODES = ("none", "starttls", "tls")  # tls: implicit TLS from the first byte ("SMTPS", port 465)
DEFAULT_PORTS = {"none": 25, "starttls": 587, "tls": 465}
MAX_HOST, MAX_ADDRESS, MAX_NAME, MAX_USERNAME, MAX_PASSWORD = 253, 254, 100, 200, 200
MAX_STORED = 200  # the width of the host, sender and gateway columns: longer is refused, never cut
MAX_CA_PEM = 64 * 1024
FAX_PLACEHOLDER = "{fax}"

_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
# The dot-atom local part of RFC 5322 (no quoted strings: no shop's mailbox needs them).
_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")


def is_host(value: str) -> bool:
    """A DNS host name (letters, digits, hyphens, dots) or an IPv4/IPv6 address."""
    if not value or len(value) > MAX_HOST:
        return False
    try:
        ipaddress.ip_address(value.strip("[]"))
        return True
    except ValueError:
        pass
    return all(_LABEL.match(label) for label in value.rstrip(".").split("."))


def is_address(value: str) -> bool:
    """A plain e-mail address, local@domain, whose domain is a host name with a dot or a bracketed IP."""
    if not value or len(value) > MAX_ADDRESS or value.count("@") != 1:
        return False
    local, domain = value.split("@")
    if not _LOCAL.match(local) or len(local) > 64:
        return False
    if domain.startswith("[") and domain.endswith("]"):
        return is_host(domain)
    return "." in domain and is_host(domain)


def split_addresses(text: str) -> list[str]:
    """Addresses separated by commas, semicolons or line breaks, trimmed, blanks dropped."""
    return [a.strip() for a in re.split(r"[,;\n]", text or "") if a.strip()]


def fax_digits(number: str) -> str:
    """A FAX number as the gateway wants it: digits only (03-1234-5678 -> 0312345678)."""
    return re.sub(r"\D", "", number or "")


def fax_address(pattern: str, number: str) -> str | None:
    """The gateway address for this FAX number, or None when the pattern or the number cannot make one."""
    digits = fax_digits(number)
    if FAX_PLACEHOLDER not in (pattern or "") or not 6 <= len(digits) <= 20:
        return None
    address = pattern.replace(FAX_PLACEHOLDER, digits)
    return address if is_address(address) else None
