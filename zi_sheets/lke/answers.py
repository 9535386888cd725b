"""The unit's answers on the sheet LKE, read against the LKE: each written answer parsed by its item's type
(Ya/Tidak, a letter, a percentage, a survey score 0-4, a count), and the percentages computed from their
Jumlah inputs as the LKE's Penjelasan describes. Bad answers never raise: they are kept with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zi_sheets.common.bahasa import format_angka
from zi_sheets.common.model import CellValue, LkeAnswer, LkeSheet
from zi_sheets.lke.items import (
    FORMULAS,
    JUMLAH,
    PERSEN,
    PILIHAN,
    SURVEI,
    SURVEY_MAX,
    YA_TIDAK,
    Formula,
    Lke,
    LkeItem,
)

# -- A typed percentage and the one computed from its Jumlah inputs agree when within half a percent. --
MISMATCH_TOLERANCE = 0.005

_YA = {"ya", "y", "iya", "yes", "ada", "√", "✓", "✔", "v"}
_TIDAK = {"tidak", "t", "tdk", "no", "tidak ada", "belum", "✗"}
# -- What a unit writes in a survey's cell before its first survey: read as no survey, counted 0. --
_NO_SURVEY = {
    "-",
    "belum",
    "belum ada",
    "belum ada survei",
    "belum ada survey",
    "belum dilaksanakan",
    "belum disurvei",
    "tidak ada",
    "tidak ada survei",
    "n/a",
    "na",
}
_LETTER = re.compile(r"^\(?([A-Ea-e])(?:[).:\s]|$)")


@dataclass(frozen=True)
class Answer:
    """The unit's answer to one item, as read and as the score counts it.

    `row` is the sheet row (None when the sheet has no row for the item). `shown` is the answer as documents
    print it ("A", "Ya", "85%", "3,62", "12"; '' for none). `number` is the percentage as a fraction, the
    survey score or the count (None for a choice or no answer). `value` (0-1) is what the score counts,
    None when there is no usable answer (it counts 0). `invalid` says why a written answer was not accepted,
    as a clause ("bukan persentase (mis. 85%)"; '' when it was, or when nothing was written). `computed` is
    the percentage from the Jumlah inputs, None when they give none; `typed` the percentage written beside
    it, None when none was.
    """

    item: LkeItem
    row: LkeAnswer | None = None
    shown: str = ""
    number: float | None = None
    value: float | None = None
    invalid: str = ""
    computed: float | None = None
    typed: float | None = None

    @property
    def answered(self) -> bool:
        """True when the answer counts with its own value (a usable answer was written or computed)."""
        return self.value is not None

    @property
    def mismatch(self) -> bool:
        """True when a typed percentage disagrees with the one computed from the Jumlah inputs."""
        if self.computed is None or self.typed is None:
            return False
        return abs(_clamp(self.computed) - _clamp(self.typed)) > MISMATCH_TOLERANCE

    @property
    def counted(self) -> float:
        """The value the score counts: `value`, or 0 without a usable answer."""
        return self.value if self.value is not None else 0.0


@dataclass
class AnswerSheet:
    """Every item's answer in LKE order, plus the rows that name no item and the repeated codes."""

    answers: dict[str, Answer]
    unknown: list[LkeAnswer] = field(default_factory=list)
    duplicates: list[tuple[LkeAnswer, LkeAnswer]] = field(default_factory=list)  # (repeat, first)

    @property
    def any_answer(self) -> bool:
        """True when at least one row holds an answer (the unit has started the self-assessment)."""
        return any(a.row is not None and a.row.jawaban for a in self.answers.values())


def read_answers(lke: Lke, sheet: LkeSheet | None) -> AnswerSheet:
    """The answers of `sheet` (None: no LKE sheet, every item unanswered) to the items of `lke`."""
    rows: dict[str, LkeAnswer] = {}
    result = AnswerSheet({})
    for row in sheet.rows if sheet is not None else ():
        item = lke.item(row.kode.text) if row.kode else None
        if item is None:
            if row.kode or row.jawaban:
                result.unknown.append(row)
            continue
        if item.code in rows:
            result.duplicates.append((row, rows[item.code]))
            continue
        rows[item.code] = row
    parsed = {item.code: parse_answer(item, rows.get(item.code)) for item in lke.items}
    for code, formula in FORMULAS.items():
        if code in parsed:
            parsed[code] = _with_jumlah(parsed[code], formula, parsed)
    result.answers = parsed
    return result


def parse_answer(item: LkeItem, row: LkeAnswer | None) -> Answer:
    """The answer written in `row` for `item`, parsed by the item's type; never raises."""
    cell = row.jawaban if row is not None else CellValue()
    if not cell:
        return Answer(item, row)
    if item.kind in (YA_TIDAK, PILIHAN):
        choice = _choice(item, cell.text)
        if choice is None:
            accepted = " / ".join(item.letters)
            return Answer(item, row, invalid=f"bukan salah satu pilihan {accepted}")
        return Answer(item, row, shown=choice, value=item.value_of(choice))
    if item.kind == PERSEN:
        fraction = percent_value(cell)
        if fraction is None:
            return Answer(item, row, invalid="bukan persentase (mis. 85%)")
        return Answer(
            item, row, shown=percent_text(fraction), number=fraction, value=_clamp(fraction), typed=fraction
        )
    number = number_value(cell.raw if cell.raw is not None else cell.text)
    if item.kind == SURVEI:
        index = survey_index(cell)
        if index is None and " ".join(cell.text.lower().split()).rstrip(".") in _NO_SURVEY:
            return Answer(
                item,
                row,
                invalid="menyatakan survei belum ada (isi nilainya, 0 sampai 4, setelah hasilnya terbit)",
            )
        if index is None:
            return Answer(
                item, row, invalid="bukan nilai survei 0 sampai 4, 0 sampai 100 atau persen (mis. 3,62)"
            )
        return Answer(item, row, shown=format_angka(index), number=index, value=index / SURVEY_MAX)
    if item.kind == JUMLAH:
        if number is None or number < 0:
            return Answer(item, row, invalid="bukan jumlah (angka 0 atau lebih)")
        return Answer(item, row, shown=_count_text(number), number=number)
    raise ValueError(item.kind)  # pragma: no cover - items.py knows no other kind


def _choice(item: LkeItem, text: str) -> str | None:
    lowered = " ".join(text.lower().split())
    if item.kind == YA_TIDAK:
        if lowered in _YA:
            return "Ya"
        return "Tidak" if lowered in _TIDAK else None
    match = _LETTER.match(text.strip())
    letter = match.group(1).upper() if match else None
    return letter if letter in item.letters else None


def number_value(raw: object) -> float | None:
    """A number written in a cell: a number cell, or text in Indonesian ("3,62", "1.250") or English form."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip().replace(" ", "")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")  # -- Indonesian: dot groups thousands
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")  # -- "1.250" is a count of one thousand two hundred and fifty
    try:
        return float(text)
    except ValueError:
        return None


def survey_index(cell: CellValue) -> float | None:
    """A survey result (IPK, IPAK, the service survey) on the LKE's 0-4 scale: an index 0-4 as written, a
    0-100 index ("86,25", the SKM's scale) or a percentage ("86,25%") divided by 25; None for anything else.
    """
    text = cell.text.strip()
    percent = text.endswith("%") or text.lower().endswith("persen")
    number = number_value(cell.raw if cell.raw is not None and not percent else _without_percent(text))
    if number is None or number < 0:
        return None
    if percent:
        number = number * 100 if isinstance(cell.raw, float) and number <= 1 else number
        return number / 25 if number <= 100 else None
    if number <= SURVEY_MAX:
        return number
    return number / 25 if number <= 100 else None


def _without_percent(text: str) -> str:
    return re.sub(r"\s*(%|persen)$", "", text.strip(), flags=re.IGNORECASE)


def percent_value(cell: CellValue) -> float | None:
    """A percentage as a fraction: a %-formatted cell (0.85), "85%", "85,5 %", or a plain 85 (above 1, a
    number is read as percent points); None when the cell holds no percentage."""
    raw = cell.raw
    if isinstance(raw, str) or raw is None:
        text = cell.text.strip()
        if text.endswith("%") or text.lower().endswith("persen"):
            number = number_value(_without_percent(text))
            return None if number is None else number / 100
        raw = number_value(text)
    number = number_value(raw) if raw is not None else None
    if number is None or number < 0:
        return None
    return number if number <= 1 else number / 100


def percent_text(fraction: float) -> str:
    """ "85%", "85,5%": a fraction as Indonesian documents write a percentage (at most two decimals)."""
    text = format_angka(fraction * 100, 2)
    return text.rstrip("0").rstrip(",") + "%"


def _count_text(number: float) -> str:
    return format_angka(number, 0) if number.is_integer() else format_angka(number, 2)


def _clamp(fraction: float) -> float:
    """A percentage as the score counts it: 0 to 1 (thresholds.md: "capped at 1")."""
    return min(1.0, max(0.0, fraction))


def _with_jumlah(answer: Answer, formula: Formula, parsed: dict[str, Answer]) -> Answer:
    """`answer` with the percentage its Jumlah inputs give; the computed one counts when there is one."""
    number = {code: parsed[code].number for code in formula.inputs if code in parsed}
    denominator = number.get(formula.denominator)
    if denominator is None:
        parts = [number.get(code) for code in formula.parts]
        given = [part for part in parts if part is not None]
        denominator = sum(given) if given else None
    terms = [number.get(code) for code in (*formula.plus, *formula.minus)]
    if denominator is None or denominator == 0 or any(term is None for term in terms):
        return answer
    plus = sum(number[code] or 0 for code in formula.plus)
    minus = sum(number[code] or 0 for code in formula.minus)
    computed = (plus - minus) / denominator
    return Answer(
        answer.item,
        answer.row,
        shown=percent_text(computed),
        number=computed,
        value=_clamp(computed),
        invalid=answer.invalid,
        computed=computed,
        typed=answer.typed,
    )
