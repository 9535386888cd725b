"""Sending a package's .eml draft over SMTP (`zi-sheets kirim`).

Settings come from environment variables or an INI file, never from the workbook: the workbook travels to
the inspectorate and must not carry a mail password. The password is never printed, logged or put in an
error message.
"""

from __future__ import annotations

import configparser
import datetime as dt
import email
import os
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from email import errors, policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.text import shown
from zi_sheets.delivery.paket import FROM_VARIABLE, HEADER_CONTROL, one_address, parse_addresses

SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_TIMEOUT = 30.0
SECTION = "smtp"

# -- INI key in [smtp] -> environment variable that overrides it. --
VARIABLES = {
    "host": "ZI_SHEETS_SMTP_HOST",
    "port": "ZI_SHEETS_SMTP_PORT",
    "user": "ZI_SHEETS_SMTP_USER",
    "password": "ZI_SHEETS_SMTP_PASSWORD",
    "security": "ZI_SHEETS_SMTP_SECURITY",
    "from": "ZI_SHEETS_SMTP_FROM",
    "timeout": "ZI_SHEETS_SMTP_TIMEOUT",
    "cafile": "ZI_SHEETS_SMTP_CAFILE",
}


@dataclass(frozen=True)
class SmtpSettings:
    """How to reach the SMTP server; `repr` never shows the password."""

    host: str
    port: int = 587
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    security: str = "starttls"
    sender: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    # -- Extra CA certificates (PEM) to trust, for servers with an internal certificate authority. --
    cafile: Path | None = None

    def __repr__(self) -> str:
        hidden = "'***'" if self.password else "None"
        return (
            f"SmtpSettings(host={self.host!r}, port={self.port!r}, username={self.username!r}, "
            f"password={hidden}, security={self.security!r}, sender={self.sender!r}, "
            f"timeout={self.timeout!r}, cafile={self.cafile!r})"
        )

    __str__ = __repr__


def default_config_path(env: Mapping[str, str] = os.environ) -> Path:
    """`~/.config/zi-sheets/smtp.ini` (under $XDG_CONFIG_HOME when that is set)."""
    if env.get("XDG_CONFIG_HOME"):
        return Path(env["XDG_CONFIG_HOME"]) / "zi-sheets" / "smtp.ini"
    home = env.get("HOME") or env.get("USERPROFILE")
    return (Path(home) if home else Path.home()) / ".config" / "zi-sheets" / "smtp.ini"


def _read_config(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)  # -- a '%' in a password is just a character
    try:
        with open(path, encoding="utf-8-sig") as handle:
            parser.read_file(handle)
    except OSError as error:
        raise ZiSheetsError(f"Berkas pengaturan SMTP {path} tidak dapat dibaca: {error.strerror}.") from error
    except (configparser.Error, UnicodeDecodeError) as error:
        raise ZiSheetsError(
            f"Berkas pengaturan SMTP {path} tidak berformat INI yang benar; lihat contoh di README."
        ) from error
    if not parser.has_section(SECTION):
        raise ZiSheetsError(f"Berkas pengaturan SMTP {path} tidak memiliki bagian [{SECTION}].")
    return {key: value.strip() for key, value in parser.items(SECTION) if key in VARIABLES}


def load_settings(config_path: Path | None = None, env: Mapping[str, str] = os.environ) -> SmtpSettings:
    """SMTP settings from `config_path` (or `~/.config/zi-sheets/smtp.ini` when it exists), then env.

    Environment variables override the file. Raises ZiSheetsError for a missing host, a config file
    that cannot be read, or a value that is not valid (port, security, timeout, sender).
    """
    values: dict[str, str] = {}
    source = {key: f"variabel {variable}" for key, variable in VARIABLES.items()}
    path = Path(config_path) if config_path is not None else default_config_path(env)
    if config_path is not None or path.is_file():
        values.update(_read_config(path))
        source.update({key: f"'{key}' di {path}" for key in values})
    for key, variable in VARIABLES.items():
        if env.get(variable, "").strip():
            values[key] = env[variable] if key == "password" else env[variable].strip()
            source[key] = f"variabel {variable}"

    if not values.get("host"):
        raise ZiSheetsError(
            "Server SMTP belum diatur: isi variabel lingkungan ZI_SHEETS_SMTP_HOST (dan bila perlu "
            "ZI_SHEETS_SMTP_PORT, ZI_SHEETS_SMTP_USER, ZI_SHEETS_SMTP_PASSWORD, ZI_SHEETS_SMTP_SECURITY, "
            f"ZI_SHEETS_SMTP_FROM) atau tulis bagian [smtp] di {default_config_path(env)}."
        )
    security = values.get("security", "starttls").lower()
    if security not in SECURITY_MODES:
        raise ZiSheetsError(
            f"Nilai {source['security']} tidak dikenal: '{values['security']}'; "
            "pilih starttls, ssl atau none."
        )
    port = DEFAULT_PORTS[security]
    if values.get("port"):
        if not values["port"].isdigit() or not 0 < int(values["port"]) < 65536:
            raise ZiSheetsError(f"Nilai {source['port']} bukan nomor port: '{values['port']}'.")
        port = int(values["port"])
    timeout = DEFAULT_TIMEOUT
    if values.get("timeout"):
        try:
            timeout = float(values["timeout"])
        except ValueError:
            timeout = 0.0
        if not 0 < timeout <= 600:
            raise ZiSheetsError(
                f"Nilai {source['timeout']} bukan lama tunggu dalam detik (1-600): '{values['timeout']}'."
            )
    sender = values.get("from") or env.get(FROM_VARIABLE, "").strip() or None
    if sender:
        parse_addresses(sender, f"Pengirim ({source['from'] if values.get('from') else FROM_VARIABLE})")
    elif values.get("user") and "@" in values["user"]:
        sender = values["user"]
    cafile = Path(values["cafile"]).expanduser() if values.get("cafile") else None
    return SmtpSettings(
        host=values["host"],
        port=port,
        username=values.get("user") or None,
        password=values.get("password") or None,
        security=security,
        sender=sender,
        timeout=timeout,
        cafile=cafile,
    )


def find_eml(path: Path) -> Path:
    """The .eml to send: `path` itself, or the single .eml in the folder `path`."""
    path = Path(path)
    if path.is_dir():
        found = sorted(path.glob("*.eml"))
        if len(found) != 1:
            what = "tidak ada berkas .eml" if not found else f"ada {len(found)} berkas .eml"
            raise ZiSheetsError(f"Di folder {path} {what}; sebutkan satu berkas .eml yang akan dikirim.")
        return found[0]
    if not path.is_file():
        raise ZiSheetsError(f"Berkas {path} tidak ditemukan.")
    if path.suffix.lower() == ".zip":
        raise ZiSheetsError(
            f"{path.name} adalah paket zip untuk diunggah; untuk mengirim lewat surel, "
            "sebutkan berkas .eml-nya."
        )
    return path


# -- What `build` writes into a folder as documents; a package draft older than one of them is stale. --
DOCUMENT_SUFFIXES = (".docx", ".pdf")


def check_fresh(eml_path: Path) -> None:
    """Refuse a package draft older than a document beside it: it would send yesterday's documents.

    `build` writes the documents, then the package; a later `build` without `--paket` leaves the old .eml
    beside newer documents. Raises ZiSheetsError naming the newer document and the command to rerun.
    """
    try:
        sent = eml_path.stat().st_mtime_ns
        documents = [p for p in eml_path.parent.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES]
        newer = sorted((p.stat().st_mtime_ns, p.name) for p in documents if p.stat().st_mtime_ns > sent)
    except OSError as error:
        raise ZiSheetsError(f"Folder {eml_path.parent} tidak dapat dibaca: {error.strerror}.") from error
    if newer:
        raise ZiSheetsError(
            f"Draf surel {eml_path.name} lebih lama daripada dokumen di sampingnya ({newer[-1][1]}), jadi "
            "paket itu usang dan tidak dikirim; buat ulang dengan 'zi-sheets build WORKBOOK --paket' lalu "
            "kirim lagi."
        )


def _read_message(path: Path) -> EmailMessage:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ZiSheetsError(f"Berkas {path} tidak dapat dibaca: {error.strerror}.") from error
    message = email.message_from_bytes(data, policy=policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise ZiSheetsError(
            f"Berkas {path} bukan surel .eml; sebutkan berkas .eml dari 'zi-sheets build --paket'."
        )
    return message


def _addresses(message: EmailMessage, path: Path, *headers: str) -> list[str]:
    """The addresses of `headers` of the draft, as the standard library's header parser reads them, each
    one plain address (`paket.one_address`); a value that is anything else (a group, a defect, a part that
    is no address) is refused, never searched for whatever addresses it holds."""
    found: list[str] = []
    for header in headers:
        for value in message.get_all(header, []):
            if not str(value).strip():
                continue  # -- an empty To: the draft is unaddressed, said below
            groups = getattr(value, "groups", ())
            defects = [
                d for d in getattr(value, "defects", ()) if not isinstance(d, errors.ObsoleteHeaderDefect)
            ]
            addresses = [one_address(str(address)) for group in groups for address in group.addresses]
            if defects or not addresses or None in addresses or any(g.display_name for g in groups):
                raise ZiSheetsError(
                    f"Header {header} draf surel {path.name} bukan daftar alamat surel yang sah "
                    f"('{shown(str(value))}'), jadi tidak dikirim; buat ulang dengan 'zi-sheets build "
                    "WORKBOOK --paket' atau beri alamat tujuan dengan --to."
                )
            found += [address.addr_spec for address in addresses if address is not None]
    return list(dict.fromkeys(found))


def _check_headers(message: EmailMessage, path: Path) -> None:
    """Refuse a draft whose headers hide a line break or other control character (also one in an encoded
    word, `=?utf-8?q?=0D=0ABcc…?=`, which a mail program decodes) or carry a Bcc: what is sent must be
    what the draft shows."""
    for name, raw in message.raw_items():
        try:
            text = str(message.policy.header_fetch_parse(name, raw))
        except (ValueError, errors.HeaderParseError):  # -- "address parts cannot contain CR or LF"
            text = "\n"
        control = HEADER_CONTROL.search(text)
        if control:
            raise ZiSheetsError(
                f"Header {shown(name)} draf surel {path.name} berisi karakter kendali "
                f"{shown(control.group())} ('{shown(raw.strip())}'), yang dapat menyisipkan header atau "
                "penerima lain, jadi tidak dikirim; buat ulang dengan 'zi-sheets build WORKBOOK --paket'."
            )
    if message.get_all("Bcc"):
        raise ZiSheetsError(
            f"Draf surel {path.name} berisi header Bcc (penerima tersembunyi), yang tidak ditulis oleh "
            "'zi-sheets build --paket', jadi tidak dikirim; hapus header itu atau buat ulang paketnya."
        )


def send_package(eml_path: Path, settings: SmtpSettings, *, to: str | None = None) -> list[str]:
    """Send the .eml at `eml_path` (or the single .eml in that folder); return the recipients.

    A draft older than a document in its folder is refused (`check_fresh`). `to` replaces the draft's To
    (several addresses may be separated by commas). Raises ZiSheetsError when there is no recipient or
    sender, or when the server cannot be reached or refuses the message; the message names the host and
    port and the reason, never the password.
    """
    path = find_eml(eml_path)
    check_fresh(path)
    message = _read_message(path)
    _check_headers(message, path)
    del message["X-Unsent"]
    if to is not None:
        addresses = parse_addresses(to, "Alamat tujuan (--to)")
        del message["To"]
        if addresses:
            message["To"] = addresses
    # -- the envelope: exactly the addresses the draft shows, each parsed; nothing else is a recipient
    recipients = _addresses(message, path, "To", "Cc")
    if not recipients:
        raise ZiSheetsError(
            f"Surel {path.name} belum beralamat: isi 'Email Inspektorat' di sheet Identitas lalu jalankan "
            "build --paket lagi, atau beri alamat tujuan dengan --to."
        )
    if not message["From"]:
        if not settings.sender:
            raise ZiSheetsError(
                "Alamat pengirim belum diatur: isi variabel ZI_SHEETS_SMTP_FROM atau 'from' di bagian [smtp]."
            )
        message["From"] = parse_addresses(settings.sender, "Alamat pengirim")
    # -- the envelope sender is an address alone, never a display name
    senders = parse_addresses(settings.sender, "Alamat pengirim") if settings.sender else []
    sender = senders[0].addr_spec if senders else _addresses(message, path, "From")[0]
    if not message["Date"]:
        message["Date"] = format_datetime(dt.datetime.now().astimezone())
    if not message["Message-ID"]:
        message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    if settings.username and settings.password is None:
        raise ZiSheetsError(
            f"Kata sandi SMTP untuk {settings.username} belum diisi: isi variabel ZI_SHEETS_SMTP_PASSWORD "
            "atau 'password' di bagian [smtp]."
        )

    try:
        refused = _deliver(message, settings, sender, recipients)
    except smtplib.SMTPAuthenticationError as error:
        raise _failure(settings, f"nama pengguna atau kata sandi ditolak ({_reply(error)})") from None
    except smtplib.SMTPNotSupportedError as error:
        raise _failure(settings, str(error) or "perintah tidak didukung server") from None
    except smtplib.SMTPRecipientsRefused as error:
        refused_text = ", ".join(f"{addr} ({_reply(reply)})" for addr, reply in error.recipients.items())
        raise _failure(settings, f"semua penerima ditolak: {refused_text}") from None
    except smtplib.SMTPSenderRefused as error:
        raise _failure(settings, f"pengirim {error.sender} ditolak ({_reply(error)})") from None
    except smtplib.SMTPResponseException as error:
        raise _failure(settings, f"server menjawab {_reply(error)}") from None
    except smtplib.SMTPServerDisconnected:
        raise _failure(settings, "sambungan diputus oleh server") from None
    except smtplib.SMTPException as error:
        raise _failure(settings, str(error)) from None
    except ssl.SSLCertVerificationError as error:
        raise _failure(
            settings,
            f"sertifikat server tidak dapat diverifikasi ({error.verify_message}); bila server memakai "
            "sertifikat instansi sendiri, isi ZI_SHEETS_SMTP_CAFILE",
        ) from None
    except ssl.SSLError as error:
        raise _failure(
            settings, f"TLS gagal ({error.reason or error}); periksa ZI_SHEETS_SMTP_SECURITY dan port"
        ) from None
    except TimeoutError:
        raise _failure(settings, f"tidak ada jawaban dalam {settings.timeout:g} detik") from None
    except ConnectionRefusedError:
        raise _failure(settings, "sambungan ditolak (server mati atau port salah)") from None
    except OSError as error:
        raise _failure(settings, error.strerror or str(error) or type(error).__name__) from None
    if refused:
        refused_text = ", ".join(f"{addr} ({_reply(reply)})" for addr, reply in refused.items())
        accepted = ", ".join(addr for addr in recipients if addr not in refused)
        raise _failure(settings, f"surel terkirim ke {accepted}, tetapi ditolak untuk {refused_text}")
    return recipients


def _deliver(
    message: EmailMessage, settings: SmtpSettings, sender: str, recipients: list[str]
) -> dict[str, tuple[int, bytes]]:
    context = None
    if settings.security != "none":
        context = ssl.create_default_context()
        if settings.cafile is not None:
            context.load_verify_locations(cafile=str(settings.cafile))
    if settings.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with client:
        client.ehlo()
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise smtplib.SMTPNotSupportedError(
                    "server tidak menawarkan STARTTLS; pakai ZI_SHEETS_SMTP_SECURITY=ssl atau port lain"
                )
            client.starttls(context=context)
            client.ehlo()
        if settings.username:
            client.login(settings.username, settings.password or "")
        return client.send_message(message, from_addr=sender, to_addrs=recipients)


def _reply(value: object) -> str:
    """A server reply ("535 5.7.8 Authentication failed") from an exception or a (code, bytes) pair."""
    if isinstance(value, smtplib.SMTPResponseException):
        code, text = value.smtp_code, value.smtp_error
    elif isinstance(value, tuple) and len(value) == 2:
        code, text = value
    else:
        return str(value)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {' '.join(str(text).split())}".strip()


def _failure(settings: SmtpSettings, reason: str) -> ZiSheetsError:
    if settings.password:
        reason = reason.replace(settings.password, "***")
    return ZiSheetsError(
        f"Pengiriman lewat server SMTP {settings.host}:{settings.port} gagal: {reason.rstrip('.')}."
    )
