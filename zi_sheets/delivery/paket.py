"""The delivery package of a build: a zip of the documents and an .eml draft addressed to the Inspektorat.

The zip is for upload portals; the .eml is a draft any mail client opens (`X-Unsent: 1` makes Outlook open
it as a message to send), with the documents themselves attached. `kirim.py` sends the same .eml over SMTP.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
import re
import shutil
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email import errors, policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import write_atomic
from zi_sheets.common.model import Identitas
from zi_sheets.common.text import shown

EMAIL_FIELD = "Email Inspektorat"
# -- the body the cover letter greets, set by the unit where its chain names another (a court's PT) --
EVALUATOR_FIELD = "Tim Penilai"
FROM_VARIABLE = "ZI_SHEETS_FROM"

# -- Registered here rather than trusted from the OS: some Windows and minimal Linux installs lack them. --
_MIME_TYPES = mimetypes.MimeTypes()
for _type, _extension in (
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    ("application/pdf", ".pdf"),
    ("application/zip", ".zip"),
):
    _MIME_TYPES.add_type(_type, _extension)

# -- Above this many bytes many mail servers refuse a message; the zip is then the way to deliver. --
MAIL_SIZE_LIMIT = 20 * 1024 * 1024

# -- What no header value may hold: C0 and C1 controls, DEL, and the Unicode line and paragraph separators
# -- (a mail client or relay may break the header there). --
HEADER_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ADDR_SPEC = re.compile(r"[^\s@<>()\[\],;:\"\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


@dataclass(frozen=True)
class Entry:
    """One further member of the zip: its name, and either the file to copy or the bytes to write."""

    name: str
    source: Path | None = None
    data: bytes = b""


@dataclass(frozen=True)
class Package:
    """What `write_package` wrote: the zip, the .eml draft, its recipients and notes for the user."""

    zip_path: Path
    eml_path: Path
    recipients: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)


def mime_type(path: Path) -> tuple[str, str]:
    """(maintype, subtype) of a document by its extension; application/octet-stream when unknown."""
    guessed, _encoding = _MIME_TYPES.guess_type(path.name, strict=False)
    maintype, _, subtype = (guessed or "application/octet-stream").partition("/")
    return maintype, subtype


def parse_addresses(text: str, source: str) -> list[Address]:
    """The addresses written in `text` (several may be separated by commas, semicolons or the lines of a
    cell), each parsed by the standard library's header parser as exactly one address.

    A line break inside a header value ends the header and starts another (`\r\nBcc: …`): a control
    character anywhere but between the lines of a cell, a group (`Bcc: x@…`), two addresses where one is
    written or anything else that is not one plain address is refused. Raises ZiSheetsError naming `source`
    (e.g. "Email Inspektorat di Identitas!B19") and the value, its control characters shown escaped.
    """
    control = HEADER_CONTROL.search(text.replace("\n", ""))
    if control:
        raise ZiSheetsError(
            f"{source} berisi karakter kendali {shown(control.group())} ('{shown(text.strip())}'), yang "
            "dapat menyisipkan penerima lain ke surel; tulis satu alamat lengkap per baris, mis. "
            "inspektorat@contohkab.go.id."
        )
    addresses: list[Address] = []
    for part in re.split(r"[;,\n]", text):
        if not part.strip():
            continue
        address = one_address(part)
        if address is None:
            raise ZiSheetsError(
                f"{source} berisi alamat surel yang tidak valid: '{shown(part.strip())}'; "
                "tulis alamat lengkap seperti inspektorat@contohkab.go.id."
            )
        addresses.append(address)
    return addresses


def one_address(text: str) -> Address | None:
    """`text` as one address (`a@b.go.id`, `Nama <a@b.go.id>`), None when the standard library's parser
    finds anything else in it: a group, a second address, a defect, a control character (also one hidden
    in an encoded word), or an address without a dotted domain."""
    try:
        header = policy.default.header_factory("To", text.strip())
    except (ValueError, IndexError, TypeError):  # -- e.g. "address parts cannot contain CR or LF"
        return None
    defects = [d for d in header.defects if not isinstance(d, errors.ObsoleteHeaderDefect)]
    groups = header.groups  # -- an obsolete form only: "Kab. Contoh" unquoted
    if defects or len(groups) != 1 or groups[0].display_name is not None or len(header.addresses) != 1:
        return None
    address = header.addresses[0]
    addr = address.addr_spec
    if not _ADDR_SPEC.fullmatch(addr) or ".." in addr or address.domain.startswith("."):
        return None
    if HEADER_CONTROL.search(address.display_name):
        return None
    return address


def _field_source(identitas: Identitas) -> str:
    cell = identitas.get(EMAIL_FIELD).cell
    return f"{EMAIL_FIELD} di {cell}" if cell else f"Isian '{EMAIL_FIELD}' di sheet Identitas"


def write_package(
    identitas: Identitas,
    documents: list[Path],
    folder: Path,
    *,
    summary: str | None = None,
    month_label: str | None = None,
    env: Mapping[str, str] | None = None,
    evidence: Sequence[Entry] = (),
) -> Package:
    """Write `<folder>/<folder.name>-paket.zip` and `<folder>/<folder.name>.eml` for `documents`.

    `summary` is the check summary line (with coverage figures) for the body, None to leave the check's
    internal counts out of a letter to the Inspektorat; `month_label` the Monev period ("Mei 2019"), None
    when no Monev was written. The From header comes from ZI_SHEETS_FROM in `env` (default os.environ),
    else it is left for the mail client. `evidence` are further zip members (the LKE's Bukti Dukung
    folder), never attached to the mail. Raises ZiSheetsError for an invalid Email Inspektorat, a document
    or evidence file that cannot be read or a package that cannot be written.
    """
    env = os.environ if env is None else env
    folder = Path(folder)
    recipients = parse_addresses(identitas.text(EMAIL_FIELD), _field_source(identitas))
    sender = env.get(FROM_VARIABLE, "").strip()
    senders = parse_addresses(sender, f"Variabel lingkungan {FROM_VARIABLE}") if sender else []
    zip_path = folder / f"{folder.name}-paket.zip"
    eml_path = folder / f"{folder.name}.eml"
    # -- a previous package in the list (a caller listing the folder) is not packed into the new one
    files = _read_documents([d for d in documents if Path(d).name not in (zip_path.name, eml_path.name)])
    message = _draft(identitas, files, recipients, senders, summary, month_label)
    data = message.as_bytes(policy=policy.SMTP)
    write_atomic(zip_path, lambda temporary: _write_zip(temporary, files, evidence))
    write_atomic(eml_path, lambda temporary: Path(temporary).write_bytes(data))

    notes = []
    if not recipients:
        notes.append(
            f"draf surel {eml_path.name} belum beralamat: isi '{EMAIL_FIELD}' di sheet Identitas, "
            "atau isi alamat tujuan di program surel sebelum mengirim."
        )
    if len(data) > MAIL_SIZE_LIMIT:
        notes.append(
            f"draf surel {eml_path.name} berukuran {len(data) / 1024 / 1024:.0f} MB; banyak server surel "
            f"menolak pesan sebesar itu, unggah {zip_path.name} bila pengiriman gagal."
        )
    return Package(zip_path, eml_path, tuple(str(a.addr_spec) for a in recipients), notes)


def _read_documents(documents: list[Path]) -> list[tuple[str, Path, bytes]]:
    """(name, path, bytes) of each document in the order the build wrote them (the Rencana Kerja before its
    Lampiran, then the Monev and the LKE's), each PDF beside its .docx; the same name twice is refused."""
    files: dict[str, tuple[Path, bytes]] = {}
    for document in documents:
        path = Path(document)
        if path.name in files:
            if files[path.name][0].resolve() == path.resolve():
                continue
            raise ZiSheetsError(f"Dua dokumen paket bernama sama ({path.name}); ganti nama salah satunya.")
        try:
            files[path.name] = (path, path.read_bytes())
        except OSError as error:
            raise ZiSheetsError(
                f"Dokumen {path} tidak dapat dibaca untuk paket: {error.strerror}."
            ) from error
    # -- not by name: "1.ii.a Lampiran ..." sorts before "1.ii.a Rencana Kerja ...", which it is attached to
    stems: dict[str, int] = {}
    for name in files:
        stems.setdefault(Path(name).stem.casefold(), len(stems))
    order = sorted(files.items(), key=lambda i: (stems[Path(i[0]).stem.casefold()], i[0].casefold()))
    return [(name, path, data) for name, (path, data) in order]


def _write_zip(temporary: str, files: list[tuple[str, Path, bytes]], extra: Sequence[Entry] = ()) -> None:
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path, data in files:
            archive.writestr(_info(name, path), data)
        for entry in extra:
            if entry.source is None:
                archive.writestr(_info(entry.name, None), entry.data)
                continue
            try:
                # -- streamed: evidence files may be large scans, never read whole into memory (zip64 in
                # -- case one passes 2 GB, which zipfile cannot know before it has written it)
                with (
                    entry.source.open("rb") as source,
                    archive.open(_info(entry.name, entry.source), "w", force_zip64=True) as sink,
                ):
                    shutil.copyfileobj(source, sink)
            except OSError as error:
                raise ZiSheetsError(
                    f"Berkas Bukti Dukung {entry.source} tidak dapat dibaca untuk paket: {error.strerror}."
                ) from error


def _info(name: str, path: Path | None) -> zipfile.ZipInfo:
    """A zip member dated like its file (now for generated data), readable by all, with a UTF-8 name."""
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime) if path is not None else dt.datetime.now()
    info = zipfile.ZipInfo(name, date_time=max(modified, dt.datetime(1980, 1, 1)).timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    if not name.isascii():
        info.flag_bits |= 0x800  # -- UTF-8 file name, so Windows Explorer shows it right
    return info


def subject(identitas: Identitas, month_label: str | None = None) -> str:
    """The subject line, e.g. "Dokumen Zona Integritas Kecamatan Pasirian Tahun 2019 (Monev Mei 2019)"."""
    parts = ["Dokumen Zona Integritas", identitas.nama_unit]
    if identitas.text("Tahun"):
        parts.append(f"Tahun {identitas.tahun or identitas.text('Tahun')}")
    text = " ".join(part for part in parts if part)
    text = f"{text} (Monev {month_label})" if month_label else text
    # -- a multi-line cell (Alt+Enter), or any other control character, must not break the header
    return " ".join(HEADER_CONTROL.sub(" ", text).split())


# -- "Pemerintah Provinsi Jawa Timur" -> its Inspektorat is "Inspektorat Provinsi Jawa Timur" --
_GOVERNMENT = re.compile(r"^\s*pemerintah\s+(provinsi|kabupaten|kota)\s+(.+)$", re.IGNORECASE)


def addressee(identitas: Identitas) -> str:
    """Who evaluates the unit, as the cover letter greets it: the Identitas field Tim Penilai when filled
    (one line, as written); else from its chain: a local government's unit its
    Inspektorat ("Inspektorat Provinsi Jawa Timur" for a province's OPD, "Inspektorat Kabupaten Lumajang"
    for a regency's); a unit of a ministry or of the Mahkamah Agung (no Pemerintah Daerah, an Instansi
    Induk) the Tim Penilai Internal of the top of its chain ("Tim Penilai Internal Mahkamah Agung Republik
    Indonesia"); else the Inspektorat of its Kabupaten/Kota."""
    own = " ".join(identitas.text(EVALUATOR_FIELD).split())
    if own:
        return own
    government = _GOVERNMENT.match(identitas.text("Pemerintah Daerah"))
    if government:
        return f"Inspektorat {government.group(1).title()} {government.group(2).strip()}"
    chain = identitas.induk
    if chain and not identitas.text("Pemerintah Daerah"):
        return f"Tim Penilai Internal {chain[0]}"
    return f"Inspektorat {identitas.text('Kabupaten/Kota')}".rstrip()


def body(
    identitas: Identitas, names: list[str], summary: str | None = None, month_label: str | None = None
) -> str:
    """The Indonesian cover letter of the draft, plain text; `summary` None leaves the check's result out.

    Signed with the Ketua Tim's position and name as written: the unit is named in the letter already.
    """
    unit = identitas.nama_unit or "unit kerja kami"
    tahun = identitas.tahun or identitas.text("Tahun")
    what = f"dokumen pembangunan Zona Integritas {unit}" + (f" Tahun {tahun}" if tahun else "")
    if month_label:
        what += f", termasuk laporan Monitoring dan Evaluasi periode {month_label}"
    listing = "\n".join(f"{number}. {name}" for number, name in enumerate(names, start=1))
    jabatan = identitas.text("Jabatan Ketua Tim") or "Tim Pembangunan Zona Integritas"
    closing = [line for line in (jabatan, identitas.text("Nama Ketua Tim")) if line]
    checked = [f"Hasil pemeriksaan workbook: {summary.strip()}", ""] if summary else []
    lines = [
        f"Yth. {addressee(identitas)}",
        "",
        "Dengan hormat,",
        "",
        f"Bersama ini kami sampaikan {what}, sebagai berikut:",
        "",
        listing or "(tidak ada dokumen)",
        "",
        *checked,
        "Demikian kami sampaikan. Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.",
        "",
        "Hormat kami,",
        *closing,
    ]
    return "\n".join(lines) + "\n"


def _draft(
    identitas: Identitas,
    files: list[tuple[str, Path, bytes]],
    recipients: list[Address],
    senders: list[Address],
    summary: str | None,
    month_label: str | None,
) -> EmailMessage:
    message = EmailMessage(policy=policy.SMTP)
    if recipients:
        message["To"] = recipients
    if senders:
        message["From"] = senders
    message["Subject"] = subject(identitas, month_label)
    message["Date"] = format_datetime(dt.datetime.now().astimezone())
    message["X-Unsent"] = "1"
    text = body(identitas, [name for name, _, _ in files], summary, month_label)
    # -- quoted-printable keeps the message 7-bit clean for servers without 8BITMIME
    message.set_content(text, cte="7bit" if text.isascii() else "quoted-printable")
    for name, path, data in files:
        maintype, subtype = mime_type(path)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message
