"""The shop's own HTTPS: a local certificate authority kept under instance/, the server certificate it
signs for every LAN address and name of this PC (renewed at start when due or when an address changed),
and what phones are handed to trust it (DER, iOS profile, fingerprint). Pure: `cryptography` and the
standard library, no Flask, no database; the launcher (webapp/serving), the CLI and the setup page use it.
"""

from .authority import TlsFiles, load_cert, san_names
from .hosts import lan_addresses, rank_addresses, wanted_names
from .lifecycle import Outcome, ensure_certificates, signed_by, summary
from .profile import ca_der, common_name, fingerprint, mobileconfig

__all__ = [
    "Outcome",
    "TlsFiles",
    "ca_der",
    "common_name",
    "ensure_certificates",
    "fingerprint",
    "lan_addresses",
    "load_cert",
    "mobileconfig",
    "rank_addresses",
    "san_names",
    "signed_by",
    "summary",
    "wanted_names",
]
