"""Hostile and damaged input: one Indonesian line and exit 3 (or findings), never a traceback, no partial
output, and the input file byte-identical afterwards. Every case is built here, in code."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import os
import random
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PLAN_HEADER, minimal_sheets, plan_row
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from zi_sheets.cli.commands import main


def _valid_bytes(make_xlsx) -> bytes:
    return make_xlsx(minimal_sheets(), name="sah.xlsx").read_bytes()


def _with_member(data: bytes, name: str, content: bytes, *, replace: bool = True) -> bytes:
    """The package `data` with member `name` set to `content`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if not (replace and item.filename == name):
                target.writestr(item, source.read(item))
        target.writestr(name, content)
    return out.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol4;</t></si></sst>"""


def _docx_bytes() -> bytes:
    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


def _damaged_part(make_xlsx) -> bytes:
    """A whole archive whose first sheet's compressed bytes are overwritten (a bad sector, a bad copy)."""
    data = bytearray(_valid_bytes(make_xlsx))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + info.compress_size] = bytes(info.compress_size)
    return bytes(data)


def _ole2(extra: bytes = b"") -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + extra


def _many_entries(make_xlsx) -> bytes:
    data = _valid_bytes(make_xlsx)
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as archive:
        for index in range(10_001):
            archive.writestr(f"customXml/item{index}.xml", b"<a/>")
    return out.getvalue()


def _zip_bomb(make_xlsx) -> bytes:
    return _with_member(
        _valid_bytes(make_xlsx), "xl/media/padding.xml", b" " * (40 * 1024 * 1024), replace=False
    )


# -- (case, how to make the file's bytes, what the one line must say) --
UNREADABLE = [
    ("empty file", lambda make: b"", "kosong (0 byte)"),
    ("random bytes", lambda make: random.Random(7).randbytes(4096), "bukan workbook Excel"),
    ("csv renamed", lambda make: b"No;Komponen;Indikator\n1;Tim;SK\n", "bukan workbook Excel"),
    ("docx renamed", lambda make: _docx_bytes(), "bukan workbook Excel"),
    ("old xls", lambda make: _ole2(), "Excel lama (.xls)"),
    ("password", lambda make: _ole2("EncryptedPackage".encode("utf-16-le")), "dilindungi kata sandi"),
    ("truncated xlsx", lambda make: _valid_bytes(make)[:900], "rusak: isinya terpotong"),
    ("xlsx cut in half", lambda make: _valid_bytes(make)[:len(_valid_bytes(make)) // 2], "rusak"),
    ("damaged part", _damaged_part, "rusak"),
    ("zip bomb", _zip_bomb, "isinya tidak wajar"),
    ("too many parts", _many_entries, "isinya tidak wajar"),
    ("xml bomb", lambda make: _with_member(_valid_bytes(make), "xl/sharedStrings.xml", BILLION_LAUGHS),
     "deklarasi DTD/entitas"),
    ("no RencanaAksi", lambda make: make({"Identitas": minimal_sheets()["Identitas"]}).read_bytes(),
     "sheet 'RencanaAksi' tidak ada"),
    ("sheets renamed", lambda make: make({"Sheet1": minimal_sheets()["Identitas"],
                                          "Sheet2": minimal_sheets()["RencanaAksi"]}).read_bytes(),
     "sheet 'Identitas' tidak ada"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "make_bytes", "says"), UNREADABLE, ids=[c[0] for c in UNREADABLE])
@pytest.mark.parametrize("command", ["check", "build"])
def test_unreadable_input(make_xlsx, tmp_path, case, make_bytes, says, command):
    path = tmp_path / "masukan.xlsx"
    path.write_bytes(make_bytes(make_xlsx))
    before = path.read_bytes()
    out = tmp_path / "hasil"
    arguments = [command, str(path)] + (["-o", str(out)] if command == "build" else [])
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 3, (case, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "masukan.xlsx" in lines[0] and says in lines[0], lines
    assert "Traceback" not in result.output and result.stdout == ""
    assert path.read_bytes() == before
    assert not out.exists() and not list(tmp_path.rglob("*.docx"))


def _build(path: Path, out: Path):
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out)])
    assert "Traceback" not in result.output, result.output
    assert path.read_bytes() == before
    return result


def test_header_row_moved_down_and_columns_reordered(make_xlsx, tmp_path):
    sheets = minimal_sheets()
    header, *rows = sheets["RencanaAksi"]
    order = [7, 4, 2, 6, 5, 1, 0, 3, 8]
    sheets["RencanaAksi"] = [["RENCANA AKSI"], [], [], [header[i] for i in order]] + [
        [row[i] for i in order] for row in rows
    ]
    result = _build(make_xlsx(sheets), tmp_path / "hasil")
    assert result.exit_code in (0, 1)
    (rencana,) = tmp_path.rglob("1.ii.a Rencana Kerja Pembangunan ZI 2024.docx")
    text = "\n".join(c.text for t in Document(str(rencana)).tables for r in t.rows for c in r.cells)
    assert "Tim kerja telah dibentuk" in text and "SOP disusun" in text


def test_merged_cells_in_odd_places(make_xlsx, tmp_path):
    sheets = minimal_sheets()
    sheets["RencanaAksi"].append(plan_row("III. Penataan Sistem Manajemen SDM", "Pola Mutasi", "Mutasi"))
    # -- a title merged across the header's width, a data cell merged across columns, a block merge
    sheets["RencanaAksi"].insert(0, ["RENCANA AKSI"])
    merges = {"RencanaAksi": ["A1:I1", "E3:G3", "F4:H5"]}
    result = _build(make_xlsx(sheets, merges=merges), tmp_path / "hasil")
    assert result.exit_code in (0, 1)


def _minimal_book() -> Workbook:
    """The minimal valid workbook as an openpyxl Workbook, for cases that need openpyxl's own features."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in minimal_sheets().items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    return book


def test_ten_thousand_empty_formatted_rows(tmp_path):
    book = _minimal_book()
    plan = book["RencanaAksi"]
    for row in range(4, 10_004):
        plan.cell(row, 5).number_format = "@"
        plan.row_dimensions[row].height = 30
    path = tmp_path / "berformat.xlsx"
    book.save(path)
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    assert result.exit_code in (0, 1)
    rows = {
        int(re.sub(r"\D", "", f["cell"] or "") or 0)
        for f in json.loads(result.stdout)["findings"]
        if f["sheet"] == "RencanaAksi"
    }
    assert max(rows) <= 3  # -- the 10,000 formatted rows are empty: no finding, no plan row


def test_fifty_megabyte_workbook(tmp_path):
    """A workbook of 50 MB on disk (a sheet of incompressible text beside the plan) is read, not refused."""
    rng = random.Random(50)
    book = _minimal_book()
    path = tmp_path / "besar.xlsx"
    book.save(path)
    noise = base64.b64encode(rng.randbytes(36_000 * 1500)).decode()
    cells = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{noise[r * 2000 : (r + 1) * 2000]}</t></is></c></row>'
        for r in range(1, 36_001)
    )
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main"><sheetData>{cells}</sheetData></worksheet>'
    ).encode()
    path.write_bytes(_add_sheet(path.read_bytes(), "Lampiran Data", sheet_xml))
    assert os.path.getsize(path) > 50 * 1024 * 1024
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output


_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _add_sheet(data: bytes, title: str, sheet_xml: bytes) -> bytes:
    """`data` with one more worksheet `title` holding `sheet_xml` (workbook, rels and content types)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {item.filename: source.read(item) for item in source.infolist()}
    members["xl/worksheets/sheetExtra.xml"] = sheet_xml
    members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(
        b"</sheets>",
        f'<sheet xmlns:r="{_R_NS}" name="{title}" sheetId="99" r:id="rIdExtra"/></sheets>'.encode(),
    )
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdExtra" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'worksheet" Target="worksheets/sheetExtra.xml"/></Relationships>',
    )
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/worksheets/sheetExtra.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.worksheet+xml"/></Types>',
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            target.writestr(name, content)
    return out.getvalue()


def test_control_characters_and_odd_unicode_still_give_documents_that_open(make_xlsx, tmp_path):
    # -- Excel stores a control character as an _xHHHH_ escape; openpyxl refuses to write one, so the
    # -- escapes are put into the saved XML afterwards, where Excel would have put them.
    odd = "Tim[C1] kerja[CB] \u200b\u202eZI\u202c ✓ 𝔷𝔦 ﷺ \ufeff"
    sheets = minimal_sheets()
    sheets["Identitas"][1][1] = f"Kecamatan {odd}"
    sheets["RencanaAksi"][1][4] = f"Indikator {odd}"
    sheets["Narasi"] = [["Bagian", "Isi"], ["Latar Belakang", f"Paragraf {odd}"]]
    sheets["Monev"] = [
        ["Bulan", "Area", "Capaian"],
        [dt.datetime(2024, 3, 1), "Manajemen Perubahan", f"Capaian {odd}"],
    ]
    sheets["MekanismeTim"] = [["No", "Langkah"], [1, f"Langkah {odd}"]]
    path = make_xlsx(sheets)
    data = path.read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        if name.startswith("xl/") and name.endswith(".xml"):
            part = archive.read(name)
            data = _with_member(data, name, part.replace(b"[C1]", b"_x0001_").replace(b"[CB]", b"_x000B_"))
    path.write_bytes(data)
    result = _build(path, tmp_path / "hasil")
    assert result.exit_code in (0, 1), result.output
    documents = list((tmp_path / "hasil").rglob("*.docx"))
    assert len(documents) == 3
    for document_path in documents:
        document = Document(str(document_path))  # -- opens: no XML-illegal character made it in
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "\x01" not in text and "\x0b" not in text
        assert "✓ 𝔷𝔦" in text


def test_formulas_saved_without_results_are_findings(make_xlsx, tmp_path):
    sheets = minimal_sheets()
    sheets["RencanaAksi"][1][6] = '=CONCATENATE("SK ", "Tim")'
    path = make_xlsx(sheets)  # -- openpyxl, like many non-Excel tools, saves formulas without results
    result = CliRunner().invoke(main, ["check", str(path)])
    assert "RencanaAksi!G2  peringatan  formula-without-value" in result.stdout


# -- Random cell contents in an otherwise valid workbook never crash check or build. --

_CELL = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    identitas=st.lists(_CELL, min_size=3, max_size=3),
    plan=st.lists(st.lists(_CELL, min_size=9, max_size=9), max_size=4),
    monev=st.lists(st.lists(_CELL, min_size=4, max_size=4), max_size=3),
)
def test_random_cells_never_crash(tmp_path_factory, identitas, plan, monev):
    folder = tmp_path_factory.mktemp("acak")
    book = Workbook()
    book.remove(book.active)
    sheets = minimal_sheets()
    sheets["Identitas"][1][1], sheets["Identitas"][4][1], sheets["Identitas"][9][1] = identitas
    sheets["RencanaAksi"] = [PLAN_HEADER, *plan]
    sheets["Monev"] = [["Bulan", "Area", "Capaian", "Status"], *monev]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([_storable(value) for value in row])
    path = folder / "acak.xlsx"
    book.save(path)
    for arguments in (["check", str(path)], ["check", "--format", "json", str(path)],
                      ["build", str(path), "-o", str(folder / "hasil")]):  # fmt: skip
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code in (0, 1, 3, 4), result.output  # -- 4: build wrote nothing (Kode keluar)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    for document in (folder / "hasil").rglob("*.docx"):
        Document(str(document))


def _storable(value):
    """What openpyxl will write: text that would be a formula or is XML-illegal stays text, as Excel would."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return "'" + value if value.startswith("=") else value
    return value


def test_template_loads_in_openpyxl_untouched_by_reading(tmp_path):
    from zi_sheets.template.new_workbook import write_template

    path = write_template(tmp_path / "baru.xlsx")
    before = path.read_bytes()
    CliRunner().invoke(main, ["check", str(path)])
    assert path.read_bytes() == before
    load_workbook(path)
