"""Class 3: bombs and special files. A merge or a cell naming the far corner of a sheet, a --docx-template
that inflates to a gigabyte or lies about its size, a Logo that is a pipe, a device, a system file or a link
leading out of the workbook's folder, a Realisasi of 100,000 rows: each ends within the corpus's 30 s and
1 GiB with a finding or one sentence, and nothing outside the workbook's folder is opened as a logo."""

from __future__ import annotations

import contextlib
import os
import re
import zipfile
from pathlib import Path

import docx
from factory import logo_png, realisation_workbook, unit_workbook, write_ods
from hostile import Case, Outcome, Run
from zipped import declare_size, inline, rewrite, rewrite_sheet, sheet_member

GIB = 1 << 30
SUMMARY = r"\d+ galat, \d+ peringatan, \d+ info"


def _with_merge(path: Path, sheet: str, ref: str) -> Path:
    """The workbook at `path` with one more merged range on `sheet`, written into its XML as Excel would."""
    source = path.with_suffix(".asal.xlsx")
    path.rename(source)

    def merged(xml: str) -> list[str]:
        xml = re.sub(r"<mergeCells.*?</mergeCells>", "", xml, flags=re.S)
        head, tail = xml.split("</sheetData>", 1)
        return [head, f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>', tail]

    rewrite_sheet(source, path, sheet, merged)
    source.unlink()
    return path


def _whole_sheet_merge(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _with_merge(unit_workbook(home / "zi.xlsx"), "RencanaAksi", "A2:XFD1048576")

    def read_as_excel_shows_it(home: Path, outcome: Outcome) -> None:
        # -- the merge hides all but column A of the plan, as in Excel: every row read, none covers a komponen
        assert "komponen 0 dari 43" in outcome.output

    return Run(["check", "zi.xlsx"], frozenset({1}), SUMMARY, then=read_as_excel_shows_it)


def _far_corner_cell(inside_first_row: bool):
    """One value at XFD30000 in the Identitas sheet (491 million cells from A1), in a row of its own or (the
    value reader places a cell by its own reference) inside the sheet's first row."""

    def case(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        source = unit_workbook(home / "asal.xlsx")
        far_cell = inline("XFD30000", "x")

        def far(xml: str) -> list[str]:
            if inside_first_row:
                return [xml.replace("</row>", f"{far_cell}</row>", 1)]
            head, tail = xml.split("</sheetData>", 1)
            return [head, f'<row r="30000">{far_cell}</row></sheetData>', tail]

        rewrite_sheet(source, home / "zi.xlsx", "Identitas", far)
        source.unlink()
        return Run(
            ["check", "zi.xlsx"],
            frozenset({3}),
            r"zi\.xlsx ditolak: sheet Identitas terisi sampai sel XFD30000 \(491\.520\.000 sel",
        )

    return case


def _ods_row_repeated(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    """An .ods of a few hundred bytes whose one filled row repeats a million times."""
    rows = "".join(
        f'<table:table-row><table:table-cell office:value-type="string"><text:p>{name}</text:p>'
        "</table:table-cell></table:table-row>"
        for name in ("Isian", "Nama Unit Kerja")
    )
    repeated = (
        '<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    write_ods(home / "zi.ods", [f'<table:table table:name="Identitas">{rows}{repeated}</table:table>'])
    return Run(
        ["check", "zi.ods"],
        frozenset({3}),
        r"zi\.ods ditolak: sheet Identitas terisi sampai baris 1\.048\.578 \(batasnya 200\.000 baris\)",
    )


def _template(home: Path) -> Path:
    path = home / "polos.docx"
    docx.Document().save(str(path))
    return path


def _styles_of_spaces(size: int):
    def write(styles: bytes):
        head, tail = styles.split(b"<w:docDefaults", 1)
        yield head
        block = b" " * (1 << 20)
        for _ in range(size >> 20):
            yield block
        yield b"<w:docDefaults" + tail

    return write


def _nothing_written(home: Path, outcome: Outcome) -> None:
    assert not (home / "hasil").exists()


def _template_styles_bomb(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    unit_workbook(home / "zi.xlsx")
    plain = _template(home)
    rewrite(plain, home / "gaya.docx", "word/styles.xml", _styles_of_spaces(GIB))
    plain.unlink()
    return Run(
        ["build", "zi.xlsx", "-o", "hasil", "--docx-template", "gaya.docx"],
        frozenset({3}),
        r"Templat gaya\.docx ditolak: isinya tidak wajar \(\d+ bagian, 1024 MB setelah diekstrak\)",
        output="hasil",
        then=_nothing_written,
    )


def _template_member_lies(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    # -- 64 MiB of spaces declared as 40 kB: no parser may take the declared size on trust
    unit_workbook(home / "zi.xlsx")
    plain = _template(home)
    declare_size(
        rewrite(plain, home / "gaya.docx", "word/styles.xml", _styles_of_spaces(64 << 20)),
        "word/styles.xml",
        40_000,
    )
    plain.unlink()
    return Run(
        ["build", "zi.xlsx", "-o", "hasil", "--docx-template", "gaya.docx"],
        frozenset({3}),
        r"Templat gaya\.docx rusak",
        output="hasil",
        then=_nothing_written,
    )


def _template_is_a_pipe(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    unit_workbook(home / "zi.xlsx")
    os.mkfifo(home / "gaya.docx")
    return Run(
        ["build", "zi.xlsx", "-o", "hasil", "--docx-template", "gaya.docx"],
        frozenset({3}),
        r"Templat gaya\.docx ditolak: bukan berkas dokumen biasa",
        output="hasil",
        then=_nothing_written,
    )


def _logo_finding(logo: str, why: str) -> str:
    return (
        rf"Identitas!B\d+\s+peringatan\s+pengaturan-invalid\s+Logo '{re.escape(logo)}' tidak dapat dipakai; "
        rf"isi berkas gambar PNG/JPG {why}"
    )


OUTSIDE = r"di dalam folder workbook \(berkas di luar folder itu tidak dibuka\)"
SPECIAL = r"biasa \(bukan folder, pipa atau perangkat\)"


def _logo_check(logo: str, why: str, make=None):
    """A check of a workbook whose Logo is `logo` (after `make(home, elsewhere)` put it in place)."""

    def case(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        if make is not None:
            make(home, elsewhere)
        unit_workbook(home / "zi.xlsx", identitas={"Logo": logo})

        def no_content_shown(home: Path, outcome: Outcome) -> None:
            assert "root:" not in outcome.output  # -- /etc/passwd's first line, were it ever read out

        return Run(["check", "zi.xlsx"], frozenset({0, 1}), _logo_finding(logo, why), then=no_content_shown)

    return case


def _pipe(home: Path, elsewhere: Path) -> None:
    os.mkfifo(home / "logo.png")


def _link_out(home: Path, elsewhere: Path) -> None:
    (home / "logo.png").symlink_to(logo_png(elsewhere / "logo-pemda.png"))


def _images(home: Path) -> list[bytes]:
    """The images embedded in the documents of the build's output folder (the kop and cover logo, the
    Monev chart)."""
    written = sorted((home / "hasil").rglob("*.docx"))
    assert written
    return [
        rel.target_part.blob
        for path in written
        for part in docx.Document(str(path)).part.package.iter_parts()
        for rel in part.rels.values()
        if rel.reltype.endswith("/image")
    ]


def _logo_pipe_build(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    # -- the build that blocked forever on open(): it ends, its documents written without the logo
    _pipe(home, elsewhere)
    unit_workbook(home / "zi.xlsx", identitas={"Logo": "logo.png"})

    def documents_written(home: Path, outcome: Outcome) -> None:
        assert _images(home) is not None

    return Run(
        ["build", "zi.xlsx", "-o", "hasil"],
        frozenset({0, 1}),
        r"ditulis",
        output="hasil",
        then=documents_written,
    )


def _logo_link_out_build(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _link_out(home, elsewhere)
    unit_workbook(home / "zi.xlsx", identitas={"Logo": "logo.png"})

    def outside_image_not_embedded(home: Path, outcome: Outcome) -> None:
        outside = (elsewhere / "logo-pemda.png").read_bytes()
        assert outside not in _images(home)

    return Run(
        ["build", "zi.xlsx", "-o", "hasil"],
        frozenset({0, 1}),
        r"ditulis",
        output="hasil",
        then=outside_image_not_embedded,
    )


def big_realisasi(path: Path, rows: int = 100_000) -> Path:
    """realisation_workbook's unit at `path` with `rows` Realisasi rows (each plan Ref in turn, two months
    filled); also the benchmark's (l)."""
    source = realisation_workbook(path.with_name("asal.xlsx"))
    with zipfile.ZipFile(source) as archive:
        plan = archive.read(sheet_member(archive, "RencanaAksi")).decode()
    refs = re.findall(r'<c r="A\d+"[^>]*><is><t>([^<]+)</t>', plan)[1:]

    def many(xml: str):
        head, rest = xml.split('<row r="3"', 1)
        yield head
        for index in range(rows):
            row = index + 3
            yield (
                f'<row r="{row}">{inline(f"A{row}", refs[index % len(refs)])}'
                f"{inline(f'B{row}', f'Langkah aksi {index}')}{inline(f'D{row}', 'Selesai')}"
                f"{inline(f'E{row}', f'Realisasi nomor {index}')}{inline(f'K{row}', 'Proses')}</row>"
            )
        yield rest[rest.index("</sheetData>") :]

    rewrite_sheet(source, path, "Realisasi", many)
    source.unlink()
    return path


def _realisasi_100k_check(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    big_realisasi(home / "zi.xlsx")
    return Run(["check", "zi.xlsx"], frozenset({1}), SUMMARY)


def _realisasi_100k_build(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    big_realisasi(home / "zi.xlsx")
    return Run(
        ["build", "zi.xlsx", "-o", "hasil"], frozenset({0, 1}), r"ditulis: hasil/.*Monev", output="hasil"
    )


CASES = [
    Case("merge-over-whole-sheet", 3, _whole_sheet_merge),
    Case("cell-at-far-corner", 3, _far_corner_cell(False)),
    Case("cell-at-far-corner-in-row-1", 3, _far_corner_cell(True)),
    Case("ods-row-repeated-a-million-times", 3, _ods_row_repeated),
    Case("template-styles-gigabyte-of-spaces", 3, _template_styles_bomb),
    Case("template-member-lies-about-size", 3, _template_member_lies),
    Case("template-is-a-fifo", 3, _template_is_a_pipe),
    Case("logo-fifo", 3, _logo_check("logo.png", SPECIAL, _pipe)),
    Case("logo-fifo-build-ends", 3, _logo_pipe_build),
    Case("logo-dev-zero", 3, _logo_check("/dev/zero", OUTSIDE)),
    Case("logo-etc-passwd", 3, _logo_check("/etc/passwd", OUTSIDE)),
    Case("logo-link-outside", 3, _logo_check("logo.png", OUTSIDE, _link_out)),
    Case("logo-link-outside-build", 3, _logo_link_out_build),
    Case("realisasi-100k-rows-check", 3, _realisasi_100k_check),
    Case("realisasi-100k-rows-build", 3, _realisasi_100k_build),
]
