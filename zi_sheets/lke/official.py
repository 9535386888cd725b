"""The official LKE workbook's questionnaire read as LKE answers: each row matched by its question's text to
an item of the regulation's LKE (the sheets shift columns, renumber and reorder their letters), the regulation
told by which LKE its questions match, and the sheet's own figures (its cached results, or its formulas
evaluated) set beside the regulation's.

The answers become an `LkeSheet` whose cells point at the official sheet, so that everything that reads our
`LKE` sheet (parsing, score, findings, documents) reads the official one the same way.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from zi_sheets.common.errors import UnreadableWorkbook
from zi_sheets.common.model import CellRef, CellValue, LkeAnswer, LkeSheet
from zi_sheets.lke.answers import Answer
from zi_sheets.lke.items import Lke, LkeItem, load_lke
from zi_sheets.lke.score import Score
from zi_sheets.reading.lke_official import OfficialRow, OfficialSheet
from zi_sheets.reading.source import Source

# -- A question's text and the catalogue's agree when this similar (typos, a word more: "dtindaklanjuti"). --
MATCH_RATIO = 0.86
# -- A sheet's figure and the regulation's differ when further apart than this (issue 25). --
FIGURE_TOLERANCE = 0.001
# -- The sheet's own answer values, as its Nilai formula writes them (IF(J="A/B/C/D", ... 0.67 ...)). --
SHEET_VALUES = {
    "ya/tidak": {"ya": 1.0, "tidak": 0.0},
    "a/b/c": {"a": 1.0, "b": 0.5, "c": 0.0},
    "a/b/c/d": {"a": 1.0, "b": 0.67, "c": 0.33, "d": 0.0},
    "a/b/c/d/e": {"a": 1.0, "b": 0.75, "c": 0.5, "d": 0.25, "e": 0.0},
}
_LABEL = re.compile(r"^(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})[.)]?$|^-$", re.IGNORECASE)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def row_text(row: OfficialRow) -> str:
    """The question (or heading) a row writes: its longest Penilaian cell that is not a tree label."""
    texts = [cell.text for cell in row.penilaian if cell and not _LABEL.match(cell.text.strip())]
    return max(texts, key=len) if texts else ""


def row_label(row: OfficialRow) -> tuple[int, str]:
    """The row's tree label and its depth (the Penilaian column it sits in); (-1, '') when it has none."""
    for depth, cell in enumerate(row.penilaian):
        if cell and _LABEL.match(cell.text.strip()):
            return depth, cell.text.strip().rstrip(".)").lower()
    return -1, ""


@dataclass(frozen=True)
class Matched:
    """The rows of the questionnaire matched to one regulation's items (row number -> item)."""

    lke: Lke
    items: dict[int, LkeItem]

    @property
    def count(self) -> int:
        return len(self.items)


@cache
def _index(key: str) -> tuple[dict[str, list[int]], list[str]]:
    lke = load_lke(key)
    exact: dict[str, list[int]] = {}
    for number, item in enumerate(lke.items):
        exact.setdefault(_norm(item.text), []).append(number)
    return exact, list(exact)


def match_rows(sheet: OfficialSheet, key: str, fuzzy: bool = True) -> Matched:
    """Every row whose text is one of regulation `key`'s questions, each item matched once, in LKE order
    where texts repeat ("Jumlah yang sudah melaporkan" of LHKPN, then of LHKASN); `fuzzy` False: only the
    texts that are the catalogue's word for word."""
    lke = load_lke(key)
    exact, keys = _index(key)
    used: set[int] = set()
    last = -1
    found: dict[int, LkeItem] = {}
    for row in sheet.rows:
        text = _norm(row_text(row))
        if len(text) < 4:
            continue
        numbers = exact.get(text)
        if numbers is None and not fuzzy:
            continue
        if numbers is None:
            close = difflib.get_close_matches(text, keys, n=1, cutoff=MATCH_RATIO)
            numbers = exact[close[0]] if close else []
        free = [n for n in numbers if n not in used]
        if not free:
            continue
        after = [n for n in free if n > last]
        number = after[0] if after else free[0]
        used.add(number)
        last = number
        found[row.row] = lke.items[number]
    return Matched(lke, found)


def regulation_of_sheet(sheet: OfficialSheet, keys: tuple[str, ...]) -> tuple[str, dict[str, Matched]]:
    """The regulation whose questions the sheet holds most (the first of `keys` on a tie), and every
    regulation's matches."""
    # -- word-for-word matches first (cheap); the similar-text pass only where they do not decide
    exact = {key: match_rows(sheet, key, fuzzy=False) for key in keys}
    ranked = sorted(keys, key=lambda key: (-exact[key].count, keys.index(key)))
    first, others = ranked[0], ranked[1:]
    if exact[first].count and all(exact[first].count >= 2 * exact[other].count for other in others):
        return first, {**exact, first: match_rows(sheet, first)}
    matched = {key: match_rows(sheet, key) for key in keys}
    best = max(keys, key=lambda key: (matched[key].count, -keys.index(key)))
    return best, matched


def answer_sheet(sheet: OfficialSheet, matched: Matched) -> LkeSheet:
    """The matched rows as our LKE sheet's rows: Kode the item's code (at the row's Penilaian cell), Jawaban,
    Bukti Dukung (the Bukti and Link cells, one per line) and Catatan as written.

    A Jawaban the sheet computes (the percentage formula over its Jumlah rows) that has no number yet is
    left empty: the percentage is computed from the Jumlah rows as the LKE describes.
    """
    rows = []
    jawaban_column = sheet.columns.get("jawaban", "")
    for row in sheet.rows:
        item = matched.items.get(row.row)
        if item is None:
            continue
        jawaban = row.get("jawaban")
        if f"{jawaban_column}{row.row}" in sheet.formulas and not isinstance(jawaban.raw, int | float):
            jawaban = CellValue("", jawaban.cell, None)
        label = next((cell for cell in row.penilaian if cell), row.penilaian[0] if row.penilaian else None)
        ref = label.cell if label is not None else CellRef(sheet.name, row.row, "")
        bukti = [cell for cell in (row.get("bukti"), row.get("link")) if cell]
        joined = "\n".join(cell.text for cell in bukti)
        rows.append(
            LkeAnswer(
                row.row,
                CellValue(item.code, ref, item.code),
                jawaban,
                CellValue(joined, bukti[0].cell, joined) if bukti else CellValue(),
                row.get("catatan"),
            )
        )
    return LkeSheet(sheet.name, tuple(rows))


# ---------------------------------------------------------------------------------------------------------
# The sheet's own figures


@dataclass(frozen=True)
class SheetFigure:
    """One figure the sheet computes (its Nilai cell) beside the regulation's: `why` says where they part."""

    cell: CellRef
    label: str
    sheet: float | None
    regulation: float
    why: str

    @property
    def differs(self) -> bool:
        if self.sheet is None:
            # -- Excel's #DIV/0! over a sub-area none of whose items is answered: the unanswered items are
            # -- findings of their own; an error where the regulation counts something is a difference
            return self.regulation > FIGURE_TOLERANCE
        return abs(self.sheet - self.regulation) > FIGURE_TOLERANCE


class _Evaluator:
    """The sheet's Nilai formulas evaluated as Excel would, over the answers as written: SUM and AVERAGE of
    cells and ranges (text ignored, as Excel ignores it), + - * / and numbers; a question's own Nilai is
    its IF chain's value, keyed, as in the sheet, on the Pilihan Jawaban text."""

    def __init__(self, sheet: OfficialSheet, answers: dict[int, Answer], cached: bool = True) -> None:
        self.sheet = sheet
        self.cached = cached  # -- False: every formula evaluated, to see which rows it counts
        self.answers = answers
        self.nilai = sheet.columns.get("nilai", "")
        self.cache: dict[str, object] = {}
        self.leaves: Counter[int] = Counter()  # -- question rows counted, with how often
        self.last_row = max((row.row for row in sheet.rows), default=0)

    def cell(self, address: str) -> object:
        address = address.replace("$", "").upper()
        if address in self.cache:
            return self.cache[address]
        self.cache[address] = None  # -- a circular reference reads as empty
        value = self._cell(address)
        self.cache[address] = value
        return value

    def _cell(self, address: str) -> object:
        formula = self.sheet.formulas.get(address)
        found = self.sheet.values.get(address)
        if formula is None:
            return found.raw if found is not None else None
        column, row = re.match(r"([A-Z]+)(\d+)", address).groups()  # type: ignore[union-attr]
        if column == self.nilai and int(row) in self.answers:
            return self._question(int(row), formula)
        if (
            self.cached
            and found is not None
            and isinstance(found.raw, int | float)
            and not isinstance(found.raw, bool)
        ):
            return float(found.raw)  # -- a cached result: the figure the unit's Excel showed
        try:
            return _Formula(formula, self).value()
        except (ValueError, ZeroDivisionError, IndexError, RecursionError):
            # -- Excel's #DIV/0! or #VALUE!, a formula this reader does not know, or an untrusted workbook's
            # -- chain of references deeper than Python's stack: no figure, never an exception
            return None

    def _question(self, row: int, formula: str) -> object:
        """A question's Nilai as the sheet's IF chain gives it: by the Pilihan Jawaban text of the row."""
        pilihan = self.sheet.values.get(f"{self.sheet.columns.get('pilihan', '')}{row}")
        kind = " ".join((pilihan.text if pilihan else "").lower().split())
        answer = self.answers.get(row)
        weight = re.search(r"\*\s*\$?([A-Z]+)\$?(\d+)\s*$", formula)
        factor = 1.0
        if weight:
            number = self.cell(f"{weight.group(1)}{weight.group(2)}")
            factor = float(number) if isinstance(number, int | float) else 0.0
        if kind.startswith("nilai"):
            if answer is None or answer.number is None:
                return "Blm Diisi"
            return answer.number / 4 * factor
        if answer is None or not answer.answered:
            return "Blm Diisi" if kind else ""
        if kind in SHEET_VALUES:
            value = SHEET_VALUES[kind].get(answer.shown.lower())
            return "Blm Diisi" if value is None else value * factor
        if kind == "%":
            return (answer.value or 0.0) * factor
        return "" if kind == "jumlah" else "-"


class _Formula:
    """A tiny recursive-descent reader of the arithmetic the recap formulas use."""

    _TOKEN = re.compile(
        r"\s*(?:(?P<range>\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+)|(?P<ref>\$?[A-Z]+\$?\d+)|(?P<num>\d+(?:\.\d+)?)"
        r"|(?P<fn>[A-Z]+)\(|(?P<op>[-+*/(),]))"
    )

    def __init__(self, text: str, evaluator: _Evaluator) -> None:
        self.tokens: list[tuple[str, str]] = []
        position = 0
        text = text.lstrip("=").upper()
        while position < len(text):
            match = self._TOKEN.match(text, position)
            if match is None or match.end() == position:
                raise ValueError(text)
            kind = match.lastgroup or ""
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
        self.at = 0
        self.evaluator = evaluator

    def value(self) -> float:
        result = self._sum()
        if self.at != len(self.tokens):
            raise ValueError("trailing")
        return result

    def _peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("", "")

    def _sum(self) -> float:
        total = self._product()
        while self._peek() in (("op", "+"), ("op", "-")):
            sign = self.tokens[self.at][1]
            self.at += 1
            total = total + self._product() if sign == "+" else total - self._product()
        return total

    def _product(self) -> float:
        total = self._atom()
        while self._peek() in (("op", "*"), ("op", "/")):
            sign = self.tokens[self.at][1]
            self.at += 1
            total = total * self._atom() if sign == "*" else total / self._atom()
        return total

    def _atom(self) -> float:
        kind, text = self.tokens[self.at]
        self.at += 1
        if kind == "num":
            return float(text)
        if kind == "ref":
            value = self.evaluator.cell(text)
            return float(value) if isinstance(value, int | float) else 0.0
        if kind == "op" and text == "(":
            inner = self._sum()
            self.at += 1
            return inner
        if kind == "op" and text == "-":
            return -self._atom()
        if kind == "fn":
            values = self._arguments()
            if text == "SUM":
                return sum(values)
            if text == "AVERAGE":
                if not values:
                    raise ZeroDivisionError(text)  # -- Excel's #DIV/0!
                return sum(values) / len(values)
        raise ValueError(text)

    def _arguments(self) -> list[float]:
        """The numbers of a function's arguments: cells and ranges give their numbers only (text is
        skipped, as Excel's SUM and AVERAGE skip it); the question rows they count are noted."""
        values: list[float] = []
        while True:
            kind, text = self._peek()
            if kind in ("range", "ref") and self.tokens[self.at + 1][1] in (",", ")"):
                self.at += 1
                for address in _addresses(text, self.evaluator.last_row):
                    value = self.evaluator.cell(address)
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        values.append(float(value))
                        self._note(address)
            else:
                values.append(self._sum())
            kind, text = self.tokens[self.at]
            self.at += 1
            if text == ")":
                return values

    def _note(self, address: str) -> None:
        row = int(re.sub(r"[^0-9]", "", address))
        if row in self.evaluator.answers:
            self.evaluator.leaves[row] += 1


def _addresses(text: str, last_row: int) -> list[str]:
    """The cells of a reference or a one-column range, cut at the last row read (an untrusted workbook may
    name L1:L1048576; the rows past the sheet's end are empty)."""
    text = text.replace("$", "")
    if ":" not in text:
        return [text]
    first, last = text.split(":")
    (c1, r1), (c2, r2) = (re.match(r"([A-Z]+)(\d+)", part).groups() for part in (first, last))  # type: ignore[union-attr]
    if c1 != c2:
        return [first, last]  # -- the recap ranges run down one column
    return [f"{c1}{row}" for row in range(int(r1), min(int(r2), last_row) + 1)]


def sheet_figures(
    sheet: OfficialSheet, matched: Matched, answers: dict[str, Answer], score: Score
) -> list[SheetFigure]:
    """The sheet's sub-area, area, Pemenuhan/Reform, Hasil and total figures beside the regulation's, in
    sheet order; only rows whose Nilai cell holds a formula or a cached number."""
    lke = matched.lke
    nilai = sheet.columns.get("nilai")
    if nilai is None:
        return []
    by_row = {number: answers[item.code] for number, item in matched.items.items() if item.code in answers}
    rows_of: dict[str, list[int]] = {}
    for number, item in matched.items.items():
        if item.scored:
            rows_of.setdefault(item.group_code or item.code, []).append(number)
    groups: dict[str, dict[str, str]] = {}  # -- name -> {half: group code}: SPBE is a sub-area of both
    for item in lke.scored:
        if item.group_code:
            groups.setdefault(_norm(item.group_name), {})[item.subarea] = item.group_code
    # -- every item of the sub-area, those the sheet lacks counting 0 (as `score.compute` counts them)
    members: dict[str, list[LkeItem]] = {}
    for item in lke.scored:
        if item.area_no is not None:
            members.setdefault(item.group_code, []).append(item)
    group_score = {
        code: items[0].group_weight * sum(answers[i.code].counted for i in items) / len(items)
        for code, items in members.items()
        if code in rows_of
    }

    def rows_where(test) -> list[int]:
        return sorted(number for number, item in matched.items.items() if item.scored and test(item))

    half = ""
    found: list[SheetFigure] = []
    for row in sheet.rows:
        address = f"{nilai}{row.row}"
        if address not in sheet.formulas and address not in sheet.values:
            continue
        if row.row in matched.items:
            item = matched.items[row.row]
            if item.area_no is None and item.scored:
                found.append(_figure(sheet, by_row, address, item.code, score.added[item.code], [row.row]))
            continue
        text = _norm(row_text(row))
        depth, label = row_label(row)
        if text in ("pemenuhan", "reform"):
            half = text
            figure = sum((a.pemenuhan if half == "pemenuhan" else a.reform) or 0.0 for a in score.areas)
            in_half = rows_where(lambda i, h=half: i.subarea == h)
            found.append(_figure(sheet, by_row, address, text.capitalize(), figure, in_half))
        elif label.isdigit() and half and lke.has_subareas:
            area = next((a for a in score.areas if a.no == int(label)), None)
            if area is not None:
                figure = (area.pemenuhan if half == "pemenuhan" else area.reform) or 0.0
                name = f"{half.capitalize()} area {label}"
                in_area = rows_where(lambda i, h=half, n=area.no: i.subarea == h and i.area_no == n)
                found.append(_figure(sheet, by_row, address, name, figure, in_area))
        elif (
            code := _group(groups, text, half) or _next_group(sheet, matched, row.row, label)
        ) in group_score:
            found.append(_figure(sheet, by_row, address, code, group_score[code], rows_of[code]))
        elif text in ("total pengungkit", "pengungkit"):
            pengungkit = rows_where(lambda i: i.area_no is not None)
            found.append(_figure(sheet, by_row, address, "Pengungkit", score.pengungkit, pengungkit))
        elif text in ("total hasil", "hasil"):
            hasil = rows_where(lambda i: i.area_no is None)
            found.append(_figure(sheet, by_row, address, "Hasil", score.hasil, hasil))
        elif text.startswith("nilai evaluasi") or text in ("total", "nilai total"):
            found.append(
                _figure(sheet, by_row, address, "Nilai total", score.total, rows_where(lambda i: True))
            )
        elif depth >= 0 and text:
            for code, (name, _weight) in lke.hasil_groups.items():
                if _norm(name) == text:
                    group = next(g.nilai for g in score.hasil_groups if g.code == code)
                    in_group = rows_where(lambda i, c=code: i.hasil_group == c)
                    found.append(_figure(sheet, by_row, address, f"Hasil {code[2:]}", group, in_group))
    return found


def _group(groups: dict[str, dict[str, str]], text: str, half: str) -> str:
    """The sub-area a heading names, in the half (Pemenuhan or Reform) the sheet is in; '' for none."""
    if len(text) < 4:
        return ""
    names = groups.get(text)
    if names is None:
        close = difflib.get_close_matches(text, list(groups), n=1, cutoff=MATCH_RATIO)
        names = groups[close[0]] if close else {}
    return names.get(half) or names.get("") or next(iter(names.values()), "")


def _next_group(sheet: OfficialSheet, matched: Matched, row: int, label: str) -> str:
    """The sub-area of the first question below a heading labelled i.-x. whose name is not the catalogue's;
    '' for another heading, and for one whose sub-areas have headings of their own (LHKPN and LHKASN)."""
    below = [r for r in matched.items if r > row]
    if not re.fullmatch(r"[ivx]{1,5}", label) or not below:
        return ""
    nilai = sheet.columns.get("nilai", "")
    if any(f"{nilai}{r}" in sheet.formulas for r in range(row + 1, min(below))):
        return ""
    return matched.items[min(below)].group_code


def _figure(
    sheet: OfficialSheet,
    answers: dict[int, Answer],
    address: str,
    label: str,
    regulation: float,
    rows: list[int],
) -> SheetFigure:
    value = _Evaluator(sheet, answers).cell(address)
    figure = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    column, row = re.match(r"([A-Z]+)(\d+)", address).groups()  # type: ignore[union-attr]
    cell = CellRef(sheet.name, int(row), column)
    found = SheetFigure(cell, label, figure, regulation, "")
    if not found.differs:
        return found
    # -- the rows a formula counts are seen through its formulas, not through the cached results below it
    structure = _Evaluator(sheet, answers, cached=False)
    structure.cell(address)
    return SheetFigure(cell, label, figure, regulation, _why(sheet, structure, address, rows))


def _why(sheet: OfficialSheet, evaluator: _Evaluator, address: str, rows: list[int]) -> str:
    """Where the sheet's figure parts from the regulation's, as clauses naming rows and cells."""
    formula = sheet.formulas.get(address)
    shown = f"rumus sheet ={formula}" if formula else "angka tersimpan tanpa rumus"
    if not rows:
        return f"{shown}; selisihnya berasal dari angka di bawahnya"
    clauses = []
    pilihan = sheet.columns.get("pilihan", "")
    counted = evaluator.leaves
    unanswered = [r for r in rows if not evaluator.answers[r].answered]
    unknown = [r for r in rows if evaluator.cell(f"{evaluator.nilai}{r}") == "-"]
    missing = [r for r in rows if r not in counted and r not in unanswered and r not in unknown]
    twice = [r for r in rows if counted[r] > 1]
    extra = [r for r in counted if r not in rows]

    def named(numbers: list[int]) -> str:
        return ", ".join(f"{r} ({evaluator.answers[r].item.code})" for r in numbers)

    if missing:
        clauses.append(f"tidak menghitung baris {named(missing)}")
    if twice:
        clauses.append(f"menghitung baris {named(twice)} lebih dari sekali")
    if extra:
        clauses.append(f"ikut menghitung baris {named(extra)} dari bagian lain")
    if unknown:
        cells = ", ".join(f"{pilihan}{r} ({_shown(sheet, pilihan, r)})" for r in unknown)
        clauses.append(f"Pilihan Jawaban {cells} tidak dikenali rumus sheet sehingga butirnya tidak dihitung")
    if unanswered:
        clauses.append(
            f"rata-rata sheet melewatkan {len(unanswered)} butir yang belum dijawab, regulasi menghitungnya 0"
        )
    return f"{shown}; " + ("; ".join(clauses) if clauses else "bobot atau rumusnya berbeda dengan regulasi")


def _shown(sheet: OfficialSheet, column: str, row: int) -> str:
    cell = sheet.values.get(f"{column}{row}")
    return repr(cell.text) if cell is not None else "kosong"


# ---------------------------------------------------------------------------------------------------------
# The official workbook as one source of answers


@dataclass(frozen=True)
class OfficialAnswers:
    """An official LKE workbook read: its questionnaire, the regulation its questions are of, the rows
    matched to that regulation's items and the answers as an LKE sheet."""

    sheet: OfficialSheet
    regulation: str
    matched: Matched
    answers: LkeSheet


def load_official(path: Path, source: Source | None = None) -> OfficialAnswers:
    """The official LKE workbook at `path` (`source`: already opened by `open_xlsx`); UnreadableWorkbook
    when it cannot be read as one."""
    from zi_sheets.common.catalogue import REGULATIONS
    from zi_sheets.reading.lke_official import read_official

    sheet = read_official(path, source)
    regulation, matched = regulation_of_sheet(sheet, tuple(REGULATIONS))
    if not matched[regulation].count:
        raise UnreadableWorkbook(
            f"Berkas {path.name}, sheet {sheet.name}: tidak satu pun pertanyaannya dikenali sebagai butir "
            f"LKE {' atau '.join(REGULATIONS.values())}."
        )
    return OfficialAnswers(sheet, regulation, matched[regulation], answer_sheet(sheet, matched[regulation]))


def unmatched_rows(official: OfficialAnswers, code: str) -> list[int]:
    """The questionnaire's rows that may hold item `code` whose text was not recognised: between the rows
    its neighbours in the LKE were matched to, written like a question (a text, no Bobot of a heading) and
    matched to nothing."""
    order = {item.code: number for number, item in enumerate(official.matched.lke.items)}
    mine = order.get(code)
    if mine is None:
        return []
    before = [row for row, item in official.matched.items.items() if order[item.code] < mine]
    after = [row for row, item in official.matched.items.items() if order[item.code] > mine]
    low, high = max(before, default=0), min(after, default=10**9)
    return [
        row.row
        for row in official.sheet.rows
        if low < row.row < high
        and row.row not in official.matched.items
        and len(_norm(row_text(row))) >= 4
        and not row.get("bobot")
    ]
