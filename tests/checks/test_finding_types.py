"""Every finding type is tied to the check that emits it, to a test that asserts it and, where it is a
defect the generated corpus can hold, to a corpus plant (issue 21).

A check declares the types it emits (`@check(emits=...)`, as frictionless' checks do): the findings it
yields over real plans are among them, its code names no other, and every type has a declaring check or a
named emitter (the Diterima sheet's `apply_diterima`).
"""

from __future__ import annotations

import inspect
import random
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT
from corpus import TODAY, UNITS, plant, save, write_plan

from zi_sheets.analysis.analyse import analyse
from zi_sheets.checks import diterima
from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.registry import Check
from zi_sheets.checks.run import all_checks
from zi_sheets.common.findings import FINDING_TYPES, FindingType
from zi_sheets.common.report import BLOCKING_CODES
from zi_sheets.lke import assess, evidence
from zi_sheets.lke.check import CATALOGUE_ORDER, all_types, check_lke
from zi_sheets.lke.codes import LKE_TYPES
from zi_sheets.reading.workbook import read_workbook

CHECKS: list[Check] = [*all_checks(), check_lke]
# -- Emitters that are no check: what they emit, by name.
EMITTERS: dict[str, tuple[FindingType, ...]] = {"checks.diterima.apply_diterima": diterima.EMITS}

# -- Types that are no defect the generated corpus could plant, each with why. The corpus (tests/corpus.py)
# -- writes well-formed plans of many unit kinds and plants defects in their plan, Narasi and Monev
# -- text; the types below are asserted by the tests of their own checks instead.
NOT_PLANTED = {
    # -- the workbook's structure and identity: the corpus writes whole, well-formed sheets and Identitas
    "hidden-row": "structure",
    "autofilter-hidden-rows": "structure",
    "formula-without-value": "structure",
    "identitas-missing": "identity",
    "tahun-invalid": "identity",
    "regulasi-unknown": "identity",
    "predikat-invalid": "identity",
    "nip-stored-as-number": "identity",
    "nip-length": "identity",
    "nip-pattern": "identity",
    "placeholder-unknown": "identity",
    "narasi-bagian-unknown": "structure",
    "pengaturan-invalid": "structure (the corpus has no Pengaturan sheet)",
    "lampiran-part-empty": "a note on what the document leaves out (the corpus writes no MekanismeTim)",
    # -- consequences of a planted defect, allowed where it follows (corpus `plan.allowed`), or the same
    # -- defect under a more specific code (corpus `_SAME_DEFECT`)
    "komponen-missing": "consequence of a komponen whose rows were emptied of action and output",
    "langkah-row-without-indikator": "indikator-empty under a carried-down komponen",
    # -- not defects: infos that say what the plan does not cover or how a text was read
    "indikator-unmatched": "info",
    "target-event": "info",
    "monev-match-doubtful": "info",
    "realisasi-rows-missing": "info",
    "plan-overdue": "info (depends on the Monev's refs and dates, not on a defect)",
    "lke-evidence-shared": "info",
    "lke-answer-proposed": "info",
    "diterima-unused": "info",
    # -- texts the corpus writes in their one readable form
    "komponen-unmatched": "the corpus's komponen are the catalogue's, their short forms or cut names",
    "komponen-other-area": "the generator writes each komponen under its area (test_checks moves one)",
    "target-unparsed": "the corpus's targets are months",
    # -- the Monev, Realisasi and LaporanMonev sheets: the corpus plants only a year in the Monev
    "monev-month-unreadable": "Monev sheet",
    "monev-month-outside-year": "Monev sheet",
    "monev-area-unknown": "Monev sheet",
    "monev-status-unknown": "Monev sheet",
    "monev-ref-unknown": "Monev sheet",
    "realisasi-ref-unknown": "Realisasi sheet (the corpus writes none)",
    "realisasi-sheet-unreadable": "Realisasi sheet",
    "realisasi-status-unknown": "Realisasi sheet",
    "periode-unreadable": "Realisasi and LaporanMonev sheets",
    "tanggal-unreadable": "Realisasi and LaporanMonev sheets",
    "laporan-bagian-unknown": "LaporanMonev sheet (the corpus writes none)",
    "laporan-period-mismatch": "LaporanMonev sheet (the corpus writes none)",
    "laporan-claim-mismatch": "LaporanMonev sheet (the corpus writes none)",
    "laporan-undated": "info; LaporanMonev sheet (the corpus writes none)",
    "realisasi-done-after-period": "Realisasi sheet (the corpus writes none)",
    # -- the LKE sheet and the Diterima sheet: the corpus writes neither
    "lke-sheet-unreadable": "LKE sheet",
    "lke-claim-unplanned": "LKE sheet",
    "lke-regulation-mismatch": "LKE sheet or official LKE workbook (the corpus's LKE follows its plan)",
    "lke-unanswered-count": "LKE sheet",
    "lke-sheet-figure-differs": "official LKE workbook (--lke or nilai on it alone)",
    "lke-empty": "LKE sheet",
    "lke-unanswered": "LKE sheet",
    "lke-item-missing": "LKE sheet",
    "lke-kode-unknown": "LKE sheet",
    "lke-answer-invalid": "LKE sheet",
    "lke-jumlah-mismatch": "LKE sheet",
    "lke-kode-duplicate": "LKE sheet",
    "lke-evidence-missing": "LKE sheet",
    "lke-evidence-outside": "LKE sheet",
    "lke-evidence-none": "LKE sheet",
    "lke-link-malformed": "LKE sheet",
    "lke-link-unreachable": "LKE sheet (only with nilai --cek-tautan)",
    "lke-link-refused": "LKE sheet (only with nilai --cek-tautan)",
    "lke-link-unchecked": "info (only with nilai --cek-tautan)",
    "diterima-invalid": "Diterima sheet",
}


def _generated_corpus(folder: Path) -> Iterator[tuple[Path, set[str]]]:
    """Every unit of the generated corpus (seed 1) written to `folder`, with the codes planted in it."""
    for index, unit in enumerate(UNITS):
        rng = random.Random(1000 + index)
        plan = write_plan(unit, rng)
        plant(plan, rng)
        path = folder / f"{index}.xlsx"
        save(plan, path)
        yield path, {code for _, code, _ in plan.planted}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, set[str]]]:
    return list(_generated_corpus(tmp_path_factory.mktemp("types")))


@pytest.fixture(scope="module")
def emitted(corpus) -> dict[str, set[str]]:
    """Per check, the codes of the findings it yielded over the bundled example, the corpus plan and the
    generated corpus, each check run on its own so that a finding is known by the check it came from."""
    paths = [EXAMPLE, ROOT / "tests" / "data" / "corpus" / "patp-2021.xlsx", *(path for path, _ in corpus)]
    found: dict[str, set[str]] = {each.name: set() for each in CHECKS}
    for path in paths:
        context = CheckContext(analyse(read_workbook(path)), TODAY)
        for each in CHECKS:
            found[each.name] |= {finding.code for finding in each(context)}
    return found


def _codes(kinds: tuple[FindingType, ...]) -> set[str]:
    return {kind.code for kind in kinds}


def test_every_finding_is_among_the_types_its_check_declares(emitted):
    for each in CHECKS:
        assert emitted[each.name] <= _codes(each.emits), each.name
    # -- and the checks are not idle on these plans
    assert sum(len(codes) for codes in emitted.values()) >= 15


def _code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def _types_named(function: types.FunctionType, seen: set[str] | None = None) -> set[str]:
    """The codes of the finding types a function (and the helpers of its module it calls, and the tables
    of types it reads) makes findings of: `SOME_TYPE.at(...)` in its source."""
    seen = set() if seen is None else seen
    if function.__name__ in seen:
        return set()
    seen.add(function.__name__)
    module = sys.modules[function.__module__]
    named = {
        getattr(module, name).code
        for name in re.findall(r"\b([A-Z][A-Z0-9_]+)\.at\(", inspect.getsource(function))
        if isinstance(getattr(module, name, None), FindingType)
    }
    for code in _code_objects(function.__code__):
        for name in code.co_names:
            value = getattr(module, name, None)
            if isinstance(value, dict) and value and all(isinstance(v, FindingType) for v in value.values()):
                named |= {kind.code for kind in value.values()}
            elif inspect.isfunction(value) and value.__module__ == module.__name__:
                named |= _types_named(value, seen)
    return named


@pytest.mark.parametrize("each", all_checks(), ids=lambda each: each.name)
def test_a_check_declares_exactly_the_types_its_code_emits(each):
    assert _types_named(each.function) == _codes(each.emits)


def test_the_lke_check_declares_the_types_of_the_lke_modules():
    named: set[str] = set()
    for module in (assess, evidence):
        named |= {
            getattr(module.f, name).code
            for name in re.findall(r"\bf\.([A-Z][A-Z0-9_]+)\.at\(", inspect.getsource(module))
        }
    assert named == _codes(check_lke.emits) == _codes(LKE_TYPES)


def test_every_type_is_declared_by_a_check_or_a_named_emitter():
    declared = {code for each in CHECKS for code in _codes(each.emits)}
    named = {code for kinds in EMITTERS.values() for code in _codes(kinds)}
    assert declared | named == set(FINDING_TYPES)
    assert not declared & named
    # -- one type, one check; but the Realisasi and LaporanMonev checks read periods and dates alike
    shared = {code for code in declared if sum(code in _codes(each.emits) for each in CHECKS) > 1}
    assert shared == {"periode-unreadable", "tanggal-unreadable"}


def test_the_catalogue_order_lists_every_registered_type_once():
    assert len(CATALOGUE_ORDER) == len(set(CATALOGUE_ORDER)) == len(FINDING_TYPES)
    assert [kind.code for kind in all_types()] == list(CATALOGUE_ORDER)
    assert BLOCKING_CODES <= set(FINDING_TYPES)


def test_every_code_is_asserted_by_another_test():
    here = Path(__file__).name
    tests = Path(__file__).parent.parent.glob("*/test_*.py")
    texts = [p.read_text(encoding="utf-8") for p in tests if p.name != here]
    unnamed = [code for code in FINDING_TYPES if not any(f'"{code}"' in t or f"'{code}'" in t for t in texts)]
    assert unnamed == []


def test_every_defect_is_planted_in_the_corpus_or_said_why_not(corpus):
    planted = set().union(*(codes for _, codes in corpus))
    assert planted <= set(FINDING_TYPES)
    assert not planted & set(NOT_PLANTED), "planted now: take it off NOT_PLANTED"
    assert planted | set(NOT_PLANTED) == set(FINDING_TYPES)
