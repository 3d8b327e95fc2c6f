"""Finding the PC's LAN addresses without the internet: the kernel's tables, the interface tools, the ranking."""

from webapp.tls.hosts import is_lan, parse_default_gateway, parse_fib_trie, parse_inet_lines, rank_addresses

# /proc/net/fib_trie of a shop PC on Wi-Fi (192.168.1.20) with Docker installed (172.17.0.1).
FIB_TRIE = """Main:
  +-- 0.0.0.0/0 3 0 5
     |-- 0.0.0.0
        /0 universe UNICAST
     +-- 127.0.0.0/8 2 0 2
        +-- 127.0.0.0/31 1 0 0
           |-- 127.0.0.0
              /8 host LOCAL
           |-- 127.0.0.1
              /32 host LOCAL
        |-- 127.255.255.255
           /32 link BROADCAST
     +-- 172.17.0.0/16 2 0 2
        |-- 172.17.0.0
           /16 link UNICAST
        |-- 172.17.0.1
           /32 host LOCAL
     +-- 192.168.1.0/24 2 0 2
        |-- 192.168.1.0
           /24 link UNICAST
        |-- 192.168.1.20
           /32 host LOCAL
        |-- 192.168.1.255
           /32 link BROADCAST
Local:
  +-- 0.0.0.0/0 3 0 5
     |-- 192.168.1.20
        /32 host LOCAL
"""
ROUTES = """Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
wlp2s0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
wlp2s0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0
"""
IP_ADDR = """1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
2: wlp2s0    inet 192.168.1.20/24 brd 192.168.1.255 scope global dynamic noprefixroute wlp2s0\\       valid_lft 85746sec
3: docker0    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\\       valid_lft forever preferred_lft forever
"""
IFCONFIG_MAC = """en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500
\tinet 10.0.8.14 netmask 0xffffff00 broadcast 10.0.8.255
lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384
\tinet 127.0.0.1 netmask 0xff000000
"""


def test_the_kernels_table_lists_every_local_address_once():
    assert parse_fib_trie(FIB_TRIE) == ["127.0.0.1", "172.17.0.1", "192.168.1.20"]


def test_the_interface_tools_output_gives_the_same_addresses():
    assert parse_inet_lines(IP_ADDR) == ["127.0.0.1", "192.168.1.20", "172.17.0.1"]
    assert parse_inet_lines(IFCONFIG_MAC) == ["10.0.8.14", "127.0.0.1"]


def test_loopback_and_link_local_addresses_are_not_lan_addresses():
    assert [a for a in parse_fib_trie(FIB_TRIE) if is_lan(a)] == ["172.17.0.1", "192.168.1.20"]
    assert not is_lan("169.254.10.3") and not is_lan("::1") and not is_lan("shop.test")


def test_the_address_on_the_routers_network_comes_first():
    assert parse_default_gateway(ROUTES) == "192.168.1.1"
    assert rank_addresses(["172.17.0.1", "192.168.1.20"], "192.168.1.1") == ["192.168.1.20", "172.17.0.1"]
    # A router in the 10.x range: the PC's 10.x address beats a home-style 192.168 one.
    assert rank_addresses(["192.168.50.2", "10.20.0.7"], "10.20.0.1") == ["10.20.0.7", "192.168.50.2"]


def test_without_a_router_private_ranges_come_first():
    assert parse_default_gateway(ROUTES.splitlines()[0]) is None
    assert rank_addresses(["100.64.3.2", "172.17.0.1", "10.0.0.4", "192.168.1.20"]) == [
        "192.168.1.20",
        "10.0.0.4",
        "172.17.0.1",
        "100.64.3.2",
    ]
