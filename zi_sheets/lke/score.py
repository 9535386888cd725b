"""The score of an LKE by the regulation's formula, the WBK/WBBM requirements it meets, and the answer changes
that would close each gap.

The formula (thresholds.md §1.3): sub-area score = sub-area weight x AVERAGE(values of its scored items),
an unanswered item counting 0; area = sum of its sub-areas (Pemenuhan + Reform); pengungkit = sum of the
areas (of 60); Hasil: survey score / 4 x weight, the kinerja option value x weight (of 40); total = both.
Figures are compared with their thresholds as printed, rounded to two decimals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from zi_sheets.common.bahasa import format_angka, roman, round_half_up
from zi_sheets.common.model import AREAS
from zi_sheets.lke.answers import Answer, percent_text
from zi_sheets.lke.items import PERSEN, SURVEI, SURVEY_MAX, Lke, LkeItem, Threshold

PREDIKAT = ("WBK", "WBBM")
PREDIKAT_TITLE = {"WBK": "Menuju WBK", "WBBM": "Menuju WBBM"}
# -- A gap list stops once its steps close the gap, or at this many steps (the rest follow the same order). --
MAX_STEPS = 10
_EPSILON = 1e-9


def rounded(figure: float) -> float:
    """A figure as the LKE prints it and as it is compared: two decimals, halves up (as `format_angka`)."""
    return float(round_half_up(figure, 2))


@dataclass(frozen=True)
class AreaScore:
    """One enabler area's score; `pemenuhan`/`reform` None when the regulation does not split areas
    (52/2014)."""

    no: int
    weight: float
    nilai: float
    pemenuhan: float | None = None
    reform: float | None = None
    pemenuhan_weight: float = 0.0
    reform_weight: float = 0.0

    @property
    def name(self) -> str:
        return AREAS[self.no]

    @property
    def label(self) -> str:
        """ "Area V Penguatan Pengawasan"."""
        return f"Area {roman(self.no)} {self.name}"

    @property
    def persen(self) -> float:
        """The score as a percentage of the area's weight."""
        return 100 * self.nilai / self.weight if self.weight else 0.0


@dataclass(frozen=True)
class HasilScore:
    """One Hasil group ("H.I", "H.II") and its score."""

    code: str
    name: str
    weight: float
    nilai: float

    @property
    def label(self) -> str:
        """ "Hasil I Birokrasi yang Bersih dan Akuntabel"."""
        return f"Hasil {self.code.removeprefix('H.')} {self.name}"


@dataclass(frozen=True)
class Score:
    """The whole score: areas, Hasil groups, and what each scored item adds (value x its weight)."""

    areas: tuple[AreaScore, ...]
    hasil_groups: tuple[HasilScore, ...]
    added: dict[str, float]

    @property
    def pengungkit(self) -> float:
        return sum(area.nilai for area in self.areas)

    @property
    def hasil(self) -> float:
        return sum(group.nilai for group in self.hasil_groups)

    @property
    def total(self) -> float:
        return self.pengungkit + self.hasil


def compute(lke: Lke, answers: dict[str, Answer]) -> Score:
    """The score of `answers` (by item code; a missing code counts 0) on `lke`."""
    groups: dict[str, list[LkeItem]] = {}
    for item in lke.scored:
        if item.area_no is not None:
            groups.setdefault(item.group_code, []).append(item)

    def counted(item: LkeItem) -> float:
        answer = answers.get(item.code)
        return answer.counted if answer is not None else 0.0

    group_scores = {
        code: items[0].group_weight * sum(counted(i) for i in items) / len(items)
        for code, items in groups.items()
    }
    areas = []
    for no, weight in lke.area_weights.items():
        codes = {i.group_code: i.subarea for i in lke.scored if i.area_no == no}
        halves = {
            half: sum(group_scores[c] for c, s in codes.items() if s == half)
            for half in ("pemenuhan", "reform")
        }
        split = lke.has_subareas
        areas.append(
            AreaScore(
                no,
                weight,
                sum(group_scores[code] for code in codes),
                halves["pemenuhan"] if split else None,
                halves["reform"] if split else None,
                lke.subarea_weight(no, "pemenuhan"),
                lke.subarea_weight(no, "reform"),
            )
        )
    added = {item.code: counted(item) * item.weight for item in lke.scored}
    hasil = tuple(
        HasilScore(code, name, weight, sum(added[i.code] for i in lke.scored if i.hasil_group == code))
        for code, (name, weight) in lke.hasil_groups.items()
    )
    return Score(tuple(areas), hasil, added)


# ---------------------------------------------------------------------------------------------------------
# Requirements


@dataclass(frozen=True)
class Requirement:
    """One threshold applied to one figure for one predicate ("WBK" or "WBBM").

    `scope` holds the codes of the items whose answers move the figure; `warning_only` marks reading (b) of
    the per-area minimum (each Pemenuhan and Reform half), reported but never deciding the predicate;
    `area_no` names the area of an area or half requirement (None for the others).
    """

    threshold: Threshold
    predikat: str
    label: str
    figure: float
    need: float
    scope: tuple[str, ...]
    warning_only: bool = False
    area_no: int | None = None

    @property
    def met(self) -> bool:
        return rounded(self.figure) >= rounded(self.need) - _EPSILON

    def met_after(self, gain: float) -> bool:
        """Whether the figure raised by `gain` meets the need as the document prints both (two decimals):
        a change that brings 8,8125 to 9,00 closes a minimum of 9,00."""
        return rounded(self.figure + gain) >= rounded(self.need) - _EPSILON

    @property
    def shortfall(self) -> float:
        """How much the figure is below the need (0 when met)."""
        return 0.0 if self.met else rounded(self.need) - rounded(self.figure)

    @property
    def sentence(self) -> str:
        """ "Area V Penguatan Pengawasan 4,50 (minimal 9,00)"."""
        return f"{self.label} {format_angka(self.figure)} (minimal {format_angka(self.need)})"


def requirements(lke: Lke, score: Score) -> list[Requirement]:
    """Every threshold of the regulation applied to `score`, WBK first then WBBM, in data order."""
    found: list[Requirement] = []
    for predikat in PREDIKAT:
        for threshold in lke.thresholds:
            need = threshold.need(predikat)
            if need is not None:
                found += _apply(lke, score, threshold, predikat, need)
    return found


def _apply(lke: Lke, score: Score, threshold: Threshold, predikat: str, need: float) -> list[Requirement]:
    scored = lke.scored

    def codes(test) -> tuple[str, ...]:
        return tuple(item.code for item in scored if test(item))

    def requirement(
        label: str, figure: float, minimum: float, scope: tuple[str, ...], **extra
    ) -> Requirement:
        return Requirement(threshold, predikat, label, figure, minimum, scope, **extra)

    scope = threshold.scope
    if scope == "total":
        return [requirement("Nilai total", score.total, need, codes(lambda i: True))]
    if scope == "pengungkit":
        return [
            requirement("Nilai pengungkit", score.pengungkit, need, codes(lambda i: i.area_no is not None))
        ]
    if scope == "area":
        return [
            requirement(
                area.label,
                area.nilai,
                need * area.weight,
                codes(lambda i, n=area.no: i.area_no == n),
                area_no=area.no,
            )
            for area in score.areas
        ]
    if scope == "bagian":
        found = []
        for area in score.areas:
            for half, figure, weight in (
                ("Pemenuhan", area.pemenuhan, area.pemenuhan_weight),
                ("Reform", area.reform, area.reform_weight),
            ):
                if figure is None or not weight:
                    continue
                subarea = half.lower()
                in_half = codes(lambda i, n=area.no, h=subarea: i.area_no == n and i.subarea == h)
                label = f"{half} area {roman(area.no)} {area.name}"
                found.append(
                    requirement(label, figure, need * weight, in_half, warning_only=True, area_no=area.no)
                )
        return found
    if scope == "hasil":
        group = next(g for g in score.hasil_groups if g.code == threshold.target)
        return [requirement(group.label, group.nilai, need, codes(lambda i: i.hasil_group == group.code))]
    if scope == "butir":
        item = lke.item(threshold.target)
        if item is None:
            raise ValueError(f"threshold {threshold.key} names no item {threshold.target}")
        return [requirement(f"{threshold.syarat} ({item.code})", score.added[item.code], need, (item.code,))]
    raise ValueError(f"unknown threshold scope {scope!r}")


def meets(found: list[Requirement], predikat: str) -> bool:
    """True when every requirement of `predikat` that decides it is met."""
    return all(r.met for r in found if r.predikat == predikat and not r.warning_only)


def unmet(found: list[Requirement], predikat: str) -> list[Requirement]:
    """The deciding requirements of `predikat` not met, in order."""
    return [r for r in found if r.predikat == predikat and not r.warning_only and not r.met]


# ---------------------------------------------------------------------------------------------------------
# What closes a gap


@dataclass(frozen=True)
class Step:
    """One answer change and what it adds to the figure of a requirement; `before` '' for an item not yet
    answered, `where` the figure it adds to ("area V", "hasil I")."""

    code: str
    before: str
    after: str
    gain: float
    where: str
    survey: bool = False

    @property
    def text(self) -> str:
        """ "P.5.ii.b: jawaban C menjadi A, menambah 0,19 pada nilai area V": a signed report describes the
        improvement in words, never as an arrow between two letters."""
        what = "nilai survei" if self.survey else "jawaban"
        change = f"{what} {self.before} menjadi {self.after}" if self.before else f"{what} diisi {self.after}"
        return f"{self.code}: {change}, menambah {format_angka(self.gain)} pada nilai {self.where}"


@dataclass(frozen=True)
class Gap:
    """An unmet requirement and the answer changes that raise its figure most, in order; `closes` is True
    when those changes together reach the need."""

    requirement: Requirement
    steps: tuple[Step, ...]
    closes: bool


def gaps(lke: Lke, answers: dict[str, Answer], found: list[Requirement]) -> list[Gap]:
    """For every unmet deciding requirement (WBK first, then WBBM), the changes that close it."""
    result = []
    for predikat in PREDIKAT:
        for requirement in unmet(found, predikat):
            steps = _steps(lke, answers, requirement)
            gained = sum(step.gain for step in steps)
            result.append(Gap(requirement, tuple(steps), requirement.met_after(gained)))
    return result


def _where(item: LkeItem) -> str:
    if item.area_no is not None:
        return f"area {roman(item.area_no)}"
    return f"hasil {item.hasil_group.removeprefix('H.')}"


def _before(answer: Answer) -> str:
    return answer.shown if answer.answered else ""


def _steps(lke: Lke, answers: dict[str, Answer], requirement: Requirement) -> list[Step]:
    items = [lke.item(code) for code in requirement.scope]
    if len(items) == 1 and items[0] is not None and requirement.threshold.scope == "butir":
        step = _least_step(items[0], answers[items[0].code], requirement.need)
        return [step] if step is not None else []
    candidates = []
    for item in items:
        if item is None:
            continue
        answer = answers[item.code]
        if item.kind == SURVEI:
            # -- an external survey is not an answer the team changes; only a Hasil group's gap shows the
            # -- score its survey must reach
            if requirement.threshold.scope == "hasil":
                step = _least_step(
                    item, answer, min(item.weight, item.weight * answer.counted + requirement.shortfall)
                )
                candidates += [step] if step is not None else []
            continue
        gain = item.weight * (1.0 - answer.counted)
        if gain > 0.005:
            best = "100%" if item.kind == PERSEN else item.letters[0]
            candidates.append(Step(item.code, _before(answer), best, gain, _where(item)))
    candidates.sort(key=lambda step: -step.gain)  # -- stable: equal gains keep LKE order
    steps: list[Step] = []
    for step in candidates[:MAX_STEPS]:
        steps.append(step)
        if requirement.met_after(sum(s.gain for s in steps)):
            break
    return steps


def _least_step(item: LkeItem, answer: Answer, need: float) -> Step | None:
    """The smallest change of one item's answer that brings what it adds up to `need`."""
    if not item.weight:
        return None
    share = need / item.weight  # -- the value the item must reach, 0..1
    if item.kind == SURVEI:
        score = math.ceil(share * SURVEY_MAX * 100 - _EPSILON) / 100
        after, value = format_angka(score), score / SURVEY_MAX
    elif item.kind == PERSEN:
        after, value = percent_text(share), share
    else:
        fitting = [
            letter for letter in item.letters if item.value_of(letter) * item.weight >= need - _EPSILON
        ]
        if not fitting:
            return None
        after = fitting[-1]
        value = item.value_of(after)
    gain = item.weight * (value - answer.counted)
    step = Step(item.code, _before(answer), after, gain, _where(item), item.kind == SURVEI)
    return step if gain > 0 else None
