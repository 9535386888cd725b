"""The checks on real plans (issue 22): every workbook of tests/data/corpus/ and the bundled example, set
against the reviewer's labels (tests/data/corpus/labels.toml) and the evaluator's defects mapped to findings
(defect_findings.toml). A defect marked found must stay found; a finding judged false must not come (back).
`python scripts/corpus_real.py` prints the whole report."""

from __future__ import annotations

import pytest
from corpus_real import JUDGEMENTS, key, measure, render, workbooks


@pytest.fixture(scope="module", params=workbooks(), ids=lambda path: path.stem)
def result(request):
    return measure(request.param)


def test_the_corpus_has_its_real_plan_and_its_evaluators_defects(result):
    if result.name == "patp-2021":
        assert len(result.described) == 37
        assert set(result.defects) == set(result.described), "every listed defect is mapped or said why not"


def test_every_label_is_a_judgement(result):
    assert {judgement for judgement, _ in result.labels.values()} <= set(JUDGEMENTS)
    assert all(why.strip() for _, why in result.labels.values())


def test_no_finding_judged_false_is_given(result):
    assert not result.judged("salah"), [key(f) for f in result.judged("salah")]


def test_every_defect_marked_found_is_still_found(result):
    assert not result.lost, result.lost


def test_the_report_names_the_figures(result):
    text = render(result)
    assert result.summary in text and "penilaian:" in text
    if result.defects:
        assert f"ditemukan {len(result.found)}" in text
