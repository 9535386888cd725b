"""The checks on plans they were not written for: the generated corpus of twelve unit kinds (tests/corpus.py).

Targets (issue 12): at least 90% of the planted defects found, at most one false positive per workbook.
"""

from __future__ import annotations

import pytest
from corpus import DEFECTS, UNITS, corpus_report


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory):
    return corpus_report(tmp_path_factory.mktemp("corpus"), seeds=(1,))


def test_the_corpus_covers_many_kinds_of_unit_and_both_regulations():
    assert len({unit.kind for unit in UNITS}) >= 8
    assert {unit.year >= 2022 for unit in UNITS} == {True, False}  # 90/2021 and 52/2014 plans
    assert {unit.grouped for unit in UNITS} == {True, False}  # both layouts


def test_recall_of_planted_defects(result):
    assert sum(result.planted.values()) >= 150
    assert result.recall >= 0.9, "\n".join(result.missed)
    # -- every kind of planted defect is found somewhere: no check is dead on this corpus
    assert {code for code in DEFECTS if result.planted[code]} <= set(result.found)


def test_false_positives_per_workbook(result):
    assert max(result.fp_by_workbook.values()) <= 1, "\n".join(result.spurious)


def test_table_names_every_code_and_kind(result):
    table = result.table()
    for code in result.planted:
        assert code in table
    for unit in UNITS:
        assert unit.kind in table
