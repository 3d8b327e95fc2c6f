"""The names and IPv4 addresses this host answers to on the shop's LAN, found without the internet."""

import ipaddress
import re
import shutil
import socket
import subprocess
from pathlib import Path

FIB_TRIE = Path("/proc/net/fib_trie")
ROUTES = Path("/proc/net/route")
_INET = re.compile(r"\binet (?:addr:)?(\d{1,3}(?:\.\d{1,3}){3})\b")
# A phone on the shop's Wi-Fi most likely reaches a home-router range first.
_PREFERRED = [ipaddress.ip_network(n) for n in ("192.168.0.0/16", "10.0.0.0/8", "172.16.0.0/12")]


def is_lan(address: str) -> bool:
    """An IPv4 address another device could reach: not loopback, link-local, multicast or unspecified."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not (ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified)


def parse_fib_trie(text: str) -> list[str]:
    """The local addresses in /proc/net/fib_trie: each address line followed by `/32 host LOCAL`."""
    found, last = [], None
    for line in text.splitlines():
        entry = line.strip()
        if entry.startswith("|--"):
            last = entry[3:].strip()
        elif entry.startswith("/32 host LOCAL") and last:
            found.append(last)
    return _unique(found)


def parse_inet_lines(text: str) -> list[str]:
    """The IPv4 addresses in the output of `ip -4 -o addr` or `ifconfig`."""
    return _unique(_INET.findall(text))


def parse_default_gateway(text: str) -> str | None:
    """The default route's gateway from /proc/net/route (addresses in the kernel's little-endian hex)."""
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 8 and fields[1] == "00000000" and fields[7] == "00000000" and fields[2] != "00000000":
            return str(ipaddress.IPv4Address(int(fields[2], 16).to_bytes(4, "little")))
    return None


def lan_addresses() -> list[str]:
    """Every LAN IPv4 address of this host, best first (see primary_address)."""
    found = parse_fib_trie(_read(FIB_TRIE))
    if not found:  # not Linux, or /proc hidden: ask the interface tools that exist
        for command in (["ip", "-4", "-o", "addr", "show"], ["ifconfig"]):
            found = parse_inet_lines(_run(command))
            if found:
                break
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        found += [info[4][0] for info in infos]
    except OSError:
        pass
    return rank_addresses([a for a in _unique(found) if is_lan(a)], parse_default_gateway(_read(ROUTES)))


def rank_addresses(addresses: list[str], gateway: str | None = None) -> list[str]:
    """Addresses ordered so that the one phones most likely reach comes first.

    The address sharing the longest prefix with the default gateway is on the network the gateway serves
    (the shop's router); without a gateway, private home/office ranges come before anything else.
    """

    def key(address: str):
        ip = ipaddress.IPv4Address(address)
        shared = 32 - (int(ip) ^ int(ipaddress.IPv4Address(gateway))).bit_length() if gateway else 0
        range_rank = next((i for i, net in enumerate(_PREFERRED) if ip in net), len(_PREFERRED))
        return (-shared, range_rank, int(ip))

    return sorted(_unique(addresses), key=key)


def host_names() -> list[str]:
    """This host's name and its mDNS name (`<name>.local`), lower case."""
    name = socket.gethostname().strip().lower()
    if not name or not name.isascii():
        return []
    short = name.split(".")[0]
    return _unique([name, f"{short}.local"])


def wanted_names(extra: str | list[str] = "", addresses: list[str] | None = None) -> list[str]:
    """What the server certificate must cover: LAN addresses, host names, localhost, 127.0.0.1, extras.

    `extra` is the TLS_NAMES setting (comma separated names or addresses); `addresses` replaces the lookup.
    """
    extras = extra.split(",") if isinstance(extra, str) else list(extra)
    lan = lan_addresses() if addresses is None else addresses
    names = [*lan, *host_names(), "localhost", "127.0.0.1", *(e.strip().lower() for e in extras)]
    return _unique([n for n in names if n])


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def _run(command: list[str]) -> str:
    if not shutil.which(command[0]):
        return ""
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=5, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
