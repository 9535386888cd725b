"""The self-assessment of one workbook (`zi-sheets nilai`): its LKE answers scored, the WBK/WBBM verdict,
what closes each gap, the answers the workbook itself supports, and the LKE findings; also the findings
`zi-sheets check` reports for the LKE sheet.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zi_sheets.analysis.analyse import Analysis
from zi_sheets.checks.diterima import DITERIMA_INVALID, DITERIMA_UNUSED, apply_diterima
from zi_sheets.common.bahasa import format_angka, roman
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.findings import Finding
from zi_sheets.common.model import CellRef, LkeSheet, Workbook
from zi_sheets.common.report import Report
from zi_sheets.lke import codes as f
from zi_sheets.lke.answers import AnswerSheet, percent_text, read_answers
from zi_sheets.lke.evidence import evidence_findings, shown_lines
from zi_sheets.lke.items import Lke, load_lke
from zi_sheets.lke.official import (
    OfficialAnswers,
    SheetFigure,
    load_official,
    sheet_figures,
    unmatched_rows,
)
from zi_sheets.lke.proposals import Proposal, proposals
from zi_sheets.lke.score import (
    PREDIKAT,
    PREDIKAT_TITLE,
    Gap,
    Requirement,
    Score,
    compute,
    gaps,
    meets,
    requirements,
    rounded,
    unmet,
)

if TYPE_CHECKING:
    pass

# -- What the 52/2014 catalogue and regulation do not give, said plainly wherever its score is shown. --
NOTES_52_2014 = (
    "PermenPANRB 52/2014 tidak memuat nilai per pilihan jawaban; dipakai konvensi LKE 90/2021 (Ya = 1, "
    "A/B/C = 1/0,5/0, A/B/C/D = 1/0,67/0,33/0, A-E = 1/0,75/0,5/0,25/0).",
    "PermenPANRB 52/2014 tidak menetapkan ambang nilai pengungkit maupun ambang per area; yang diuji hanya "
    "nilai total dan ambang hasil.",
    "PermenPANRB 52/2014 tidak membagi area menjadi pemenuhan dan reform; uraian pilihan jawabannya belum "
    "ada di katalog.",
)
NOTE_WBBM = (
    "Menuju WBBM juga mensyaratkan unit telah berpredikat Menuju WBK; syarat itu tidak dinilai di sini."
)
# -- Findings about the Diterima sheet's own rows: `check` reports them, `nilai` only applies the sheet. --
_DITERIMA_CODES = frozenset({DITERIMA_INVALID.code, DITERIMA_UNUSED.code})


@dataclass
class Assessment:
    """Everything `zi-sheets nilai` reports for one workbook."""

    analysis: Analysis
    lke: Lke
    sheet: AnswerSheet
    score: Score
    requirements: list[Requirement]
    gaps: list[Gap]
    proposals: list[Proposal]
    report: Report
    notes: list[str] = field(default_factory=list)
    # -- last year's score from the sheet `init --dari` keeps (`LKE Tahun Lalu`), None without one
    baseline: Score | None = None
    # -- the official LKE workbook's own figures beside the regulation's (empty for our LKE sheet) --
    figures: list[SheetFigure] = field(default_factory=list)
    # -- the folder Bukti Dukung files are found from (the answers' workbook's); None: the workbook's own --
    folder: Path | None = None
    # -- where the answers were read when not our LKE sheet: the official workbook's (sheet, file name) --
    official_source: tuple[str, str] | None = None

    @property
    def workbook(self) -> Workbook:
        return self.analysis.workbook

    def evidence(self, code: str) -> list[str]:
        """Item `code`'s Bukti Dukung lines as the report prints them (`evidence.shown_lines`)."""
        answer = self.sheet.answers[code]
        return shown_lines(answer.row, self.folder or self.workbook.path.resolve().parent)

    @property
    def wbk(self) -> bool:
        return meets(self.requirements, "WBK")

    @property
    def wbbm(self) -> bool:
        return meets(self.requirements, "WBBM")

    def kurang(self, predikat: str) -> list[str]:
        """The unmet requirements of `predikat` as sentences ("Area V Penguatan Pengawasan 4,50 (minimal
        9,00)")."""
        return [requirement.sentence for requirement in unmet(self.requirements, predikat)]

    @property
    def warnings(self) -> list[Requirement]:
        """Reading (b) of the per-area minimum where it says more than reading (a): a Pemenuhan or Reform
        half below its share while its whole area meets the same predicate (WBK before WBBM, each half
        once)."""
        failing = {
            (r.predikat, r.area_no) for r in self.requirements if r.threshold.scope == "area" and not r.met
        }
        shown: dict[str, Requirement] = {}
        for requirement in self.requirements:
            if not requirement.warning_only or requirement.met or requirement.label in shown:
                continue
            if (requirement.predikat, requirement.area_no) not in failing:
                shown[requirement.label] = requirement
        return list(shown.values())

    @property
    def verdict(self) -> str:
        """ "Memenuhi syarat nilai Menuju WBBM." or "Belum memenuhi syarat nilai Menuju WBK.", etc."""
        if self.wbbm:
            return "Memenuhi syarat nilai Menuju WBBM (dan Menuju WBK)."
        if self.wbk:
            return "Memenuhi syarat nilai Menuju WBK; belum memenuhi Menuju WBBM."
        return "Belum memenuhi syarat nilai Menuju WBK maupun Menuju WBBM."

    def to_dict(self) -> dict[str, Any]:
        """The figures, verdict and findings as plain data (the shape `nilai --format json` prints)."""
        score = self.score
        return {
            "pengungkit": rounded(score.pengungkit),
            "hasil": rounded(score.hasil),
            "total": rounded(score.total),
            "area": [
                {
                    "area": area.no,
                    "nama": area.name,
                    "bobot": area.weight,
                    "pemenuhan": None if area.pemenuhan is None else rounded(area.pemenuhan),
                    "reform": None if area.reform is None else rounded(area.reform),
                    "nilai": rounded(area.nilai),
                    "persen": rounded(area.persen),
                }
                for area in score.areas
            ],
            "predikat": {
                "wbk": self.wbk,
                "wbbm": self.wbbm,
                "kurang_wbk": self.kurang("WBK"),
                "kurang_wbbm": self.kurang("WBBM"),
            },
            # -- the official LKE workbook's own figures beside the regulation's (empty for our LKE sheet)
            "lke_resmi": [
                {
                    "sel": str(figure.cell),
                    "angka": figure.label,
                    "nilai_sheet": figure.sheet,
                    "nilai_regulasi": round(figure.regulation, 6),
                    "berbeda": figure.differs,
                    "sebab": figure.why if figure.differs else "",
                }
                for figure in self.figures
            ],
            "findings": self.report.to_dict()["findings"],
            # -- only with a `LKE Tahun Lalu` sheet: the shape of every other workbook's JSON stays as it was
            **({} if self.baseline is None else {"tahun_lalu": _figures(self.baseline)}),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=str)

    def to_text(self) -> str:
        """The score table, the thresholds with their status, what closes each gap, the proposals, the
        findings, and a summary line last."""
        lines = [self._title(), ""]
        lines += self._score_lines() + [""]
        lines += self._threshold_lines() + [""]
        lines.append(f"Predikat: {self.verdict}")
        lines += [f"Catatan: {note}" for note in self.notes]
        if self.gaps:
            lines += [
                "",
                "Yang menutup kekurangan (perubahan jawaban yang paling menaikkan nilai, berurutan):",
            ]
            lines += [line for gap in self.gaps for line in gap_lines(gap)]
        if self.proposals:
            lines += ["", "Usulan jawaban dari isi workbook (jawaban di sheet LKE tidak diubah):"]
            lines += [self._proposal_line(proposal) for proposal in self.proposals]
        findings = [finding.line() for finding in self.report.findings]
        if findings:
            lines += ["", *findings]
        lines += ["", self.summary()]
        return "\n".join(lines)

    def summary(self) -> str:
        """ "nilai total 75,10; Menuju WBK terpenuhi, Menuju WBBM belum; 0 galat, 3 peringatan, 2 info"."""
        status = ", ".join(
            f"{PREDIKAT_TITLE[p]} {'terpenuhi' if meets(self.requirements, p) else 'belum'}" for p in PREDIKAT
        )
        return f"nilai total {format_angka(self.score.total)}; {status}; {self.report.summary()}"

    # -- text parts --

    def _title(self) -> str:
        identitas = self.workbook.identitas
        who = ", ".join(part for part in (identitas.nama_unit, str(identitas.tahun or "")) if part)
        return f"Penilaian Mandiri LKE {who} ({self.lke.title})".replace("LKE  (", "LKE (")

    def _score_lines(self) -> list[str]:
        rows = self._score_rows()
        if self.baseline is None:
            return _table(rows)
        # -- last year's figure beside this year's, by area number and by the line's label
        before = self.baseline
        by_label = {f"{roman(a.no)}. {a.name}": a.nilai for a in before.areas}
        by_label |= {g.label: g.nilai for g in before.hasil_groups}
        by_label |= {"Pengungkit": before.pengungkit, "Hasil": before.hasil, "Nilai total": before.total}
        shown = [rows[0] + ("Tahun Lalu",)]
        for row in rows[1:]:
            figure = by_label.get(row[0])
            shown.append(row + ("-" if figure is None else format_angka(figure),))
        return _table(shown)

    def _score_rows(self) -> list[tuple[str, ...]]:
        score = self.score
        rows: list[tuple[str, ...]] = [("", "Bobot", "Pemenuhan", "Reform", "Nilai", "%")]
        for area in score.areas:
            halves = [area.pemenuhan, area.reform]
            rows.append(
                (
                    f"{roman(area.no)}. {area.name}",
                    format_angka(area.weight),
                    *("-" if half is None else format_angka(half) for half in halves),
                    format_angka(area.nilai),
                    format_angka(area.persen),
                )
            )
        rows.append(("Pengungkit", format_angka(60), "", "", format_angka(score.pengungkit), ""))
        for group in score.hasil_groups:
            rows.append((group.label, format_angka(group.weight), "", "", format_angka(group.nilai), ""))
        rows.append(("Hasil", format_angka(40), "", "", format_angka(score.hasil), ""))
        rows.append(("Nilai total", format_angka(100), "", "", format_angka(score.total), ""))
        return rows

    def _threshold_lines(self) -> list[str]:
        rows: list[tuple[str, ...]] = [
            ("Ambang batas", "Nilai", PREDIKAT_TITLE["WBK"], PREDIKAT_TITLE["WBBM"])
        ]
        for label, figure, by_predikat in threshold_rows(self.requirements):
            rows.append((label, format_angka(figure), *(status_text(by_predikat.get(p)) for p in PREDIKAT)))
        lines = _table(rows)
        for requirement in self.warnings:
            lines.append(
                f"Peringatan (bacaan b, bukan syarat): {requirement.sentence} untuk "
                f"{PREDIKAT_TITLE[requirement.predikat]}."
            )
        return lines

    def _proposal_line(self, proposal: Proposal) -> str:
        answer = self.sheet.answers[proposal.code]
        staff = answer.shown if answer.answered else "(kosong)"
        same = " (sama)" if staff == proposal.answer else ""
        return f"  {proposal.code}  jawaban: {staff}  usulan: {proposal.answer}{same}  ({proposal.reason})"


def threshold_rows(found: list[Requirement]) -> list[tuple[str, float, dict[str, Requirement]]]:
    """The deciding requirements as one row per figure: (label, figure, {"WBK": ..., "WBBM": ...})."""
    rows: dict[tuple[str, str], tuple[str, float, dict[str, Requirement]]] = {}
    for requirement in found:
        if requirement.warning_only:
            continue
        key = (requirement.threshold.key, requirement.label)
        rows.setdefault(key, (requirement.label, requirement.figure, {}))[2][requirement.predikat] = (
            requirement
        )
    return list(rows.values())


def status_text(requirement: Requirement | None) -> str:
    """ "≥ 75,00 terpenuhi", "≥ 9,00 kurang 4,50", or "-" when the predicate sets no minimum."""
    if requirement is None:
        return "-"
    state = "terpenuhi" if requirement.met else f"kurang {format_angka(requirement.shortfall)}"
    return f"≥ {format_angka(requirement.need)} {state}"


def gap_lines(gap: Gap) -> list[str]:
    """A gap as text: the requirement and its shortfall, then the numbered answer changes."""
    requirement = gap.requirement
    lines = [
        f"{PREDIKAT_TITLE[requirement.predikat]}: {requirement.sentence}, kurang "
        f"{format_angka(requirement.shortfall)}"
    ]
    lines += [f"  {number}. {step.text}" for number, step in enumerate(gap.steps, start=1)]
    if not gap.steps:
        lines.append(
            "  Tidak ada jawaban yang dapat dinaikkan; kekurangan ini hanya tertutup lewat nilai survei."
        )
    elif not gap.closes:
        lines.append("  (perubahan di atas belum cukup; lanjutkan dengan butir lain di cakupan yang sama)")
    return lines


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows as aligned text: the first column left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


# ---------------------------------------------------------------------------------------------------------
# Entry points


class LkeNotScored(ZiSheetsError):
    """Answers that are there but cannot be scored (another regulation's, or under no item's Kode): an
    error, exit code 1, never a score of 0,00."""

    exit_code = 1


def assess(
    analysis: Analysis, *, fetch_links: bool = False, official: OfficialAnswers | None = None
) -> Assessment:
    """The self-assessment of an analysed workbook, held against the LKE of its regulation; ZiSheetsError
    when it has no LKE sheet or the sheet cannot be read, LkeNotScored when the answers are of
    another regulation than the workbook's.

    `official` is an official LKE workbook whose answers stand in for the LKE sheet (`--lke FILE`, or the
    official workbook alone); its own figures are compared with the regulation's. `fetch_links` opens every
    well-formed Bukti Dukung link and reports those that do not open, or that reach an address that is not
    public (never connected to; see `lke.fetch`). Findings the Diterima sheet accepts are counted as
    accepted, as in `check`.
    """
    workbook = analysis.workbook
    official = official or official_within(workbook)
    sheet = official.answers if official is not None else workbook.lke
    name = workbook.path.name
    if sheet is None:
        raise ZiSheetsError(
            f"Berkas {name} tidak memiliki sheet LKE; tambahkan dengan: zi-sheets init --lke-only {name}, "
            "atau beri LKE resmi unit dengan --lke LKE-unit.xlsx"
        )
    if sheet.problem:
        raise ZiSheetsError(sheet.problem)
    mismatch = regulation_mismatch(analysis, sheet, official)
    if mismatch is not None:
        raise LkeNotScored(mismatch.message)
    lke = load_lke(analysis.regulation)
    answers = read_answers(lke, sheet)
    unread = [row for row in answers.unknown if row.jawaban]
    if unread and not answers.any_answer:
        # -- answers written, none of them to an item: a score of 0,00 would be a silent wrong number
        raise LkeNotScored(
            f"Sheet {sheet.name} berkas {name} berisi {len(unread)} jawaban, tetapi tidak satu pun Kode-nya "
            f"butir LKE {lke.title}; nilainya tidak dihitung. Isi Kode menurut 'zi-sheets catalogue "
            f"--regulasi {lke.key}' (baris pertama: {unread[0].row})."
        )
    if not answers.any_answer:
        # -- nothing answered: 0,00 would read as a score; a fresh template or a blank LKE is no assessment
        raise LkeNotScored(empty_finding(sheet, lke, official, workbook.path).message)
    score = compute(lke, answers.answers)
    found = requirements(lke, score)
    proposed = proposals(analysis, lke)
    folder = (official.sheet.path if official is not None else workbook.path).resolve().parent
    findings = list(_findings(sheet, lke, answers, proposed, folder, official, fetch_links=fetch_links))
    figures: list[SheetFigure] = []
    if official is not None:
        figures = sheet_figures(official.sheet, official.matched, answers.answers, score)
        findings += [_figure_finding(figure) for figure in figures if figure.differs]
    standing, accepted = apply_diterima(findings, workbook.diterima)
    # -- rows accepting plan findings accept nothing here; they are not unused
    standing = [finding for finding in standing if finding.code not in _DITERIMA_CODES]
    notes = list(NOTES_52_2014) if lke.key == "52-2014" else []
    notes.append(NOTE_WBBM)
    return Assessment(
        analysis,
        lke,
        answers,
        score,
        found,
        gaps(lke, answers.answers, found),
        proposed,
        Report(standing, accepted=accepted, sheets=workbook.sheets_found),
        notes,
        _baseline(workbook),
        figures,
        folder,
        None if official is None else (official.sheet.name, official.sheet.path.name),
    )


def _baseline(workbook: Workbook) -> Score | None:
    """Last year's score from its answers (the `LKE Tahun Lalu` sheet), on the LKE its codes belong to (a
    52/2014 year's answers keep their 52/2014 score); None without that sheet or with no item named."""
    sheet = workbook.lke_tahun_lalu
    if sheet is None or sheet.problem or not sheet.rows:
        return None
    named = {}
    for key in ("90-2021", "52-2014"):
        lke = load_lke(key)
        named[key] = sum(1 for row in sheet.rows if lke.item(row.kode.text) is not None)
    key = max(named, key=lambda k: named[k])
    if not named[key]:
        return None
    lke = load_lke(key)
    return compute(lke, read_answers(lke, sheet).answers)


def _figures(score: Score) -> dict[str, Any]:
    return {
        "pengungkit": rounded(score.pengungkit),
        "hasil": rounded(score.hasil),
        "total": rounded(score.total),
        "area": {str(area.no): rounded(area.nilai) for area in score.areas},
    }


def assess_file(
    path: str | Path, *, fetch_links: bool = False, lke_file: str | Path | None = None
) -> Assessment:
    """`assess` of the workbook at `path` (a plan workbook, or an official LKE workbook alone), with the
    answers of the official LKE workbook `lke_file` when given; ZiSheetsError when it cannot be read."""
    from zi_sheets.analysis.analyse import analyse
    from zi_sheets.reading.lke_official import is_official
    from zi_sheets.reading.source import open_xlsx
    from zi_sheets.reading.workbook import read_workbook

    official = load_official(Path(lke_file)) if lke_file is not None else None
    path = Path(path)
    if official is None and path.suffix.lower() == ".xlsx":
        source = open_xlsx(path)  # -- opened once: the official workbook alone is read from it
        names = source.sheetnames
        # -- a plan workbook that also holds a copy of the official sheet is read as a plan
        if is_official(names) and not any(" ".join(n.lower().split()) == "identitas" for n in names):
            official = load_official(path, source)
            return assess(analyse(official_workbook(official)), fetch_links=fetch_links, official=official)
    return assess(analyse(read_workbook(path)), fetch_links=fetch_links, official=official)


def official_within(workbook: Workbook) -> OfficialAnswers | None:
    """The official LKE sheet a plan workbook holds (units copy `LKE ZI` into it) when it has no LKE sheet
    of ours that reads; None otherwise. Our LKE sheet, when readable, is the answers."""
    from zi_sheets.reading.lke_official import is_official

    if (workbook.lke is not None and not workbook.lke.problem) or not is_official(workbook.sheets_present):
        return None
    try:
        return load_official(workbook.path)
    except ZiSheetsError:
        return None  # -- not the official layout after all: the LKE sheet's problem is reported as before


def official_workbook(official: OfficialAnswers) -> Workbook:
    """An official LKE workbook alone as a workbook of its own: no plan, its regulation the one its
    questions are of, its answers the LKE sheet."""
    from zi_sheets.common.catalogue import REGULATIONS
    from zi_sheets.common.model import CellValue, Identitas

    identitas = Identitas({"Regulasi": CellValue(REGULATIONS[official.regulation])})
    return Workbook(
        official.sheet.path, identitas, lke=official.answers, sheets_present=official.sheet.sheetnames
    )


@dataclass(frozen=True)
class Mismatch:
    """Answers of `other` regulation in a workbook of `own`: the finding's values and its sentence."""

    where: str
    other: str
    own: str
    count: int
    way_out: str

    @property
    def values(self) -> dict[str, Any]:
        from zi_sheets.common.catalogue import REGULATIONS

        return {
            "sumber": self.where,
            "regulasi_lke": REGULATIONS[self.other],
            "regulasi_workbook": REGULATIONS[self.own],
            "butir": self.count,
            "jalan": self.way_out,
        }

    @property
    def message(self) -> str:
        return f.LKE_REGULATION_MISMATCH.at(None, **self.values).message


def regulation_mismatch(
    analysis: Analysis, sheet: LkeSheet, official: OfficialAnswers | None
) -> Mismatch | None:
    """The other regulation the answers are of, when they are not of the workbook's; None when they are.

    Our LKE sheet is told by its Kode column: more rows with an answer whose Kode only the other
    regulation knows than rows whose Kode the workbook's knows. An official workbook by its questions.
    """
    from zi_sheets.common.catalogue import REGULATIONS

    own = analysis.regulation
    name = analysis.workbook.path.name
    if official is not None:
        if official.regulation == own:
            return None
        where = f"LKE resmi {official.sheet.path.name}"
        way_out = (
            f"Nilai LKE itu sendiri dengan 'zi-sheets nilai {official.sheet.path.name}', atau pakai LKE "
            f"resmi {REGULATIONS[own]} di samping {name}."
        )
        return Mismatch(where, official.regulation, own, official.matched.count, way_out)
    answered = [row for row in sheet.rows if row.kode and row.jawaban]
    mine = sum(1 for row in answered if load_lke(own).item(row.kode.text) is not None)
    for other in REGULATIONS:
        if other == own:
            continue
        theirs = sum(
            1
            for row in answered
            if load_lke(other).item(row.kode.text) is not None and load_lke(own).item(row.kode.text) is None
        )
        if theirs > mine:
            way_out = (
                f"Bila LKE-nya yang berlaku, isi Regulasi di sheet Identitas dengan '{REGULATIONS[other]}'; "
                f"bila workbook-nya, isi ulang sheet {sheet.name} menurut {REGULATIONS[own]} (Kode dari "
                f"'zi-sheets catalogue --regulasi {own}')."
            )
            return Mismatch(f"Sheet {sheet.name} berkas {name}", other, own, theirs, way_out)
    return None


def _figure_finding(figure: SheetFigure) -> Finding:
    return f.LKE_SHEET_FIGURE_DIFFERS.at(
        figure.cell,
        label=figure.label,
        angka_sheet="galat atau rumus yang tak terbaca"
        if figure.sheet is None
        else format_angka(figure.sheet, 3),
        angka_regulasi=format_angka(figure.regulation, 3),
        alasan=figure.why,
    )


def check_findings(analysis: Analysis, official: OfficialAnswers | None = None) -> list[Finding]:
    """The LKE findings `zi-sheets check` reports: none until the LKE sheet (or the official LKE workbook
    `official`, `--lke`) holds a first answer (a fresh template is not yet a self-assessment), links never
    fetched; answers of another regulation are one error instead."""
    workbook = analysis.workbook
    official = official or official_within(workbook)
    sheet = official.answers if official is not None else workbook.lke
    if sheet is None:
        return []
    if sheet.problem:
        return [
            f.LKE_SHEET_UNREADABLE.at(None, sheet=sheet.name, nama_sheet=sheet.name, masalah=sheet.problem)
        ]
    mismatch = regulation_mismatch(analysis, sheet, official)
    if mismatch is not None:
        return [f.LKE_REGULATION_MISMATCH.at(None, sheet=sheet.name, **mismatch.values)]
    lke = load_lke(analysis.regulation)
    answers = read_answers(lke, sheet)
    if not answers.any_answer:
        # -- a fresh LKE sheet is not yet a self-assessment; an LKE given with --lke was meant to be one
        return [] if official is None else [empty_finding(sheet, lke, official, workbook.path)]
    folder = (official.sheet.path if official is not None else workbook.path).resolve().parent
    found = list(_findings(sheet, lke, answers, proposals(analysis, lke), folder, official))
    if official is not None:
        score = compute(lke, answers.answers)
        figures = sheet_figures(official.sheet, official.matched, answers.answers, score)
        found += [_figure_finding(figure) for figure in figures if figure.differs]
    return found


def _findings(
    sheet: LkeSheet,
    lke: Lke,
    answers: AnswerSheet,
    proposed: list[Proposal],
    folder: Path,
    official: OfficialAnswers | None,
    *,
    fetch_links: bool = False,
) -> Iterator[Finding]:
    name = sheet.name
    for row in answers.unknown:
        yield f.LKE_KODE_UNKNOWN.at(
            row.kode.cell or CellRef(name, row.row, ""), kode=row.kode.text, row=row.row, katalog=lke.title
        )
    for repeat, first in answers.duplicates:
        yield f.LKE_KODE_DUPLICATE.at(
            repeat.kode.cell or CellRef(name, repeat.row, ""), kode=repeat.kode.text, pertama=first.row
        )
    yield from _answer_findings(lke, answers, name, official)
    missing = [a for a in answers.answers.values() if a.item.scored and not a.answered]
    if missing:
        scored = len(lke.scored)
        yield f.LKE_UNANSWERED_COUNT.at(
            None, sheet=name, dijawab=scored - len(missing), butir=scored, kosong=len(missing)
        )
    for proposal in proposed:
        answer = answers.answers[proposal.code]
        staff = answer.shown if answer.answered else ""
        if staff == proposal.answer:
            continue
        proposed_row = answer.row
        yield f.LKE_ANSWER_PROPOSED.at(
            proposed_row.jawaban.cell if proposed_row is not None else None,
            sheet=name,
            kode=proposal.code,
            usulan=proposal.answer,
            alasan=proposal.reason,
            jawaban=staff,
        )
    yield from evidence_findings(answers.answers.values(), name, folder, fetch_links=fetch_links)


def empty_finding(sheet: LkeSheet, lke: Lke, official: OfficialAnswers | None, path: Path) -> Finding:
    """The error of an LKE without one answer: the file and sheet, and what to fill there."""
    if official is not None:
        letter = official.sheet.columns.get("jawaban")
        column = f"kolom Jawaban ({letter})" if letter else "kolom Jawaban"
        isi = (
            f"isi {column} setiap pertanyaan dengan salah satu Pilihan Jawaban-nya (Ya/Tidak, A-E, atau "
            "angka untuk butir persentase dan survei), lalu nilai lagi"
        )
        path = official.sheet.path
    else:
        isi = (
            "isi kolom Jawaban setiap Kode dengan salah satu Pilihan Jawaban-nya (Ya/Tidak, A-E, atau angka "
            "untuk butir persentase dan survei), lalu nilai lagi"
        )
    return f.LKE_EMPTY.at(
        None, sheet=sheet.name, nama_sheet=sheet.name, berkas=path.name, butir=len(lke.scored), isi=isi
    )


def _missing_advice(code: str, official: OfficialAnswers | None) -> str:
    """What to do about an item without a row: our sheet lost the row; an official sheet's question was
    not recognised (its text changed, or the row is gone)."""
    if official is None:
        return f"Tambahkan barisnya dengan Kode {code} (salin dari workbook baru 'zi-sheets init')."
    item = official.matched.lke.item(code)
    question = item.text if item is not None else code
    if len(question) > 70:
        question = question[:67].rstrip() + "..."
    where, rows = official.sheet.name, unmatched_rows(official, code)
    if len(rows) == 1:
        place = f"mungkin baris {rows[0]}, yang teksnya berbeda"
    elif rows:
        place = f"mungkin salah satu baris {rows[0]}-{rows[-1]}, yang teksnya berbeda"
    else:
        place = "barisnya tidak ada"
    return (
        f"Teks pertanyaannya ('{question}') tidak dikenali di sheet '{where}' ({place}); samakan teks "
        "kolom Penilaian dengan LKE resmi, atau kembalikan barisnya bila terhapus."
    )


def _answer_findings(
    lke: Lke, answers: AnswerSheet, name: str, official: OfficialAnswers | None
) -> Iterator[Finding]:
    for item in lke.items:
        answer = answers.answers[item.code]
        row = answer.row
        cell = (row.jawaban.cell or CellRef(name, row.row, "")) if row is not None else None
        code = item.code
        if answer.invalid:
            yield f.LKE_ANSWER_INVALID.at(
                cell,
                kode=code,
                jawaban=row.jawaban.text if row is not None else "",
                masalah=answer.invalid,
                dihitung="dipakai hitungan dari isian Jumlah" if answer.answered else "dihitung 0",
            )
        elif item.scored and not answer.answered:
            if row is None:
                yield f.LKE_ITEM_MISSING.at(
                    None, sheet=name, kode=code, nama_sheet=name, saran=_missing_advice(code, official)
                )
            else:
                yield f.LKE_UNANSWERED.at(cell, kode=code)
        if answer.mismatch and answer.computed is not None and answer.typed is not None:
            yield f.LKE_JUMLAH_MISMATCH.at(
                cell,
                kode=code,
                tertulis=percent_text(answer.typed),
                hitungan=percent_text(answer.computed),
            )
