"""What a phone is handed to trust the CA: the DER file (Android), an iOS configuration profile, the fingerprint."""

import plistlib
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

# A fixed namespace: the same CA always gives the same profile UUIDs, so installing it again replaces, not adds.
_NAMESPACE = uuid.UUID("0b3d2e00-7a6e-4f6a-9b1e-7461786f7368")


def ca_der(cert: x509.Certificate) -> bytes:
    """The certificate in DER, as Android's certificate installer wants a `.crt`."""
    return cert.public_bytes(serialization.Encoding.DER)


def fingerprint(cert: x509.Certificate) -> str:
    """The SHA-256 fingerprint as phones show it: upper-case hex pairs joined by colons."""
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


def common_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(x509.oid.NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def mobileconfig(cert: x509.Certificate, description: str = "") -> bytes:
    """An (unsigned) iOS configuration profile holding the CA in a com.apple.security.root payload."""
    digest = fingerprint(cert).replace(":", "")
    ident = f"jp.tanaoroshi.ca.{digest[:16].lower()}"
    name = common_name(cert)
    profile = {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": ident,
        "PayloadUUID": str(uuid.uuid5(_NAMESPACE, digest + ":profile")).upper(),
        "PayloadDisplayName": name,
        "PayloadDescription": description or name,
        "PayloadOrganization": "Tanaoroshi",
        "PayloadRemovalDisallowed": False,
        "PayloadContent": [
            {
                "PayloadType": "com.apple.security.root",
                "PayloadVersion": 1,
                "PayloadIdentifier": ident + ".root",
                "PayloadUUID": str(uuid.uuid5(_NAMESPACE, digest + ":root")).upper(),
                "PayloadDisplayName": name,
                "PayloadCertificateFileName": "tanaoroshi-ca.crt",
                "PayloadContent": ca_der(cert),
            }
        ],
    }
    return plistlib.dumps(profile, fmt=plistlib.FMT_XML)
