"""Keep the certificates in order at every start: make what is missing, renew what is due, keep the CA."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from .authority import (
    RENEW_BEFORE,
    TlsFiles,
    load_cert,
    load_key,
    make_ca,
    make_server_cert,
    normalise,
    san_names,
    utcnow,
    write_cert,
    write_key,
)
from .profile import common_name, fingerprint


@dataclass(frozen=True)
class Outcome:
    """What ensure_certificates() did: the files, whether it made a CA, why it (re)issued the server cert."""

    files: TlsFiles
    ca_created: bool
    renewed: str | None  # None: the server certificate was kept as it was


def ensure_certificates(
    folder: str | Path, names: list[str], *, now: datetime | None = None, force: bool = False
) -> Outcome:
    """Make the CA if there is none, and a server certificate when it is missing, due or short of a name.

    The CA is kept as long as its files are there: phones trusted it. The server certificate is
    reissued when it is within 30 days of its end, when any wanted name or address is not among its
    SANs (the PC got another address), when another CA signed it, or when `force` is set.
    """
    files = TlsFiles(Path(folder))
    now = now or utcnow()
    ca_created = False
    if files.ca_cert.exists() and files.ca_key.exists():
        ca_key, ca_cert = load_key(files.ca_key), load_cert(files.ca_cert)
    else:
        ca_key, ca_cert = make_ca(now)
        write_key(files.ca_key, ca_key)
        write_cert(files.ca_cert, ca_cert)
        ca_created = True
    reason = "asked for" if force else renewal_reason(files, ca_cert, names, now)
    if reason:
        key, cert = make_server_cert(ca_key, ca_cert, names, now)
        write_key(files.key, key)
        write_cert(files.cert, cert)
    return Outcome(files, ca_created, reason)


def renewal_reason(files: TlsFiles, ca_cert: x509.Certificate, names: list[str], now: datetime) -> str | None:
    """Why the server certificate must be issued again, or None when it is good as it is."""
    if not (files.cert.exists() and files.key.exists()):
        return "no server certificate yet"
    cert = load_cert(files.cert)
    if not signed_by(cert, ca_cert):
        return "signed by another CA"
    if cert.not_valid_after_utc - now <= RENEW_BEFORE:
        return f"ends {cert.not_valid_after_utc:%Y-%m-%d}"
    missing = [n for n in dict.fromkeys(normalise(n) for n in names) if n not in san_names(cert)]
    if missing:
        return "not yet valid for " + ", ".join(missing)
    return None


def signed_by(cert: x509.Certificate, ca_cert: x509.Certificate) -> bool:
    """True when `ca_cert` issued `cert` (names match and the signature verifies with the CA's key)."""
    if cert.issuer != ca_cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(ca_cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def summary(folder: str | Path) -> dict:
    """What `flask tls show` and the launcher print: paths, names, ends, the CA's fingerprint."""
    files = TlsFiles(Path(folder))
    info: dict = {"folder": str(files.folder)}
    if files.ca_cert.exists():
        ca = load_cert(files.ca_cert)
        info.update(
            ca_cert=str(files.ca_cert),
            ca_key=str(files.ca_key),
            ca_name=common_name(ca),
            ca_ends=f"{ca.not_valid_after_utc:%Y-%m-%d}",
            ca_fingerprint=fingerprint(ca),
        )
    if files.cert.exists():
        cert = load_cert(files.cert)
        info.update(
            cert=str(files.cert),
            key=str(files.key),
            cert_names=san_names(cert),
            cert_ends=f"{cert.not_valid_after_utc:%Y-%m-%d}",
        )
    return info
