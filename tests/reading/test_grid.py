"""The sheet grid: merged ranges as Excel shows them, whatever range the file declares."""

from __future__ import annotations

import tracemalloc

from zi_sheets.reading.source import Grid

ROWS = [
    ("No", "Komponen", "Langkah"),
    (1, "Manajemen Perubahan", "Menyusun SK"),
    ("", "", "Rapat tim"),
    (2, "", ""),
]


def test_a_merge_over_the_whole_sheet_reads_as_excel_shows_it_within_the_values():
    # -- A2:XFD1048576, 0-based: the first column repeats A2 down the used rows, every other cell is empty
    whole_sheet = [((1, 0), (1048575, 16383))]
    tracemalloc.start()
    grid = Grid("RencanaAksi", ROWS, whole_sheet, set())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1024 * 1024  # -- one entry per used row, not one per cell the range names
    assert [grid.value(row, 1).text for row in range(1, 5)] == ["No", "1", "1", "1"]
    assert str(grid.value(4, 1).cell) == "RencanaAksi!A2"
    assert [grid.value(row, col).text for row in range(2, 5) for col in (2, 3)] == [""] * 6
    assert grid.value(1, 3).text == "Langkah"
    assert grid.filled_columns(3) is None  # -- a merged row is read cell by cell


def test_merges_inside_the_values_fill_down_and_hide_as_before():
    # -- B2:B4 and C3:C4 down their columns repeat their first cell; A1:C1 across hides B1 and C1
    grid = Grid("RencanaAksi", ROWS, [((1, 1), (3, 1)), ((2, 2), (3, 2)), ((0, 0), (0, 2))], set())
    assert [grid.value(row, 2).text for row in (2, 3, 4)] == ["Manajemen Perubahan"] * 3
    assert [grid.value(row, 3).text for row in (2, 3, 4)] == ["Menyusun SK", "Rapat tim", "Rapat tim"]
    assert [grid.value(1, col).text for col in (1, 2, 3)] == ["No", "", ""]
    assert grid.filled_columns(2) is None


def test_a_merge_wholly_outside_the_values_changes_nothing():
    grid = Grid("RencanaAksi", ROWS, [((10, 0), (1048575, 16383)), ((0, 5), (3, 16383))], set())
    assert [[grid.value(row, col).text for col in (1, 2, 3)] for row in (2, 3)] == [
        ["1", "Manajemen Perubahan", "Menyusun SK"],
        ["", "", "Rapat tim"],
    ]
    assert grid.filled_columns(3) == {3}
