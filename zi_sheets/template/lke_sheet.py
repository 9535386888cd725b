"""The LKE sheet: written by `init`, and added to an existing workbook by `zi-sheets init --lke-only`."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import Rewritten, rewrite_in_place
from zi_sheets.lke.answers import Answer
from zi_sheets.lke.items import FORMULAS, JUMLAH, PERSEN, PILIHAN, SURVEI, YA_TIDAK, LkeItem, load_lke
from zi_sheets.reading.schema import LKE

if TYPE_CHECKING:
    from zi_sheets.lke.official import OfficialAnswers
from zi_sheets.template.layout import INPUT_FILL, WRAP, list_formula, new_sheet

# -- (validation type, operator, bounds, number format, prompt) per answer kind; a percentage cell holds a
# -- fraction shown as %, so 85 typed into it is 85% in Excel. --
_LKE_INPUT: dict[str, tuple[str, str | None, tuple[float, ...], str | None, str]] = {
    PERSEN: ("decimal", "between", (0, 1), "0%", "Isi persentase 0% sampai 100%, mis. 85%."),
    SURVEI: (
        "decimal",
        "between",
        (0, 4),
        "0.00",
        "Isi nilai hasil survei eksternal, 0 sampai 4 (mis. 3,62).",
    ),
    JUMLAH: ("whole", "greaterThanOrEqual", (0,), "0", "Isi jumlahnya (angka bulat 0 atau lebih)."),
}


def write_lke_sheet(book: XlsxWorkbook, regulasi: str, official: OfficialAnswers | None = None) -> Worksheet:
    """Add the sheet LKE of regulation `regulasi` at the end of `book`: one row per LKE item, pre-filled,
    with a Jawaban cell that accepts only what the item's type allows; with the answers, evidence, links and
    notes of the official LKE workbook `official` when given (`init --lke-dari`)."""
    sheet = new_sheet(book, LKE)
    cells: dict[tuple[str, ...], list[str]] = {}
    carried = _official_answers(official, regulasi) if official is not None else {}
    for row, item in enumerate(load_lke(regulasi).items, start=2):
        values = (item.code, item.area_label, _lke_subarea(item), item.text, _lke_choices(item))
        for col, value in enumerate(values, start=1):
            sheet.cell(row, col, value).alignment = WRAP
        if item.kind == JUMLAH:
            sheet.cell(row, 4).alignment = Alignment(wrap_text=True, vertical="top", indent=2)
        answer = sheet.cell(row, 6)
        answer.fill = INPUT_FILL
        answer.alignment = Alignment(horizontal="center", vertical="top")
        for col in (7, 8):
            sheet.cell(row, col).alignment = WRAP
        if item.kind in _LKE_INPUT:
            answer.number_format = _LKE_INPUT[item.kind][3] or "General"
            cells.setdefault((item.kind,), []).append(f"F{row}")
        else:
            cells.setdefault(item.letters, []).append(f"F{row}")
        if official is not None:
            _carry(sheet, row, item, carried)
    for key, refs in cells.items():
        if key[0] in _LKE_INPUT:
            kind, operator, bounds, _, prompt = _LKE_INPUT[key[0]]
            validation = DataValidation(type=kind, operator=operator, allow_blank=True)
            validation.formula1 = str(bounds[0])
            if len(bounds) > 1:
                validation.formula2 = str(bounds[1])
        else:
            validation = DataValidation(type="list", formula1=list_formula(key), allow_blank=True)
            prompt = f"Pilih {' / '.join(key)}."
        validation.prompt, validation.showInputMessage = prompt, True
        validation.error, validation.errorTitle = prompt, "Jawaban tidak sesuai"
        sheet.add_data_validation(validation)
        for ref in refs:
            validation.add(ref)
    return sheet


def _official_answers(official: OfficialAnswers, regulasi: str) -> dict[str, Answer]:
    """The official workbook's answers by code; LkeNotScored (exit 1) for another regulation's."""
    from zi_sheets.common.catalogue import REGULATIONS
    from zi_sheets.lke.answers import read_answers
    from zi_sheets.lke.assess import LkeNotScored

    if official.regulation != regulasi:
        name = official.sheet.path.name
        raise LkeNotScored(
            f"LKE resmi {name} berisi jawaban LKE {REGULATIONS[official.regulation]}, sedangkan workbook "
            f"menurut {REGULATIONS[regulasi]}; tidak ada yang ditulis. Pakai LKE resmi "
            f"{REGULATIONS[regulasi]}, atau buat workbook dengan --regulasi {official.regulation}."
        )
    return read_answers(load_lke(regulasi), official.answers).answers


def _carry(sheet: Worksheet, row: int, item: LkeItem, answers: dict[str, Answer]) -> None:
    """One item's official answer into our row: a readable answer as our Jawaban cell takes it (a letter,
    Ya/Tidak, a fraction for a percentage, a number), an unreadable one as written (check reports it),
    Bukti Dukung and Catatan as written. Text only, never a formula (`common.xlsx_book`)."""
    from zi_sheets.common.xlsx_book import put

    answer = answers.get(item.code)
    if answer is None or answer.row is None:
        return
    value: object = None
    if answer.answered and item.kind in (YA_TIDAK, PILIHAN):
        value = answer.shown
    elif answer.number is not None and not answer.invalid:
        value = answer.typed if item.kind == PERSEN and answer.typed is not None else answer.number
    elif answer.row.jawaban:
        value = answer.row.jawaban.text
    if item.kind == PERSEN and answer.typed is None:
        value = None  # -- computed from the Jumlah rows: carried there, computed again here
    if value is not None:
        put(sheet, row, 6, value).alignment = Alignment(horizontal="center", vertical="top")
    for col, cell in ((7, answer.row.bukti_dukung), (8, answer.row.catatan)):
        if cell:
            put(sheet, row, col, cell.text).alignment = WRAP


def _lke_subarea(item: LkeItem) -> str:
    if not item.group_name:
        return ""
    return f"{item.subarea.title()}: {item.group_name}" if item.subarea else item.group_name


def _lke_choices(item: LkeItem) -> str:
    """The Pilihan Jawaban cell: the options as the LKE prints them, with the explanation where it helps."""
    criteria = [item.criteria] if item.criteria else []
    if item.kind == YA_TIDAK:
        return "\n".join(["Ya / Tidak", *criteria])
    if item.kind == PILIHAN:
        return "\n".join(
            item.options or [" / ".join(item.letters) + " (uraian pilihan tidak ada di katalog)"]
        )
    if item.kind == PERSEN:
        jumlah = (
            ["Atau isi baris Jumlah di bawahnya: persentasenya dihitung."] if item.code in FORMULAS else []
        )
        return "\n".join(["Persentase 0% - 100%", *criteria, *jumlah])
    if item.kind == SURVEI:
        return "\n".join(["Nilai survei 0 - 4", *criteria])
    return "Jumlah (angka)"


# -- Parts of an .xlsx that openpyxl may not write back as they were; adding the LKE sheet must keep them. --
_KEPT_PARTS = (
    "xl/drawings/",
    "xl/charts/",
    "xl/media/",
    "xl/pivot",
    "xl/comments",
    "xl/vbaProject",
    "xl/slicer",
)


def add_lke_sheet(
    path: str | Path, regulasi: str | None = None, lke_dari: str | Path | None = None
) -> Rewritten:
    """Add the sheet LKE to the existing workbook at `path`, leaving every other sheet as it was; the file
    as it was is kept as a new backup beside it (`common.files.rewrite_in_place`, which also refuses a
    link, a workbook open in Excel or LibreOffice or read-only, and makes a second run wait for the first).

    `regulasi` None takes the workbook's own regulation (Identitas Regulasi, or its year). The result is
    verified before it replaces the file: every other sheet's values and every drawing, chart, image and
    comment must be unchanged, else ZiSheetsError and the file stays as it was. ZiSheetsError too when the
    workbook cannot be read or already has an LKE sheet. `lke_dari` names an official LKE workbook whose
    answers, evidence, links and notes the new sheet carries (`init --lke-only --lke-dari`).
    """
    official = _load(lke_dari)
    with rewrite_in_place(Path(path)) as rewrite:
        return Rewritten(rewrite.path, rewrite.commit(_lke_added(rewrite.path, regulasi, official)))


def carry_into_new(path: str | Path, lke_dari: str | Path) -> Path:
    """Fill the LKE sheet of the workbook `init` has just written at `path` from the official LKE workbook
    `lke_dari` (`init --lke-dari`); the workbook is the tool's own, no one's data yet."""
    from openpyxl import load_workbook

    from zi_sheets.analysis.analyse import regulation_of
    from zi_sheets.common.files import write_atomic
    from zi_sheets.reading.workbook import read_workbook

    official = _load(lke_dari)
    path = Path(path)
    key = regulation_of(read_workbook(path))
    book = load_workbook(path)
    index = book.sheetnames.index(LKE.name)
    del book[LKE.name]
    try:
        sheet = write_lke_sheet(book, key, official)
    except ZiSheetsError:
        path.unlink()  # -- the workbook init has just written, of another regulation than the answers
        raise
    book.move_sheet(sheet, index - len(book.sheetnames) + 1)
    write_atomic(path, book.save)
    return path


def _load(lke_dari: str | Path | None) -> OfficialAnswers | None:
    if lke_dari is None:
        return None
    from zi_sheets.lke.official import load_official

    return load_official(Path(lke_dari))


def _lke_added(
    path: Path, regulasi: str | None, official: OfficialAnswers | None = None
) -> Callable[[str], None]:
    """Read the workbook and add the LKE sheet in memory; the function that writes and verifies it."""
    from openpyxl import load_workbook

    from zi_sheets.analysis.analyse import regulation_of
    from zi_sheets.reading.source import sheet_values
    from zi_sheets.reading.workbook import read_workbook

    workbook = read_workbook(path)
    if workbook.lke is not None:
        raise ZiSheetsError(
            f"Berkas {path.name} sudah memiliki sheet {workbook.lke.name}; tidak ada yang diubah."
        )
    key = regulasi or regulation_of(workbook)
    before = sheet_values(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = load_workbook(path)
    dropped = [str(w.message) for w in caught if "will be removed" in str(w.message)]
    if dropped:
        raise ZiSheetsError(
            f"Berkas {path.name} memuat bagian yang tidak dapat disimpan ulang utuh ({dropped[0]}); sheet "
            "LKE tidak ditambahkan. Buat workbook baru dengan 'zi-sheets init' lalu salin sheet LKE-nya ke "
            "berkas ini."
        )
    write_lke_sheet(book, key, official)

    def write(temporary: str) -> None:
        book.save(temporary)
        after = sheet_values(Path(temporary))
        changed = [name for name, rows in before.items() if after.get(name) != rows]
        lost = [prefix for prefix in _KEPT_PARTS if _parts(temporary, prefix) < _parts(path, prefix)]
        if changed or lost:
            what = f"isi sheet {', '.join(changed)}" if changed else f"bagian {', '.join(lost)}"
            raise ZiSheetsError(
                f"Menambahkan sheet LKE ke {path.name} akan mengubah {what}; berkas tidak diubah. Buat "
                "workbook baru dengan 'zi-sheets init' lalu salin sheet LKE-nya ke berkas ini."
            )

    return write


def _parts(path: str | Path, prefix: str) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(1 for name in archive.namelist() if name.startswith(prefix))
