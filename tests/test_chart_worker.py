"""The chart worker draws in a second process exactly what the main process would draw."""

from __future__ import annotations

from conftest import EXAMPLE

from zi_sheets.analysis import analyse
from zi_sheets.periods import Period
from zi_sheets.render.chart import ChartWorker, progress_chart_png
from zi_sheets.workbook import read_workbook


def test_worker_draws_the_same_png_as_the_main_process():
    areas = analyse(read_workbook(EXAMPLE)).progress(Period.month(2019, 5))
    worker = ChartWorker()
    try:
        drawn = worker.render(areas)
    finally:
        worker.close()
    assert drawn.startswith(b"\x89PNG") and drawn == progress_chart_png(areas)


def test_a_dead_worker_falls_back_to_drawing_here():
    areas = analyse(read_workbook(EXAMPLE)).progress(Period.month(2019, 5))
    worker = ChartWorker()
    worker._process.terminate()
    worker._process.join()
    assert worker.render(areas) == progress_chart_png(areas)
    assert worker._process is None


def test_an_unused_worker_closes_at_once():
    worker = ChartWorker()
    process = worker._process
    worker.close()
    assert not process.is_alive()
