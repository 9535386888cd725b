"""Opening Bukti Dukung links (`zi-sheets nilai --cek-tautan`) without letting a link choose what it reaches.

A workbook may come from anyone, so a link in it must not become a way into this computer or its network
(a server on 127.0.0.1, the cloud metadata address 169.254.169.254, a printer on 10.0.0.5), nor a way to
keep the run waiting. So, for every URL, the link's own and each redirect's:

- only http and https; the host is resolved once (numeric oddities such as 0x7f.1 or 2130706433 resolve
  as the system reads them) and refused when any of its addresses is not public (`public_address`);
- the connection goes to the address that was checked, never to a second resolution (which a DNS server
  could answer differently); the Host header, SNI and certificate check still use the link's host name;
- at most `MAX_REDIRECTS` redirects and `MAX_BYTES` read: the status line and headers, and at most what
  of a body arrives in the same buffer (a body is never read for itself);
- one deadline bounds the whole exchange of a link (resolving, connecting, TLS, every read), checked before
  each read, and one more bounds all links of a run; no proxy is used, since a proxy would resolve the
  name where it cannot be checked.

The address policy is a parameter so that tests can allow exactly their own local server.
"""

from __future__ import annotations

import functools
import http.client
import io
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

LINK_SECONDS = 5.0
TOTAL_SECONDS = 60.0
MAX_REDIRECTS = 5
MAX_BYTES = 16 * 1024
MAX_PARALLEL = 8

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[IPAddress], bool]

# -- what became of a link
OPENED, REFUSED, UNREACHABLE, UNCHECKED = "opened", "refused", "unreachable", "unchecked"

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_METADATA = (ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"))
_SAFE = "/%:@!$&'()*+,;=-._~?"


@dataclass(frozen=True)
class LinkResult:
    """What became of one link: `outcome` (OPENED, REFUSED, UNREACHABLE or UNCHECKED), why in an Indonesian
    clause (`problem`, '' when opened), and how many bytes were read from its servers."""

    outcome: str
    problem: str = ""
    bytes_read: int = 0


def public_address(ip: IPAddress) -> bool:
    """Whether `ip` is an address of the public internet: not this computer, its network, a multicast or
    reserved range, nor an IPv6 form (mapped, 6to4, Teredo, NAT64) of such an IPv4 address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # -- an IPv6 socket to ::ffff:a.b.c.d reaches a.b.c.d
            return public_address(ip.ipv4_mapped)
        teredo = ip.teredo
        embedded = [ip.sixtofour, teredo[1] if teredo else None]
        if ip in _NAT64:
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if any(inner is not None and not public_address(inner) for inner in embedded):
            return False
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def seconds_text(seconds: float) -> str:
    """5.0 -> '5', 0.5 -> '0,5': seconds as an Indonesian sentence writes them."""
    return f"{seconds:g}".replace(".", ",")


class _Stop(Exception):
    """The link ends here, with this outcome and problem."""

    def __init__(self, outcome: str, problem: str) -> None:
        super().__init__(problem)
        self.outcome, self.problem = outcome, problem


class _Deadline:
    """The moment a link's exchange must be over; `by_total` when that is the run's deadline, not its own."""

    def __init__(self, at: float, by_total: bool, link_seconds: float) -> None:
        self.at, self.by_total, self.link_seconds = at, by_total, link_seconds

    def left(self) -> float:
        """Seconds left, or the link ends as timed out."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise self.expired()
        return left

    def expired(self) -> _Stop:
        if self.by_total:
            return _Stop(UNCHECKED, "")
        return _Stop(UNREACHABLE, f"server tidak menjawab dalam {seconds_text(self.link_seconds)} detik")


class _Budget:
    """The bytes a link has read from its servers, all its requests together (at most `MAX_BYTES`)."""

    def __init__(self) -> None:
        self.read = 0


class _Reader(io.RawIOBase):
    """The socket as http.client reads it: each read bounded by the deadline left and the byte budget."""

    def __init__(self, sock: socket.socket, deadline: _Deadline, budget: _Budget) -> None:
        self._sock, self._deadline, self._budget = sock, deadline, budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        room = MAX_BYTES - self._budget.read
        if room <= 0:
            raise _Stop(
                UNREACHABLE, f"jawaban server melebihi {MAX_BYTES // 1024} KB sebelum header-nya selesai"
            )
        self._sock.settimeout(self._deadline.left())
        count = self._sock.recv_into(memoryview(buffer)[:room])
        self._budget.read += count
        return count


class _Socket:
    """What http.client needs of a socket, every operation bounded by the link's deadline."""

    def __init__(self, sock: socket.socket, deadline: _Deadline, budget: _Budget) -> None:
        self._sock, self._deadline, self._budget = sock, deadline, budget

    def sendall(self, data: bytes) -> None:
        self._sock.settimeout(self._deadline.left())  # -- since 3.5 a bound on the whole sendall
        self._sock.sendall(data)

    def makefile(self, mode: str = "rb", *args: object, **kwargs: object) -> io.BufferedReader:
        return io.BufferedReader(_Reader(self._sock, self._deadline, self._budget))

    def close(self) -> None:
        self._sock.close()


class _Pinned(http.client.HTTPConnection):
    """An HTTP(S) connection to the checked address `sockaddr`, speaking to it as host `host`."""

    def __init__(
        self,
        host: str,
        port: int,
        sockaddr: tuple,
        family: int,
        tls: ssl.SSLContext | None,
        deadline: _Deadline,
        budget: _Budget,
    ) -> None:
        super().__init__(host, port)
        self.default_port = 443 if tls is not None else 80  # -- the Host header names no default port
        self._sockaddr, self._family, self._tls = sockaddr, family, tls
        self._deadline, self._budget = deadline, budget

    def connect(self) -> None:
        sock = socket.socket(self._family, socket.SOCK_STREAM)
        try:
            sock.settimeout(self._deadline.left())
            sock.connect(self._sockaddr)
            if self._tls is not None:
                # -- SNI and the certificate's name are the link's host; the handshake is one bounded call
                sock.settimeout(self._deadline.left())
                sock = self._tls.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise
        self.sock = _Socket(sock, self._deadline, self._budget)  # type: ignore[assignment]


@functools.cache
def _default_tls() -> ssl.SSLContext:
    return ssl.create_default_context()


def _resolve(host: str, port: int, deadline: _Deadline) -> list[tuple]:
    """The host's addresses (getaddrinfo entries), within the deadline: a resolver that hangs is left to
    itself in a daemon thread, since getaddrinfo cannot be given a timeout."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["found"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            box["error"] = error

    resolver = threading.Thread(target=run, daemon=True)
    resolver.start()
    resolver.join(deadline.left())
    if resolver.is_alive():
        raise deadline.expired()
    if "error" in box:
        raise _Stop(UNREACHABLE, f"nama server '{host}' tidak ditemukan")
    found = box["found"]
    assert isinstance(found, list)
    if not found:
        raise _Stop(UNREACHABLE, f"nama server '{host}' tidak ditemukan")
    return found


def _shown(url: str) -> str:
    """A URL a server sent, fit for a message: printable and not too long."""
    text = "".join(ch if ch.isprintable() else "?" for ch in url)
    return text if len(text) <= 120 else text[:119] + "…"


def _kind(ip: IPAddress) -> str:
    """What a refused address is, as a user would understand it."""
    if ip.is_loopback:
        return "komputer ini sendiri"
    if ip in _METADATA:
        return "alamat metadata server awan"
    if ip.is_private or ip.is_link_local:
        return "jaringan lokal"
    return "alamat khusus"


def _ip(sockaddr: tuple) -> IPAddress:
    return ipaddress.ip_address(str(sockaddr[0]).split("%")[0])


def _target(url: str, hop: int) -> tuple[str, str, int, str]:
    """(scheme, host, port, request target) of a URL the link reached, or the link is refused."""
    where = f"dialihkan ke '{_shown(url)}', " if hop else ""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise _Stop(REFUSED, f"{where}alamat yang tidak sah") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise _Stop(REFUSED, f"{where}skema '{parts.scheme}' bukan http atau https")
    host = parts.hostname or ""
    if not host or not host.isascii() or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise _Stop(REFUSED, f"{where}alamat yang tidak sah")
    # -- percent-encoded as it stands; only what is not ASCII or not allowed in a request line is encoded
    target = quote(parts.path or "/", safe=_SAFE) + (
        f"?{quote(parts.query, safe=_SAFE)}" if parts.query else ""
    )
    return scheme, host, port or (443 if scheme == "https" else 80), target


def _exchange(
    method: str,
    url: str,
    hop: int,
    allow: AddressPolicy,
    tls: ssl.SSLContext,
    deadline: _Deadline,
    budget: _Budget,
) -> tuple[int, str]:
    """(status, Location header) of one request to `url`, made only to an address the policy allows."""
    scheme, host, port, target = _target(url, hop)
    found = _resolve(host, port, deadline)
    for _family, _type, _proto, _name, sockaddr in found:
        ip = _ip(sockaddr)
        if not allow(ip):
            where = f"dialihkan ke '{_shown(url)}', yang servernya" if hop else "servernya"
            raise _Stop(REFUSED, f"{where} beralamat {ip} ({_kind(ip)}), bukan alamat internet publik")
    failure: OSError | None = None
    for family, _type, _proto, _name, sockaddr in found:
        connection = _Pinned(
            host, port, sockaddr, family, tls if scheme == "https" else None, deadline, budget
        )
        try:
            try:
                connection.connect()
            except TimeoutError:
                raise  # -- the deadline: no time left for another address
            except OSError as error:
                failure = error  # -- refused, no route (an IPv6 address without IPv6): the next address
                continue
            connection.request(method, target, headers={"User-Agent": "zi-sheets", "Connection": "close"})
            response = connection.getresponse()
            try:
                return response.status, response.getheader("Location") or ""
            finally:
                response.close()
        finally:
            connection.close()
    assert failure is not None
    raise failure


def check_link(
    url: str,
    *,
    allow: AddressPolicy = public_address,
    link_seconds: float = LINK_SECONDS,
    until: float | None = None,
    tls: ssl.SSLContext | None = None,
) -> LinkResult:
    """Open `url` as the module's docstring says; `until` is the run's deadline (time.monotonic())."""
    own = time.monotonic() + link_seconds
    by_total = until is not None and until < own
    deadline = _Deadline(until if until is not None and by_total else own, by_total, link_seconds)
    budget = _Budget()
    context = tls or _default_tls()
    try:
        return _follow(url, allow, context, deadline, budget)
    except _Stop as stop:
        return LinkResult(stop.outcome, stop.problem, budget.read)
    except TimeoutError:  # -- every socket timeout is set to the deadline left
        expired = deadline.expired()
        return LinkResult(expired.outcome, expired.problem, budget.read)
    except ssl.SSLCertVerificationError:
        return LinkResult(UNREACHABLE, "sertifikat HTTPS servernya tidak sah untuk alamat itu", budget.read)
    except ssl.SSLError:
        return LinkResult(UNREACHABLE, "sambungan HTTPS gagal", budget.read)
    except ConnectionRefusedError:
        return LinkResult(UNREACHABLE, "server menolak sambungan", budget.read)
    except (ConnectionError, http.client.RemoteDisconnected):
        return LinkResult(UNREACHABLE, "server memutus sambungan", budget.read)
    except http.client.HTTPException:
        return LinkResult(UNREACHABLE, "jawaban server bukan jawaban HTTP yang sah", budget.read)
    except (OSError, ValueError, UnicodeError):
        return LinkResult(UNREACHABLE, "server tidak dapat dihubungi", budget.read)


def _follow(
    url: str, allow: AddressPolicy, tls: ssl.SSLContext, deadline: _Deadline, budget: _Budget
) -> LinkResult:
    method, hop = "HEAD", 0
    while True:
        status, location = _exchange(method, url, hop, allow, tls, deadline, budget)
        if status in _REDIRECTS and location:
            if hop == MAX_REDIRECTS:
                return LinkResult(UNREACHABLE, f"dialihkan lebih dari {MAX_REDIRECTS} kali", budget.read)
            url, hop = urljoin(url, location), hop + 1
        elif method == "HEAD" and status in (403, 405, 501):
            method = "GET"  # -- some servers refuse HEAD but serve GET
        elif status >= 400:
            return LinkResult(UNREACHABLE, f"server menjawab HTTP {status}", budget.read)
        else:
            return LinkResult(OPENED, "", budget.read)


def check_links(
    urls: Iterable[str],
    *,
    allow: AddressPolicy = public_address,
    link_seconds: float = LINK_SECONDS,
    total_seconds: float = TOTAL_SECONDS,
    parallel: int = MAX_PARALLEL,
    tls: ssl.SSLContext | None = None,
) -> dict[str, LinkResult]:
    """Each link's result, `parallel` at a time, all within `total_seconds`: a link not begun or cut short
    by that total is UNCHECKED (the run's limit, not the link's fault)."""
    pending = list(dict.fromkeys(urls))
    if not pending:
        return {}
    until = time.monotonic() + total_seconds
    results: dict[str, LinkResult] = {}
    lock = threading.Lock()
    queue = iter(pending)
    errors: list[BaseException] = []

    def work() -> None:
        while True:
            with lock:
                url = next(queue, None)
            if url is None or time.monotonic() >= until:
                return
            try:
                result = check_link(url, allow=allow, link_seconds=link_seconds, until=until, tls=tls)
            except BaseException as error:  # -- a bug: raised again in the calling thread
                errors.append(error)
                return
            with lock:
                results[url] = result

    # -- daemon threads: each link ends by `until`, and one stuck in the resolver must not hold the exit
    workers = [threading.Thread(target=work, daemon=True) for _ in range(min(parallel, len(pending)))]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(max(0.0, until - time.monotonic()) + 1.0)
    if errors:
        raise errors[0]
    with lock:
        return {url: results.get(url, LinkResult(UNCHECKED)) for url in pending}
