"""Which URLs the fetcher may request: schemes and target addresses (RELIABILITY.md rule 7).

`check_target` is a pure function so the policy can be tested without a public host;
`resolve_host` is the only I/O here. Every hop of a redirect chain goes through both.

The addresses checked are the ones connected to: the network backend (`backend`)
connects only to the addresses a hop's check accepted, without resolving the name
again, so a DNS server answering differently to a second question (DNS rebinding) is
never asked one; it also checks the connected peer with `always_refused_reason`.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network
from urllib.parse import SplitResult, urlsplit

IPAddress = IPv4Address | IPv6Address

ALLOWED_SCHEMES = frozenset({"http", "https"})

# Never connected to, whoever asks: link-local ranges hold the cloud metadata
# services (169.254.169.254, AWS IPv6 fd00:ec2::254, Alibaba 100.100.100.200).
_ALWAYS_REFUSED = (
    ip_network("169.254.0.0/16"),
    ip_network("fe80::/10"),
    ip_network("fd00:ec2::254/128"),
    ip_network("100.100.100.200/32"),
)
_NAT64 = ip_network("64:ff9b::/96")


def split_url(url: str) -> tuple[SplitResult | None, str | None]:
    """Parse a URL the fetcher is asked to request; return (parts, None) or (None, why not)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return None, f"invalid URL {shorten(url)}: {exc}"
    scheme = parts.scheme.lower()
    if not scheme:
        return None, f"invalid URL {shorten(url)}: no scheme"
    if scheme not in ALLOWED_SCHEMES:
        return None, f"refused scheme {shorten(scheme, 20)}"
    if not parts.hostname:
        return None, f"invalid URL {shorten(url)}: no host"
    return parts, None


def default_port(scheme: str) -> int:
    """The port of a URL that names none: 443 for https, 80 otherwise."""
    return 443 if scheme.lower() == "https" else 80


def origin_of(parts: SplitResult) -> str:
    """scheme://host:port, the unit robots.txt applies to."""
    scheme = parts.scheme.lower()
    port = parts.port or default_port(scheme)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}:{port}"


def check_target(
    url: str,
    resolved_ips: Iterable[IPAddress],
    came_from_public: bool,
    allow_private: bool,
) -> str | None:
    """Why `url` (whose host resolved to `resolved_ips`) may not be requested, or None.

    `came_from_public` is true when a redirect from a public host led here; a URL the
    user gave explicitly is never "from public", so it may be private (rule 7).
    """
    _, problem = split_url(url)
    if problem is not None:
        return problem
    ips = list(resolved_ips)
    if not ips:
        return f"no address for {shorten(url)}"
    for ip in ips:
        if (refusal := always_refused_reason(ip)) is not None:
            return refusal
    if came_from_public and not allow_private:
        for ip in ips:
            if not is_public(ip):
                return f"refused redirect to private address {ip}"
    return None


def always_refused_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` is never connected to, whatever the options, or None."""
    return f"refused link-local or metadata address {ip}" if is_always_refused(ip) else None


def is_always_refused(ip: IPAddress) -> bool:
    """Link-local or cloud metadata, also when hidden in an IPv6 form."""
    return any(view in net for view in _views(ip) for net in _ALWAYS_REFUSED)


def is_public(ip: IPAddress) -> bool:
    """A globally routable unicast address (not loopback, private, reserved, CGNAT...)."""
    return all(view.is_global and not view.is_multicast for view in _views(ip))


def _views(ip: IPAddress) -> list[IPAddress]:
    """The address itself plus any IPv4 address embedded in it (mapped, 6to4, Teredo, NAT64)."""
    views: list[IPAddress] = [ip]
    if isinstance(ip, IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            views.append(embedded)
    return views


async def resolve_host(host: str, port: int) -> list[IPAddress]:
    """The addresses a connection to host:port may use; raises OSError when the name fails.

    In the resolver's order (the order connections try them). IPv6 scope ids
    ("fe80::1%eth0") are dropped: only link-local addresses carry one, never connected to.
    """
    try:
        return [ip_address(host)]
    except ValueError:
        pass
    import asyncio  # here: importing the fetch package (the store does) stays light

    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: list[IPAddress] = []
    for info in infos:
        address = parse_address(str(info[4][0]))
        if address not in found:
            found.append(address)
    return found


def parse_address(text: str) -> IPAddress:
    """An address as sockets write it, an IPv6 scope id dropped ("fe80::1%eth0")."""
    return ip_address(text.split("%", 1)[0])


def shorten(text: str, limit: int = 200) -> str:
    """Text safe for a one-line error: control characters escaped, long values cut."""
    cleaned = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 3] + "..."
