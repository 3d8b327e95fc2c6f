"""The shop's own CA and server certificate: the chain, the names, the limits phones enforce, renewal."""

import ipaddress
import os
import stat
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from webapp.tls import ensure_certificates, fingerprint, load_cert, san_names, wanted_names
from webapp.tls.hosts import host_names

SHOP_PC = ["192.168.1.20", "kura-pc", "kura-pc.local", "localhost", "127.0.0.1", "shop.test"]
APRIL = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)


def issue(folder, names=SHOP_PC, now=APRIL, **kw):
    outcome = ensure_certificates(folder, names, now=now, **kw)
    return outcome, load_cert(outcome.files.ca_cert), load_cert(outcome.files.cert)


def verifier_for(ca, name, when=APRIL + timedelta(days=1)):
    """A browser-like (RFC 5280 / CA-B Forum) verifier that trusts only this CA."""
    return PolicyBuilder().store(Store([ca])).time(when).build_server_verifier(name)


def test_the_server_certificate_chains_to_the_shops_ca_for_a_name_and_an_address(tmp_path):
    outcome, ca, server = issue(tmp_path / "tls")
    assert outcome.ca_created and outcome.renewed == "no server certificate yet"
    assert server.issuer == ca.subject
    server.verify_directly_issued_by(ca)  # the signature checks out with the CA's public key
    chain = verifier_for(ca, x509.DNSName("shop.test")).verify(server, [])
    assert chain == [server, ca]
    verifier_for(ca, x509.IPAddress(ipaddress.ip_address("192.168.1.20"))).verify(server, [])


def test_a_browser_that_trusts_another_ca_refuses_the_certificate(tmp_path):
    _, _, server = issue(tmp_path / "shop")
    _, other_ca, _ = issue(tmp_path / "another-shop")
    with pytest.raises(VerificationError):
        verifier_for(other_ca, x509.DNSName("shop.test")).verify(server, [])


def test_a_name_the_certificate_does_not_cover_is_refused(tmp_path):
    _, ca, server = issue(tmp_path / "tls")
    with pytest.raises(VerificationError):
        verifier_for(ca, x509.DNSName("other-shop.test")).verify(server, [])


def test_the_sans_cover_lan_addresses_host_names_localhost_and_the_tls_names_extras(tmp_path):
    names = wanted_names("shop.test, Tana.Example , 10.0.0.5", addresses=["192.168.1.20", "172.20.0.4"])
    _, _, server = issue(tmp_path / "tls", names)
    san = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    ips = {str(ip) for ip in san.get_values_for_type(x509.IPAddress)}
    dns = set(san.get_values_for_type(x509.DNSName))
    assert ips == {"192.168.1.20", "172.20.0.4", "127.0.0.1", "10.0.0.5"}
    assert {"localhost", "shop.test", "tana.example", *host_names()} == dns
    hostname = host_names()[0]
    assert f"{hostname.split('.')[0]}.local" in dns


def test_the_ca_may_sign_servers_only_and_lives_ten_years(tmp_path):
    _, ca, _ = issue(tmp_path / "tls")
    constraints = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca is True and constraints.value.path_length == 0
    usage = ca.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.key_cert_sign and usage.value.crl_sign
    assert ca.not_valid_after_utc - ca.not_valid_before_utc >= timedelta(days=3650)
    assert "Tanaoroshi" in ca.subject.rfc4514_string()


def test_the_server_certificate_is_for_servers_and_within_apples_397_days(tmp_path):
    _, _, server = issue(tmp_path / "tls")
    usage = server.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(usage) == [ExtendedKeyUsageOID.SERVER_AUTH]
    assert server.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    assert server.not_valid_after_utc - server.not_valid_before_utc <= timedelta(days=397)
    assert server.not_valid_before_utc <= APRIL  # valid at once, even on a phone whose clock is a little behind


def test_the_private_keys_are_readable_by_the_owner_only_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        outcome, _, _ = issue(tmp_path / "tls")
    finally:
        os.umask(old)
    for key in (outcome.files.ca_key, outcome.files.key):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600, key
    assert stat.S_IMODE(outcome.files.folder.stat().st_mode) == 0o700


def test_a_valid_certificate_for_the_same_names_is_left_untouched(tmp_path):
    first, _, _ = issue(tmp_path / "tls")
    before = {p: p.read_bytes() for p in first.files.folder.iterdir()}
    again, _, _ = issue(tmp_path / "tls", now=APRIL + timedelta(days=300))
    assert again.ca_created is False and again.renewed is None
    assert {p: p.read_bytes() for p in first.files.folder.iterdir()} == before


def test_a_certificate_within_30_days_of_its_end_is_renewed_and_the_ca_kept(tmp_path):
    _, ca, old = issue(tmp_path / "tls")
    later = APRIL + timedelta(days=370)  # the certificate ends 26 days after this
    outcome, ca_after, new = issue(tmp_path / "tls", now=later)
    assert outcome.renewed.startswith("ends ") and not outcome.ca_created
    assert fingerprint(ca_after) == fingerprint(ca)  # phones that trusted the CA keep working
    assert new.serial_number != old.serial_number
    assert new.not_valid_after_utc > later + timedelta(days=300)
    verifier_for(ca, x509.DNSName("shop.test"), when=later).verify(new, [])


def test_a_new_lan_address_renews_the_certificate_for_it(tmp_path):
    _, ca, _ = issue(tmp_path / "tls")
    moved = ["192.168.1.35" if n == "192.168.1.20" else n for n in SHOP_PC]  # the router gave the PC another lease
    outcome, ca_after, new = issue(tmp_path / "tls", moved, now=APRIL + timedelta(days=10))
    assert outcome.renewed == "not yet valid for 192.168.1.35"
    assert "192.168.1.35" in san_names(new)
    assert fingerprint(ca_after) == fingerprint(ca)


def test_a_new_tls_name_renews_but_a_name_no_longer_wanted_does_not(tmp_path):
    issue(tmp_path / "tls")
    fewer, _, _ = issue(tmp_path / "tls", [n for n in SHOP_PC if n != "shop.test"])
    assert fewer.renewed is None  # an extra name on the certificate harms nobody
    more, _, new = issue(tmp_path / "tls", [*SHOP_PC, "Kura.Example"])
    assert more.renewed == "not yet valid for kura.example" and "kura.example" in san_names(new)


def test_a_certificate_from_another_ca_is_reissued_by_this_one(tmp_path):
    outcome, _, _ = issue(tmp_path / "tls")
    _, _, foreign = issue(tmp_path / "elsewhere")
    outcome.files.cert.write_bytes((tmp_path / "elsewhere" / "server.pem").read_bytes())
    again, ca, server = issue(tmp_path / "tls")
    assert again.renewed == "signed by another CA"
    server.verify_directly_issued_by(ca)
    assert server.serial_number != foreign.serial_number


def test_renew_on_request_issues_a_new_certificate_and_keeps_the_ca(tmp_path):
    _, ca, old = issue(tmp_path / "tls")
    outcome, ca_after, new = issue(tmp_path / "tls", force=True)
    assert outcome.renewed == "asked for" and fingerprint(ca_after) == fingerprint(ca)
    assert new.serial_number != old.serial_number
