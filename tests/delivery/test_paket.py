"""The delivery package: a zip of the documents and an .eml draft, both re-opened and parsed for real."""

from __future__ import annotations

import email
import zipfile
from email import policy
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest

from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.model import CellRef, CellValue, Identitas
from zi_sheets.delivery.paket import HEADER_CONTROL, Package, mime_type, write_package

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUMMARY = "0 galat, 2 peringatan, 1 info; komponen 23 dari 23, indikator 41 dari 50 (82%)"
INSPEKTORAT = "inspektorat@contohkab.go.id"


def make_identitas(email_inspektorat: str | None = INSPEKTORAT) -> Identitas:
    fields = {
        "Nama Unit Kerja": "Kecamatan Contoh",
        "Kabupaten/Kota": "Kabupaten Contoh",
        "Tahun": "2024",
        "Jabatan Ketua Tim": "Ketua Tim Pembangunan ZI",
        "Nama Ketua Tim": "SITI AMINAH, S.AP",
    }
    if email_inspektorat is not None:
        fields["Email Inspektorat"] = email_inspektorat
    return Identitas(
        {
            name: CellValue(text, CellRef("Identitas", row, "B"), text)
            for row, (name, text) in enumerate(fields.items(), start=2)
        }
    )


def make_docx(path: Path, heading: str) -> Path:
    document = docx.Document()
    document.add_heading(heading, level=1)
    document.add_paragraph(f"Isi {heading} untuk Kecamatan Contoh.")
    document.save(str(path))
    return path


@pytest.fixture
def documents(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "kecamatan-contoh-2024"
    folder.mkdir()
    return [
        make_docx(folder / "P.1.ii.a Rencana Kerja Pembangunan ZI 2024.docx", "Rencana Kerja"),
        make_docx(folder / "P.1.iii.b Monev Pembangunan ZI Mei 2024 – Kecamatan.docx", "Monev"),
        _write(
            folder / "P.1.ii.a Rencana Kerja Pembangunan ZI 2024.pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        ),
    ]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def attachments(message: EmailMessage) -> dict[str, tuple[str, bytes]]:
    """filename -> (content type, decoded bytes) of every attachment."""
    return {
        part.get_filename(): (part.get_content_type(), part.get_payload(decode=True))
        for part in message.iter_attachments()
    }


def test_zip_holds_exactly_the_documents_with_identical_bytes(documents: list[Path]) -> None:
    folder = documents[0].parent
    package = write_package(make_identitas(), documents, folder, summary=SUMMARY, month_label="Mei 2024")

    assert package.zip_path == folder / "kecamatan-contoh-2024-paket.zip"
    with zipfile.ZipFile(package.zip_path) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert sorted(names) == sorted(path.name for path in documents)
        assert names == sorted(names, key=str.casefold)  # -- deterministic order
        for path in documents:
            assert archive.read(path.name) == path.read_bytes()
            assert archive.getinfo(path.name).compress_type == zipfile.ZIP_DEFLATED
    # -- the re-opened .docx is still a document with its text
    with zipfile.ZipFile(package.zip_path) as archive:
        extracted = folder / "extracted.docx"
        extracted.write_bytes(archive.read(documents[0].name))
    assert "Rencana Kerja" in [p.text for p in docx.Document(str(extracted)).paragraphs]


def test_eml_is_an_addressed_draft_with_every_document_attached(documents: list[Path]) -> None:
    folder = documents[0].parent
    package = write_package(make_identitas(), documents, folder, summary=SUMMARY, month_label="Mei 2024")

    assert isinstance(package, Package)
    assert package.eml_path == folder / "kecamatan-contoh-2024.eml"
    assert package.recipients == (INSPEKTORAT,)
    assert package.notes == []
    raw = package.eml_path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # -- CRLF throughout, as RFC 5322 wants
    message = parse(package.eml_path)
    assert message.defects == []
    assert message["To"] == INSPEKTORAT
    assert message["From"] is None  # -- left to the mail client
    assert message["X-Unsent"] == "1"
    assert message["Date"].datetime is not None
    assert message["Subject"] == "Dokumen Zona Integritas Kecamatan Contoh Tahun 2024 (Monev Mei 2024)"

    body_part = message.get_body(preferencelist=("plain",))
    assert body_part["Content-Transfer-Encoding"] in ("7bit", "quoted-printable")  # -- 7-bit clean
    body = "\n".join(body_part.get_content().splitlines())
    assert body.startswith("Yth. Inspektorat Kabupaten Contoh")
    assert SUMMARY in body
    assert "Kecamatan Contoh Tahun 2024" in body and "Mei 2024" in body
    for path in documents:
        assert path.name in body
    # -- signed as the Ketua Tim wrote the position: the letter has named the unit already
    assert body.rstrip().endswith("Hormat kami,\nKetua Tim Pembangunan ZI\nSITI AMINAH, S.AP")

    found = attachments(message)
    assert set(found) == {path.name for path in documents}  # -- the documents, not the zip
    for path in documents:
        content_type, data = found[path.name]
        assert content_type == (DOCX if path.suffix == ".docx" else "application/pdf")
        assert data == path.read_bytes()


def test_non_ascii_file_name_survives_the_round_trip(documents: list[Path]) -> None:
    package = write_package(make_identitas(), documents, documents[0].parent, summary=SUMMARY)
    name = documents[1].name
    assert "–" in name
    assert name in attachments(parse(package.eml_path))
    with zipfile.ZipFile(package.zip_path) as archive:
        assert name in archive.namelist()
        assert archive.getinfo(name).flag_bits & 0x800


def test_without_month_the_subject_has_no_monev(documents: list[Path]) -> None:
    package = write_package(make_identitas(), documents[:1], documents[0].parent, summary=SUMMARY)
    message = parse(package.eml_path)
    assert message["Subject"] == "Dokumen Zona Integritas Kecamatan Contoh Tahun 2024"
    assert "Monitoring" not in message.get_body(preferencelist=("plain",)).get_content()


def test_empty_email_inspektorat_gives_an_unaddressed_draft_and_a_note(documents: list[Path]) -> None:
    for value in ("", None):
        package = write_package(make_identitas(value), documents, documents[0].parent, summary=SUMMARY)
        message = parse(package.eml_path)
        assert message["To"] in (None, "")
        assert message["X-Unsent"] == "1"
        assert package.recipients == ()
        assert len(package.notes) == 1 and "Email Inspektorat" in package.notes[0]
        assert len(attachments(message)) == len(documents)


@pytest.mark.parametrize("value", ["inspektorat", "inspektorat@contohkab", "a@b@c.go.id", "x y@contoh.go.id"])
def test_invalid_email_inspektorat_is_refused_naming_field_and_value(
    documents: list[Path], value: str
) -> None:
    folder = documents[0].parent
    with pytest.raises(ZiSheetsError) as raised:
        write_package(make_identitas(value), documents, folder, summary=SUMMARY)
    message = str(raised.value)
    assert "Email Inspektorat" in message and "Identitas!B" in message and value in message
    assert not list(folder.glob("*.eml")) and not list(folder.glob("*.zip"))


@pytest.mark.parametrize(
    "value",
    [
        f"{INSPEKTORAT}\r\nBcc: someone@else.example",
        f"{INSPEKTORAT}\nBcc: someone@else.example",
        f"Inspektorat\r\nBcc: someone@else.example <{INSPEKTORAT}>",
        f"=?utf-8?q?Insp=0D=0ABcc=3A_someone=40else=2Eexample?= <{INSPEKTORAT}>",
        f"Tim: {INSPEKTORAT}, someone@else.example;",
        f"{INSPEKTORAT} someone@else.example",
        f"{INSPEKTORAT}\x00",
        f"{INSPEKTORAT}\u2028Bcc: someone@else.example",
    ],
)
def test_an_email_inspektorat_that_would_add_a_header_or_recipient_is_refused(
    documents: list[Path], value: str
) -> None:
    """Header injection (issue 30, class 6): refused naming the cell, the value shown with its control
    characters escaped on the message's one line, and no draft written that could carry the address."""
    folder = documents[0].parent
    with pytest.raises(ZiSheetsError) as raised:
        write_package(make_identitas(value), documents, folder, summary=SUMMARY)
    message = str(raised.value)
    assert "Email Inspektorat di Identitas!B" in message and len(message.splitlines()) == 1
    assert not HEADER_CONTROL.search(message)
    assert not list(folder.glob("*.eml")) and not list(folder.glob("*.zip"))


def test_control_characters_of_the_unit_never_reach_a_header(documents: list[Path]) -> None:
    identitas = make_identitas()
    cell = identitas.get("Nama Unit Kerja")
    hostile = "Kecamatan\r\nBcc: someone@else.example\x01\u2028X"
    identitas.fields["Nama Unit Kerja"] = CellValue(hostile, cell.cell, hostile)
    package = write_package(identitas, documents, documents[0].parent, summary=SUMMARY)
    message = parse(package.eml_path)
    assert message["Bcc"] is None
    assert str(message["Subject"]).strip().startswith("Dokumen Zona Integritas Kecamatan Bcc")
    assert not HEADER_CONTROL.search(str(message["Subject"]))


def test_several_addresses_and_display_names(documents: list[Path]) -> None:
    value = "Inspektorat Kab. Contoh <inspektorat@contohkab.go.id>; tpi@contohkab.go.id"
    package = write_package(make_identitas(value), documents, documents[0].parent, summary=SUMMARY)
    assert package.recipients == ("inspektorat@contohkab.go.id", "tpi@contohkab.go.id")
    to = parse(package.eml_path)["To"]
    assert [a.addr_spec for a in to.addresses] == list(package.recipients)
    assert to.addresses[0].display_name == "Inspektorat Kab. Contoh"


def test_sender_from_environment(documents: list[Path]) -> None:
    folder = documents[0].parent
    env = {"ZI_SHEETS_FROM": "Tim ZI Kecamatan Contoh <zi@contoh.go.id>"}
    package = write_package(make_identitas(), documents, folder, summary=SUMMARY, env=env)
    assert parse(package.eml_path)["From"].addresses[0].addr_spec == "zi@contoh.go.id"
    with pytest.raises(ZiSheetsError, match="ZI_SHEETS_FROM"):
        write_package(make_identitas(), documents, folder, summary=SUMMARY, env={"ZI_SHEETS_FROM": "zi"})


def test_missing_document_is_a_clear_error(documents: list[Path]) -> None:
    missing = documents[0].parent / "tidak-ada.docx"
    with pytest.raises(ZiSheetsError, match="tidak-ada.docx"):
        write_package(make_identitas(), [*documents, missing], documents[0].parent, summary=SUMMARY)


def test_rewriting_the_package_replaces_it_and_leaves_no_temporary_file(documents: list[Path]) -> None:
    folder = documents[0].parent
    first = write_package(make_identitas(), documents, folder, summary=SUMMARY)
    listed = [*documents[:2], first.zip_path, first.eml_path]  # -- a caller listing the whole folder
    package = write_package(make_identitas(), listed, folder, summary=SUMMARY)
    with zipfile.ZipFile(package.zip_path) as archive:
        assert len(archive.namelist()) == 2
    assert len(attachments(parse(package.eml_path))) == 2
    assert not [p for p in folder.iterdir() if p.name.startswith(".~")]


def test_mime_types_are_registered_explicitly() -> None:
    assert mime_type(Path("a.docx")) == ("application", DOCX.split("/")[1])
    assert mime_type(Path("a.PDF")) == ("application", "pdf")
    assert mime_type(Path("a.xlsx")) == (
        "application",
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    assert mime_type(Path("a.unknownext")) == ("application", "octet-stream")


def test_multi_line_unit_name_makes_a_one_line_subject(documents: list[Path]) -> None:
    identitas = make_identitas()
    identitas.fields["Nama Unit Kerja"] = CellValue("Kecamatan\nContoh", None)
    package = write_package(identitas, documents, documents[0].parent, summary=SUMMARY)
    assert parse(package.eml_path)["Subject"] == "Dokumen Zona Integritas Kecamatan Contoh Tahun 2024"


def test_the_letter_leaves_the_check_counts_out_unless_asked(documents: list[Path]) -> None:
    folder = documents[0].parent
    plain = write_package(make_identitas(), documents, folder, month_label="Mei 2024")
    text = parse(plain.eml_path).get_body(preferencelist=("plain",)).get_content()
    assert "galat" not in text and "pemeriksaan" not in text and "Bersama ini kami sampaikan" in text
    asked = write_package(make_identitas(), documents, folder, summary=SUMMARY, month_label="Mei 2024")
    counted = parse(asked.eml_path).get_body(preferencelist=("plain",)).get_content()
    assert f"Hasil pemeriksaan workbook: {SUMMARY}" in " ".join(counted.split())


@pytest.mark.parametrize(("flag", "counted"), [([], False), (["--ringkasan-pemeriksaan"], True)])
def test_build_paket_counts_only_with_the_option(make_xlsx, tmp_path: Path, flag, counted) -> None:
    from click.testing import CliRunner
    from conftest import minimal_sheets

    from zi_sheets.cli.commands import main

    sheets = minimal_sheets()
    sheets["Identitas"].append(["Email Inspektorat", INSPEKTORAT, None])
    result = CliRunner().invoke(
        main, ["build", str(make_xlsx(sheets)), "-o", str(tmp_path), "--paket", *flag]
    )
    assert result.exit_code in (0, 1), result.output
    (eml,) = tmp_path.rglob("*.eml")
    text = parse(eml).get_body(preferencelist=("plain",)).get_content()
    assert ("Hasil pemeriksaan workbook:" in text) is counted
    assert ("galat" in text) is counted
