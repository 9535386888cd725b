"""Opening Bukti Dukung links (zi_sheets/lke/fetch.py) against servers on this machine: the address policy
(injected here to allow exactly the test server), redirects, the deadlines and the byte cap. No figure of
speed is asserted: a short deadline is given and the test asserts how the link ended."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from pathlib import Path

import pytest
from local_server import LocalServer, respond

from zi_sheets.lke import fetch
from zi_sheets.lke.fetch import (
    MAX_BYTES,
    MAX_REDIRECTS,
    OPENED,
    REFUSED,
    UNCHECKED,
    UNREACHABLE,
    check_link,
    check_links,
    public_address,
)


def only(*addresses: str):
    """An address policy allowing exactly these addresses (the test's own servers)."""
    allowed = {ipaddress.ip_address(address) for address in addresses}
    return lambda ip: ip in allowed


ALLOW_TEST_SERVER = only("127.0.0.1")


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.0.0.2",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "100.64.0.1",  # -- carrier-grade NAT
        "169.254.169.254",  # -- cloud metadata
        "169.254.1.1",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd00:ec2::254",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:10.0.0.1",
        "2002:7f00:1::1",  # -- 6to4 of 127.0.0.1
        "2002:a00:1::1",  # -- 6to4 of 10.0.0.1
        "64:ff9b::a00:1",  # -- NAT64 of 10.0.0.1
    ],
)
def test_the_production_policy_refuses_every_address_that_is_not_public(address):
    assert not public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_the_production_policy_allows_public_addresses(address):
    assert public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "written",
    ["127.0.0.1", "localhost", "0x7f.1", "2130706433", "127.1", "0177.0.0.1", "[::ffff:127.0.0.1]"],
)
def test_loopback_in_any_spelling_is_refused_before_any_connection(written):
    with LocalServer(respond()) as server:
        result = check_link(f"http://{written}:{server.port}/x.pdf")
    assert result.outcome == REFUSED, result
    assert "bukan alamat internet publik" in result.problem
    assert server.accepted == 0


def test_a_link_to_an_allowed_server_opens_with_its_host_name_in_the_request():
    with LocalServer(respond()) as server:
        # -- localhost may resolve to ::1 as well: every address it resolves to must be allowed
        result = check_link(f"http://localhost:{server.port}/bukti.pdf", allow=only("127.0.0.1", "::1"))
    assert result == fetch.LinkResult(OPENED, "", result.bytes_read)
    (request,) = server.requests
    assert request.startswith(b"HEAD /bukti.pdf HTTP/1.1\r\n")
    assert f"Host: localhost:{server.port}\r\n".encode() in request


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch):
    """DNS rebinding: a name first resolving to an allowed address and then to another must be reached at
    the first; the host is resolved once per URL and the Host header keeps the name."""
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "10.255.255.1"])
    calls: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        if host != "bukti.contoh.test":
            return real(host, port, *args, **kwargs)
        calls.append(host)
        return real(next(answers), port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with LocalServer(respond()) as server:
        result = check_link(f"http://bukti.contoh.test:{server.port}/sk.pdf", allow=ALLOW_TEST_SERVER)
    assert result.outcome == OPENED, result
    assert calls == ["bukti.contoh.test"]
    assert f"Host: bukti.contoh.test:{server.port}\r\n".encode() in server.requests[0]


def test_a_name_resolving_to_an_allowed_and_a_refused_address_is_refused(monkeypatch):
    real = socket.getaddrinfo

    def two(host, port, *args, **kwargs):
        if host != "campur.contoh.test":
            return real(host, port, *args, **kwargs)
        return real("127.0.0.1", port, *args, **kwargs) + real("10.0.0.1", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", two)
    with LocalServer(respond()) as server:
        result = check_link(f"http://campur.contoh.test:{server.port}/", allow=ALLOW_TEST_SERVER)
    assert result.outcome == REFUSED and "10.0.0.1" in result.problem
    assert server.accepted == 0


def test_an_address_that_does_not_connect_gives_way_to_the_hosts_next(monkeypatch):
    real = socket.getaddrinfo

    def two(host, port, *args, **kwargs):
        if host != "dua.contoh.test":
            return real(host, port, *args, **kwargs)
        return real("127.0.0.2", port, *args, **kwargs) + real("127.0.0.1", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", two)
    with LocalServer(respond()) as server:  # -- on 127.0.0.1 only: 127.0.0.2 refuses the connection
        result = check_link(f"http://dua.contoh.test:{server.port}/", allow=only("127.0.0.1", "127.0.0.2"))
    assert result.outcome == OPENED, result


def test_an_error_status_is_unreachable_and_head_refused_falls_back_to_get():
    def head_refused(server, conn, request):
        status = "405 Method Not Allowed" if request.startswith(b"HEAD") else "200 OK"
        respond(status)(server, conn, request)

    with LocalServer(respond("404 Not Found")) as missing, LocalServer(head_refused) as picky:
        gone = check_link(f"{missing.url}/hilang.pdf", allow=ALLOW_TEST_SERVER)
        opened = check_link(f"{picky.url}/ada.pdf", allow=ALLOW_TEST_SERVER)
    assert (gone.outcome, gone.problem) == (UNREACHABLE, "server menjawab HTTP 404")
    assert opened.outcome == OPENED
    assert [request.split(b" ")[0] for request in picky.requests] == [b"HEAD", b"GET"]


def test_a_closed_port_and_an_unknown_name_are_unreachable(monkeypatch):
    with socket.socket() as probe:  # -- a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    closed = check_link(f"http://127.0.0.1:{port}/", allow=ALLOW_TEST_SERVER)
    assert (closed.outcome, closed.problem) == (UNREACHABLE, "server menolak sambungan")

    def unknown_name(*args, **kwargs):  # -- what a resolver says of .invalid (RFC 6761), without asking one
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unknown_name)
    unknown = check_link("http://bukti.contoh.invalid/sk.pdf")
    assert (unknown.outcome, unknown.problem) == (
        UNREACHABLE,
        "nama server 'bukti.contoh.invalid' tidak ditemukan",
    )


# -- redirects -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "said"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 (alamat metadata server awan)"),
        ("http://127.0.0.2:{port}/", "127.0.0.2 (komputer ini sendiri)"),
        ("http://[::1]:{port}/", "::1"),
        ("http://10.0.0.1/", "10.0.0.1 (jaringan lokal)"),
        ("file:///etc/passwd", "skema 'file' bukan http atau https"),
        ("gopher://127.0.0.1:{port}/", "skema 'gopher'"),
    ],
)
def test_a_redirect_is_checked_like_the_link(location, said):
    with LocalServer(respond(), host="127.0.0.2") as target:
        where = location.format(port=target.port)
        with LocalServer(respond("302 Found", f"Location: {where}")) as server:
            result = check_link(f"{server.url}/bukti", allow=ALLOW_TEST_SERVER)
    assert result.outcome == REFUSED, result
    assert said in result.problem and "dialihkan ke" in result.problem
    assert target.accepted == 0


def _redirecting(server, conn, request):
    """/r/N redirects to /r/N-1 (relative), /r/0 answers 200."""
    path = request.split(b" ")[1].decode()
    left = int(path.rsplit("/", 1)[1])
    if left:
        respond("301 Moved Permanently", f"Location: /r/{left - 1}")(server, conn, request)
    else:
        respond()(server, conn, request)


def test_at_most_five_redirects_are_followed():
    with LocalServer(_redirecting) as server:
        five = check_link(f"{server.url}/r/{MAX_REDIRECTS}", allow=ALLOW_TEST_SERVER)
        six = check_link(f"{server.url}/r/{MAX_REDIRECTS + 1}", allow=ALLOW_TEST_SERVER)
    assert five.outcome == OPENED, five
    assert (six.outcome, six.problem) == (UNREACHABLE, f"dialihkan lebih dari {MAX_REDIRECTS} kali")


# -- deadlines and the byte cap --------------------------------------------------------------------------


def _dripping(server, conn, request):
    """A whole, valid answer, one byte every quarter second: fast enough for every single read to beat a
    socket timeout, so only a deadline over the whole exchange ends it."""
    for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n":
        if server.stopping.wait(0.25):
            return
        conn.sendall(bytes([byte]))


def _silent(server, conn, request):
    server.stopping.wait(30)


@pytest.mark.parametrize("handler", [_dripping, _silent], ids=["one-byte-at-a-time", "silent"])
def test_a_slow_or_silent_server_ends_by_the_links_deadline(handler):
    with LocalServer(handler) as server:
        result = check_link(f"{server.url}/x.pdf", allow=ALLOW_TEST_SERVER, link_seconds=1.0)
    assert (result.outcome, result.problem) == (UNREACHABLE, "server tidak menjawab dalam 1 detik")


def test_the_deadline_bounds_a_resolver_that_never_answers(monkeypatch):
    real = socket.getaddrinfo
    never = threading.Event()

    def hanging(host, port, *args, **kwargs):
        if host == "lambat.contoh.test":
            never.wait(30)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    try:
        result = check_link("http://lambat.contoh.test/", allow=ALLOW_TEST_SERVER, link_seconds=0.5)
    finally:
        never.set()
    assert (result.outcome, result.problem) == (UNREACHABLE, "server tidak menjawab dalam 0,5 detik")


def test_a_huge_body_is_never_read():
    def endless_body(server, conn, request):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n")
        while not server.stopping.is_set():
            conn.sendall(b"x" * 65536)

    with LocalServer(endless_body) as server:
        result = check_link(f"{server.url}/besar.pdf", allow=ALLOW_TEST_SERVER)
    assert result.outcome == OPENED
    assert 0 < result.bytes_read <= MAX_BYTES


def test_endless_headers_end_at_the_byte_cap():
    def endless_headers(server, conn, request):
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        while not server.stopping.is_set():
            conn.sendall(b"X-Isi: " + b"a" * 1000 + b"\r\n")

    with LocalServer(endless_headers) as server:
        result = check_link(f"{server.url}/", allow=ALLOW_TEST_SERVER)
    assert result.outcome == UNREACHABLE
    assert result.problem in (
        f"jawaban server melebihi {MAX_BYTES // 1024} KB sebelum header-nya selesai",
        "jawaban server bukan jawaban HTTP yang sah",  # -- http.client's own limit of 100 headers
    )
    assert result.bytes_read <= MAX_BYTES


def test_all_links_of_a_run_share_one_total_deadline():
    with LocalServer(_silent) as server:
        # -- 40 links, 4 at a time, 0.2 s each, 1 s for all: the first four end by their own deadline,
        # -- the last cannot begin before 10 rounds of 0.2 s, after the run's 1 s
        urls = [f"{server.url}/{n}.pdf" for n in range(40)]
        results = check_links(urls, allow=ALLOW_TEST_SERVER, link_seconds=0.2, total_seconds=1.0, parallel=4)
    assert list(results) == urls
    outcomes = [result.outcome for result in results.values()]
    assert set(outcomes) <= {UNREACHABLE, UNCHECKED}
    assert outcomes[:4] == [UNREACHABLE] * 4
    assert outcomes[-1] == UNCHECKED and results[urls[-1]].problem == ""
    assert server.accepted < len(urls)


def test_each_link_is_checked_once():
    with LocalServer(respond()) as server:
        results = check_links(
            [f"{server.url}/a", f"{server.url}/a", f"{server.url}/b"], allow=ALLOW_TEST_SERVER
        )
    assert {url: r.outcome for url, r in results.items()} == {
        f"{server.url}/a": OPENED,
        f"{server.url}/b": OPENED,
    }
    assert server.accepted == 2


# -- https: the name is the link's, the address the checked one ------------------------------------------


def _certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for DNS name `name` (its own CA) and its key."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def test_https_sends_the_host_name_and_checks_the_certificate_against_it(tmp_path):
    pytest.importorskip("cryptography")
    cert_path, key_path = _certificate(tmp_path, "bukti.contoh.test")
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert_path, key_path)
    names: list[str | None] = []
    server_tls.sni_callback = lambda sock, name, context: names.append(name)
    client_tls = ssl.create_default_context(cafile=str(cert_path))
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        return real("127.0.0.1" if host == "bukti.contoh.test" else host, *args, **kwargs)

    with LocalServer(respond(), tls=server_tls) as server, pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "getaddrinfo", resolve)
        named = check_link(
            f"https://bukti.contoh.test:{server.port}/sk.pdf", allow=ALLOW_TEST_SERVER, tls=client_tls
        )
        by_address = check_link(
            f"https://127.0.0.1:{server.port}/sk.pdf", allow=ALLOW_TEST_SERVER, tls=client_tls
        )
    assert named.outcome == OPENED, named
    assert names[0] == "bukti.contoh.test"
    assert f"Host: bukti.contoh.test:{server.port}\r\n".encode() in server.requests[0]
    assert (by_address.outcome, by_address.problem) == (
        UNREACHABLE,
        "sertifikat HTTPS servernya tidak sah untuk alamat itu",
    )
