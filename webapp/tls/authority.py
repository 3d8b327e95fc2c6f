"""The shop's own certificate authority and the server certificate it signs (EC P-256, `cryptography`)."""

import ipaddress
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_LIFETIME = timedelta(days=3650)
# Apple refuses server certificates valid for more than 398 days; backdating an hour for phones whose clock
# runs a little behind keeps the whole span under 397.
SERVER_LIFETIME = timedelta(days=396)
BACKDATE = timedelta(hours=1)
RENEW_BEFORE = timedelta(days=30)
ORGANISATION = "Tanaoroshi"


@dataclass(frozen=True)
class TlsFiles:
    """Where the certificates live: PEM files in one folder under instance/ (keys mode 0600)."""

    folder: Path

    @property
    def ca_cert(self) -> Path:
        return self.folder / "ca.pem"

    @property
    def ca_key(self) -> Path:
        return self.folder / "ca-key.pem"

    @property
    def cert(self) -> Path:
        return self.folder / "server.pem"

    @property
    def key(self) -> Path:
        return self.folder / "server-key.pem"


def make_ca(now: datetime, host: str | None = None) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A new CA key and self-signed certificate naming this shop's host (ten years, signs nothing but servers)."""
    key = ec.generate_private_key(ec.SECP256R1())
    host = host or socket.gethostname() or "shop"
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            # The date tells a CA made again (a new PC, a lost instance/) from the one phones already trust.
            x509.NameAttribute(NameOID.COMMON_NAME, f"Tanaoroshi local CA ({host[:30]}, {now:%Y-%m-%d})"),
        ]
    )
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + CA_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_server_cert(
    ca_key: ec.EllipticCurvePrivateKey, ca_cert: x509.Certificate, names: list[str], now: datetime
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A server key and certificate signed by the CA, for every name and address in `names`."""
    key = ec.generate_private_key(ec.SECP256R1())
    dns = [n for n in names if not _is_ip(n)]
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, (dns or names or ["localhost"])[0][:64]),
        ]
    )
    ca_ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(min(now + SERVER_LIFETIME, ca_cert.not_valid_after_utc))
        .add_extension(x509.SubjectAlternativeName([_general_name(n) for n in names]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def san_names(cert: x509.Certificate) -> list[str]:
    """The certificate's subject alternative names, addresses as text."""
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return [str(entry.value).lower() for entry in san]


def normalise(name: str) -> str:
    """A name or address as san_names() spells it."""
    name = name.strip().lower()
    return str(ipaddress.ip_address(name)) if _is_ip(name) else name


def write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    """Write a private key readable by this user only (0600), replacing any old one in one step."""
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    _write(path, pem, 0o600)


def write_cert(path: Path, cert: x509.Certificate) -> None:
    _write(path, cert.public_bytes(serialization.Encoding.PEM), 0o644)


def load_cert(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def load_key(path: Path) -> ec.EllipticCurvePrivateKey:
    return serialization.load_pem_private_key(path.read_bytes(), password=None)


def _write(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.fchmod(fd, mode)  # the umask may have taken bits away, or an old file kept wider ones
        os.write(fd, data)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def _key_usage(cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip())
    except ValueError:
        return False
    return True


def _general_name(name: str) -> x509.GeneralName:
    if _is_ip(name):
        return x509.IPAddress(ipaddress.ip_address(name.strip()))
    return x509.DNSName(name.strip().lower())


def utcnow() -> datetime:
    return datetime.now(UTC)
