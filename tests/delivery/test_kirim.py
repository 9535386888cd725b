"""Sending the package: settings from env and INI files, and real SMTP sessions against aiosmtpd.

Every server is a real aiosmtpd Controller bound to 127.0.0.1 and stopped in the fixture's finalizer;
the client side is the real smtplib code of `zi_sheets.delivery.kirim`, with bounded timeouts. The
STARTTLS and implicit-TLS tests use a CA and a server certificate generated at test time (cryptography, or
the openssl command), trusted by the client through ZI_SHEETS_SMTP_CAFILE: the certificate really is verified.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import os
import re
import shutil
import socket
import ssl
import subprocess
from collections.abc import Callable, Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller", reason="aiosmtpd not installed (test extra)")
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402
from test_paket import INSPEKTORAT, SUMMARY, make_docx, make_identitas  # noqa: E402

from zi_sheets.common.errors import ZiSheetsError  # noqa: E402
from zi_sheets.delivery.kirim import SmtpSettings, default_config_path, find_eml, load_settings, send_package  # noqa: E402
from zi_sheets.delivery.paket import write_package  # noqa: E402

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HOST = "127.0.0.1"
USER = "tim-zi@contoh.go.id"
PASSWORD = "Rahasia%Sekali-7421"
TIMEOUT = 5.0


class Collector:
    """aiosmtpd handler keeping every envelope it receives."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd hook name)
        self.envelopes.append(envelope)
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@pytest.fixture
def start_server() -> Iterator[Callable[..., tuple[Collector, int]]]:
    """Start an aiosmtpd server on 127.0.0.1 with the given SMTP options; stopped when the test ends."""
    controllers = []

    def start(**options) -> tuple[Collector, int]:
        handler = Collector()
        port = free_port()
        controller = aiosmtpd_controller.Controller(
            handler, hostname=HOST, port=port, server_hostname="smtp.test", ready_timeout=TIMEOUT, **options
        )
        controller.start()
        controllers.append(controller)
        return handler, port

    yield start
    for controller in controllers:
        controller.stop()


def no_user_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No ZI_SHEETS_ variable and no config file of the machine's user reach the command under test."""
    for name in list(os.environ):
        if name.startswith("ZI_SHEETS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def local_server_settings(monkeypatch: pytest.MonkeyPatch, port: int) -> None:
    """SMTP settings, by environment, for the plain local test server on `port`."""
    for variable, value in (("HOST", HOST), ("PORT", str(port)), ("SECURITY", "none"), ("FROM", USER)):
        monkeypatch.setenv(f"ZI_SHEETS_SMTP_{variable}", value)


@pytest.fixture
def package(tmp_path: Path):
    folder = tmp_path / "kecamatan-contoh-2024"
    folder.mkdir()
    documents = [
        make_docx(folder / "P.1.ii.a Rencana Kerja Pembangunan ZI 2024.docx", "Rencana Kerja"),
        make_docx(folder / "Lampiran – Tim.docx", "Lampiran"),
    ]
    pdf = folder / "P.1.ii.a Rencana Kerja Pembangunan ZI 2024.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    documents.append(pdf)
    return write_package(
        make_identitas(), documents, folder, summary=SUMMARY, month_label="Mei 2024"
    ), documents


def plain(port: int, **changes) -> SmtpSettings:
    settings = SmtpSettings(host=HOST, port=port, security="none", sender=USER, timeout=TIMEOUT)
    return dataclasses.replace(settings, **changes)


def received(handler: Collector) -> EmailMessage:
    assert len(handler.envelopes) == 1
    message = email.message_from_bytes(handler.envelopes[0].content, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def assert_delivered(handler: Collector, documents: list[Path]) -> EmailMessage:
    envelope = handler.envelopes[0]
    message = received(handler)
    assert envelope.rcpt_tos == [INSPEKTORAT]
    assert envelope.mail_from == USER
    assert message["To"] == INSPEKTORAT
    assert message["From"] == USER
    assert message["X-Unsent"] is None  # -- a draft header has no place in a sent message
    assert message["Message-ID"]
    assert "Kecamatan Contoh" in message["Subject"] and "Mei 2024" in message["Subject"]
    assert SUMMARY in message.get_body(preferencelist=("plain",)).get_content()
    found = {part.get_filename(): part for part in message.iter_attachments()}
    assert set(found) == {path.name for path in documents}
    for path in documents:
        part = found[path.name]
        assert part.get_content_type() == (DOCX if path.suffix == ".docx" else "application/pdf")
        assert part.get_payload(decode=True) == path.read_bytes()
    return message


# -- plain SMTP: delivery of the draft, recipients, errors ------------------------------------------------


def test_sends_the_package_to_the_inspektorat(start_server, package) -> None:
    handler, port = start_server()
    pkg, documents = package
    assert send_package(pkg.eml_path, plain(port)) == [INSPEKTORAT]
    assert_delivered(handler, documents)
    assert b"X-Unsent" in pkg.eml_path.read_bytes()  # -- the draft on disk is left as it was


def test_folder_argument_uses_its_single_eml(start_server, package) -> None:
    handler, port = start_server()
    pkg, documents = package
    assert find_eml(pkg.eml_path.parent) == pkg.eml_path
    send_package(pkg.eml_path.parent, plain(port))
    assert_delivered(handler, documents)


def test_to_overrides_the_draft_recipient(start_server, package) -> None:
    handler, port = start_server()
    pkg, _ = package
    assert send_package(pkg.eml_path, plain(port), to="tpi@contohkab.go.id") == ["tpi@contohkab.go.id"]
    assert handler.envelopes[0].rcpt_tos == ["tpi@contohkab.go.id"]
    assert received(handler)["To"] == "tpi@contohkab.go.id"


def test_unaddressed_draft_is_refused_before_connecting(tmp_path: Path) -> None:
    document = make_docx(tmp_path / "a.docx", "A")
    pkg = write_package(make_identitas(""), [document], tmp_path, summary=SUMMARY)
    closed = free_port()
    with pytest.raises(ZiSheetsError, match="Email Inspektorat"):
        send_package(pkg.eml_path, plain(closed))


# -- header injection (issue 30, class 6): the envelope is exactly the parsed list the draft shows ---------


def _draft(folder: Path, headers: str) -> Path:
    eml = folder / "draf.eml"
    eml.write_bytes((headers + "Subject: Dokumen ZI\r\nX-Unsent: 1\r\n\r\nisi\r\n").encode())
    return eml


def test_delivered_only_to_the_listed_to_and_cc(start_server, tmp_path: Path) -> None:
    handler, port = start_server()
    eml = _draft(tmp_path, f"To: Inspektorat Kab. Contoh <{INSPEKTORAT}>\r\nCc: tpi@contohkab.go.id\r\n")
    assert send_package(eml, plain(port)) == [INSPEKTORAT, "tpi@contohkab.go.id"]
    assert handler.envelopes[0].rcpt_tos == [INSPEKTORAT, "tpi@contohkab.go.id"]
    assert handler.envelopes[0].mail_from == USER


def test_sender_with_a_display_name_is_an_address_alone_in_the_envelope(start_server, package) -> None:
    handler, port = start_server()
    send_package(package[0].eml_path, plain(port, sender=f"Tim ZI <{USER}>"))
    assert handler.envelopes[0].mail_from == USER and handler.envelopes[0].rcpt_tos == [INSPEKTORAT]


@pytest.mark.parametrize(
    "headers",
    [
        # -- a CR LF a mail program decodes from an encoded word, in a display name and in the subject
        f"To: =?utf-8?q?Insp=0D=0ABcc=3A_spy=40else=2Eexample?= <{INSPEKTORAT}>\r\n",
        f"To: {INSPEKTORAT}\r\nX-Catatan: =?utf-8?q?a=0D=0ABcc=3A_spy=40else=2Eexample?=\r\n",
        # -- a recipient the draft hides, a group, and a value that is no list of addresses
        f"To: {INSPEKTORAT}\r\nBcc: spy@else.example\r\n",
        f"To: Tim: {INSPEKTORAT}, spy@else.example;\r\n",
        f"To: {INSPEKTORAT} spy@else.example\r\n",
        "To: spy@[127.0.0.1]\r\n",
    ],
)
def test_a_draft_whose_headers_would_reach_someone_unlisted_is_refused(
    start_server, tmp_path: Path, headers: str
) -> None:
    handler, port = start_server()
    eml = _draft(tmp_path, headers)
    with pytest.raises(ZiSheetsError, match="draf surel draf.eml|Draf surel draf.eml") as raised:
        send_package(eml, plain(port))
    assert len(str(raised.value).splitlines()) == 1 and "\r" not in str(raised.value)
    assert handler.envelopes == []


@pytest.mark.parametrize("to", [f"{INSPEKTORAT}\r\nBcc: spy@else.example", "Bcc: spy@else.example"])
def test_a_to_option_that_would_add_a_recipient_is_refused(start_server, package, to: str) -> None:
    handler, port = start_server()
    with pytest.raises(ZiSheetsError, match=r"--to"):
        send_package(package[0].eml_path, plain(port), to=to)
    assert handler.envelopes == []


def test_missing_sender_is_refused(package) -> None:
    pkg, _ = package
    with pytest.raises(ZiSheetsError, match="ZI_SHEETS_SMTP_FROM"):
        send_package(pkg.eml_path, plain(free_port(), sender=None))


def test_zip_and_ambiguous_folder_are_refused(package) -> None:
    pkg, _ = package
    with pytest.raises(ZiSheetsError, match=r"\.eml"):
        send_package(pkg.zip_path, plain(free_port()))
    (pkg.eml_path.parent / "lain.eml").write_bytes(pkg.eml_path.read_bytes())
    with pytest.raises(ZiSheetsError, match="2 berkas .eml"):
        send_package(pkg.eml_path.parent, plain(free_port()))


def test_closed_port_is_a_clear_error_without_the_password(package) -> None:
    pkg, _ = package
    port = free_port()  # -- bound then released: nothing listens there
    settings = plain(port, username=USER, password=PASSWORD)
    with pytest.raises(ZiSheetsError) as raised:
        send_package(pkg.eml_path, settings)
    message = str(raised.value)
    assert f"{HOST}:{port}" in message and "ditolak" in message
    assert PASSWORD not in message


def test_login_with_the_right_password_and_refusal_of_a_wrong_one(start_server, package) -> None:
    # -- AUTH offered on a plain connection for this test only; with TLS, see the STARTTLS test below
    handler, port = start_server(authenticator=authenticator, auth_require_tls=False)
    pkg, documents = package
    send_package(pkg.eml_path, plain(port, username=USER, password=PASSWORD))
    assert_delivered(handler, documents)

    wrong = "Salah%Sandi-0000"
    with pytest.raises(ZiSheetsError) as raised:
        send_package(pkg.eml_path, plain(port, username=USER, password=wrong))
    message = str(raised.value)
    assert f"{HOST}:{port}" in message and "kata sandi ditolak" in message and "535" in message
    assert wrong not in message and PASSWORD not in message
    assert len(handler.envelopes) == 1


def test_user_without_password_is_refused(package) -> None:
    pkg, _ = package
    with pytest.raises(ZiSheetsError, match="ZI_SHEETS_SMTP_PASSWORD"):
        send_package(pkg.eml_path, plain(free_port(), username=USER))


def test_starttls_required_but_not_offered(start_server, package) -> None:
    handler, port = start_server()
    pkg, _ = package
    with pytest.raises(ZiSheetsError, match="STARTTLS"):
        send_package(pkg.eml_path, plain(port, security="starttls"))
    assert handler.envelopes == []


# -- TLS with a certificate made at test time --------------------------------------------------------------


def _certificates_cryptography(folder: Path) -> tuple[Path, Path, Path]:
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "zi-sheets test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(HOST))]), critical=False
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return ca_path, cert_path, key_path


def _certificates_openssl(folder: Path) -> tuple[Path, Path, Path]:
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ec_key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    (folder / "server.ext").write_text(
        f"subjectAltName=IP:{HOST}\nbasicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\n"
    )
    commands = [
        ["req", "-x509", *ec_key, "-keyout", "ca.key", "-out", "ca.pem", "-days", "1"]
        + ["-subj", "/CN=zi-sheets test CA", "-addext", "basicConstraints=critical,CA:TRUE,pathlen:0"]
        + ["-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        ["req", "-new", *ec_key, "-keyout", "server.key", "-out", "server.csr", "-subj", f"/CN={HOST}"],
        ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial"]
        + ["-out", "server.pem", "-days", "1", "-extfile", "server.ext"],
    ]
    for command in commands:
        subprocess.run(["openssl", *command], cwd=folder, check=True, capture_output=True, timeout=30)
    return ca_path, cert_path, key_path


def _certificate_makers() -> list:
    try:
        import cryptography  # noqa: F401

        crypto = pytest.param(_certificates_cryptography, id="cryptography")
    except ImportError:
        crypto = pytest.param(
            None, id="cryptography", marks=pytest.mark.skip(reason="cryptography not installed")
        )
    openssl = (
        pytest.param(_certificates_openssl, id="openssl")
        if shutil.which("openssl")
        else pytest.param(None, id="openssl", marks=pytest.mark.skip(reason="openssl command not on PATH"))
    )
    return [crypto, openssl]


@pytest.fixture(params=_certificate_makers())
def certificates(request, tmp_path: Path) -> tuple[Path, ssl.SSLContext]:
    """(CA file for the client, server SSL context) from a certificate for 127.0.0.1 made now."""
    folder = tmp_path / "tls"
    folder.mkdir()
    ca_path, cert_path, key_path = request.param(folder)
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert_path, key_path)
    return ca_path, server


def test_starttls_with_login(start_server, package, certificates) -> None:
    cafile, server_context = certificates
    handler, port = start_server(
        tls_context=server_context, require_starttls=True, authenticator=authenticator, auth_required=True
    )
    pkg, documents = package
    settings = plain(port, security="starttls", username=USER, password=PASSWORD, cafile=cafile)
    send_package(pkg.eml_path, settings)
    assert_delivered(handler, documents)


def test_implicit_tls(start_server, package, certificates) -> None:
    cafile, server_context = certificates
    handler, port = start_server(ssl_context=server_context)
    pkg, documents = package
    send_package(pkg.eml_path, plain(port, security="ssl", cafile=cafile))
    assert_delivered(handler, documents)


def test_untrusted_certificate_is_refused(start_server, package, certificates) -> None:
    _cafile, server_context = certificates
    handler, port = start_server(tls_context=server_context, require_starttls=True)
    pkg, _ = package
    with pytest.raises(ZiSheetsError) as raised:
        send_package(pkg.eml_path, plain(port, security="starttls", password=PASSWORD))
    assert "sertifikat" in str(raised.value) and "ZI_SHEETS_SMTP_CAFILE" in str(raised.value)
    assert PASSWORD not in str(raised.value)
    assert handler.envelopes == []


# -- settings ----------------------------------------------------------------------------------------------


def isolated(tmp_path: Path, **variables: str) -> dict[str, str]:
    """An environment whose home holds no config file unless the test writes one."""
    return {"HOME": str(tmp_path / "home"), **variables}


def test_settings_from_environment(tmp_path: Path) -> None:
    env = isolated(
        tmp_path,
        ZI_SHEETS_SMTP_HOST="smtp.contoh.go.id",
        ZI_SHEETS_SMTP_USER=USER,
        ZI_SHEETS_SMTP_PASSWORD=PASSWORD,
        ZI_SHEETS_SMTP_FROM="Tim ZI <zi@contoh.go.id>",
    )
    settings = load_settings(env=env)
    assert (settings.host, settings.port, settings.security) == ("smtp.contoh.go.id", 587, "starttls")
    assert (settings.username, settings.password) == (USER, PASSWORD)
    assert settings.sender == "Tim ZI <zi@contoh.go.id>"
    assert PASSWORD not in repr(settings) and PASSWORD not in str(settings) and PASSWORD not in f"{settings}"
    assert "password='***'" in repr(settings)


@pytest.mark.parametrize(("security", "port"), [("starttls", 587), ("SSL", 465), ("none", 25)])
def test_default_port_follows_security(tmp_path: Path, security: str, port: int) -> None:
    env = isolated(tmp_path, ZI_SHEETS_SMTP_HOST="smtp.contoh.go.id", ZI_SHEETS_SMTP_SECURITY=security)
    settings = load_settings(env=env)
    assert (settings.security, settings.port) == (security.lower(), port)


def write_ini(path: Path, **values: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[smtp]\n" + "".join(f"{key} = {value}\n" for key, value in values.items()), "utf-8")
    return path


def test_settings_from_ini_file_and_env_overrides_it(tmp_path: Path) -> None:
    ini = write_ini(
        tmp_path / "smtp.ini",
        host="mail.contoh.go.id",
        port="2525",
        user=USER,
        password=PASSWORD,
        security="ssl",
        timeout="12",
        **{"from": "zi@contoh.go.id"},
    )
    settings = load_settings(ini, env=isolated(tmp_path))
    assert (settings.host, settings.port, settings.security, settings.timeout) == (
        "mail.contoh.go.id",
        2525,
        "ssl",
        12.0,
    )
    assert (settings.username, settings.password, settings.sender) == (USER, PASSWORD, "zi@contoh.go.id")

    env = isolated(tmp_path, ZI_SHEETS_SMTP_HOST="smtp.lain.go.id", ZI_SHEETS_SMTP_PASSWORD="dari-env")
    overridden = load_settings(ini, env=env)
    assert (overridden.host, overridden.password, overridden.port) == ("smtp.lain.go.id", "dari-env", 2525)


def test_default_config_file_in_home(tmp_path: Path) -> None:
    env = isolated(tmp_path)
    assert default_config_path(env) == tmp_path / "home" / ".config" / "zi-sheets" / "smtp.ini"
    write_ini(default_config_path(env), host="mail.contoh.go.id", security="none")
    settings = load_settings(env=env)
    assert (settings.host, settings.port) == ("mail.contoh.go.id", 25)


def test_missing_host_names_the_variables(tmp_path: Path) -> None:
    with pytest.raises(ZiSheetsError) as raised:
        load_settings(env=isolated(tmp_path, ZI_SHEETS_SMTP_PASSWORD=PASSWORD))
    message = str(raised.value)
    assert "ZI_SHEETS_SMTP_HOST" in message and "smtp.ini" in message
    assert PASSWORD not in message


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"ZI_SHEETS_SMTP_PORT": "lima"}, "ZI_SHEETS_SMTP_PORT"),
        ({"ZI_SHEETS_SMTP_PORT": "70000"}, "ZI_SHEETS_SMTP_PORT"),
        ({"ZI_SHEETS_SMTP_SECURITY": "tls1.3"}, "ZI_SHEETS_SMTP_SECURITY"),
        ({"ZI_SHEETS_SMTP_FROM": "bukan-alamat"}, "ZI_SHEETS_SMTP_FROM"),
        ({"ZI_SHEETS_SMTP_TIMEOUT": "-1"}, "ZI_SHEETS_SMTP_TIMEOUT"),
    ],
)
def test_invalid_values_name_their_source(tmp_path: Path, variables: dict[str, str], named: str) -> None:
    env = isolated(
        tmp_path, ZI_SHEETS_SMTP_HOST="smtp.contoh.go.id", ZI_SHEETS_SMTP_PASSWORD=PASSWORD, **variables
    )
    with pytest.raises(ZiSheetsError) as raised:
        load_settings(env=env)
    assert named in str(raised.value) and PASSWORD not in str(raised.value)


def test_broken_or_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ZiSheetsError, match="tidak dapat dibaca"):
        load_settings(tmp_path / "tidak-ada.ini", env=isolated(tmp_path))
    no_section = tmp_path / "lain.ini"
    no_section.write_text("[mail]\nhost = x\n", "utf-8")
    with pytest.raises(ZiSheetsError, match=r"\[smtp\]"):
        load_settings(no_section, env=isolated(tmp_path))
    garbage = tmp_path / "rusak.ini"
    garbage.write_text("host = tanpa bagian\n", "utf-8")
    with pytest.raises(ZiSheetsError, match="INI"):
        load_settings(garbage, env=isolated(tmp_path))


def test_workbook_never_supplies_settings(tmp_path: Path) -> None:
    # -- load_settings takes no workbook: nothing in Identitas can point mail elsewhere
    import inspect

    assert list(inspect.signature(load_settings).parameters) == ["config_path", "env"]


def test_cli_build_paket_then_kirim_delivers_every_document(start_server, tmp_path, monkeypatch, make_xlsx):
    """The whole path a secretary takes: build --paket, then kirim, received by a real local server."""
    from click.testing import CliRunner
    from conftest import EXAMPLE

    from zi_sheets.cli.commands import main

    handler, port = start_server()
    no_user_settings(monkeypatch, tmp_path)
    built = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(tmp_path), "--paket"])
    assert built.exit_code == 1, built.output  # -- the example's real defects; the package is written
    (eml,) = tmp_path.rglob("*.eml")
    (bundle,) = tmp_path.rglob("*-paket.zip")
    assert f"ditulis: {eml}" in built.stderr and f"ditulis: {bundle}" in built.stderr
    local_server_settings(monkeypatch, port)
    sent = CliRunner().invoke(main, ["kirim", str(eml.parent), "--to", "inspektorat@contoh.go.id"])
    assert sent.exit_code == 0, sent.output
    message = received(handler)
    names = sorted(part.get_filename() for part in message.iter_attachments())
    assert names == sorted(p.name for p in tmp_path.rglob("*.docx"))
    assert "Kecamatan Pasirian" in message["Subject"]


def test_cli_kirim_without_settings_is_one_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from zi_sheets.cli.commands import main

    no_user_settings(monkeypatch, tmp_path)
    eml = tmp_path / "draf.eml"
    eml.write_bytes(b"To: a@b.go.id\r\nSubject: x\r\n\r\nisi\r\n")
    result = CliRunner().invoke(main, ["kirim", str(eml)])
    assert result.exit_code == 3 and len(result.stderr.strip().splitlines()) == 1
    assert "ZI_SHEETS_SMTP_HOST" in result.stderr


def test_a_stale_package_is_never_sent(start_server, tmp_path, monkeypatch, make_xlsx):
    """Documents rebuilt without --paket are newer than the draft: kirim refuses and names the way out."""
    from click.testing import CliRunner
    from conftest import minimal_sheets

    from zi_sheets.cli.commands import main

    handler, port = start_server()
    no_user_settings(monkeypatch, tmp_path)
    local_server_settings(monkeypatch, port)
    workbook = make_xlsx(minimal_sheets(), name="zi.xlsx")
    out = tmp_path / "hasil"
    built = CliRunner().invoke(main, ["build", str(workbook), "-o", str(out), "--paket"])
    assert built.exit_code in (0, 1), built.output
    (eml,) = out.rglob("*.eml")
    yesterday = eml.stat().st_mtime - 86400
    os.utime(eml, (yesterday, yesterday))  # -- the package was made yesterday, the documents today
    rebuilt = CliRunner().invoke(main, ["build", str(workbook), "-o", str(out)])
    assert rebuilt.exit_code in (0, 1), rebuilt.output

    refused = CliRunner().invoke(main, ["kirim", str(eml.parent), "--to", "inspektorat@contoh.go.id"])
    assert refused.exit_code == 3
    (line,) = refused.stderr.strip().splitlines()
    assert re.fullmatch(
        rf"zi-sheets: Draf surel {re.escape(eml.name)} lebih lama daripada dokumen di sampingnya "
        r"\(.+\.docx\), jadi paket itu usang dan tidak dikirim; buat ulang dengan "
        r"'zi-sheets build WORKBOOK --paket' lalu kirim lagi\.",
        line,
    )
    assert handler.envelopes == []
    with pytest.raises(ZiSheetsError, match="usang"):
        send_package(eml, plain(port))  # -- the Python API refuses it too

    again = CliRunner().invoke(main, ["build", str(workbook), "-o", str(out), "--paket"])
    assert again.exit_code in (0, 1), again.output
    sent = CliRunner().invoke(main, ["kirim", str(eml.parent), "--to", "inspektorat@contoh.go.id"])
    assert sent.exit_code == 0, sent.output
    assert len(handler.envelopes) == 1


def test_cli_kirim_without_a_terminal_or_password_says_so(package, tmp_path, monkeypatch):
    """No terminal to ask on (a scheduled task, a pipe): one line instead of a prompt that hangs."""
    from click.testing import CliRunner

    from zi_sheets.cli.commands import main

    no_user_settings(monkeypatch, tmp_path)
    monkeypatch.setenv("ZI_SHEETS_SMTP_HOST", HOST)
    monkeypatch.setenv("ZI_SHEETS_SMTP_USER", USER)
    written, _documents = package
    result = CliRunner().invoke(main, ["kirim", str(written.eml_path)], input="")
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines() == [
        f"zi-sheets: Kata sandi SMTP untuk {USER} belum diisi dan tidak dapat ditanyakan (tidak dijalankan "
        "di terminal): isi variabel ZI_SHEETS_SMTP_PASSWORD atau 'password' di bagian [smtp]."
    ]
