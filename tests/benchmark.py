"""Speed and memory of zi-sheets, measured as a user meets them: whole processes, medians of repeated runs.

Run by hand (not collected by pytest):  python tests/benchmark.py [--runs 5]
Targets (issue "Hard to break, fast, and ready for a whole kabupaten"):
  (a) build of the example, all documents, no PDF  <= 1.6 x  python -c "import pandas, openpyxl, docx"
  (b) build of a generated 2,000-row plan          <= 1.5 s, and 4,000 rows <= 2.2 x the 2,000-row time
  (c) zi-sheets --help                             <= 0.2 s (pandas not imported)
  (d) peak memory (max RSS) of (b)
Targets (issue 9, "Faster PDF and batch"):
  (e) build --pdf of the example (three documents): one LibreOffice start for all of them
  (f) build of a folder of 100 workbooks of distinct units        <= 20 s on 2 cores
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from factory import unit_workbook  # noqa: E402

EXAMPLE = HERE.parent / "workbook_templates" / "contoh-pasirian-2019.xlsx"
ZI = [sys.executable, "-m", "zi_sheets.cli"]
# -- CPU seconds of every measured run: steadier than wall time on a machine other work shares --
CPU_SECONDS: list[float] = []


def run(command: list[str], fresh: Path | None = None) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in MB of one whole process.

    `fresh` is an output folder removed first, so every run writes its documents anew. The CPU seconds of
    the process and all it waited for (workers, LibreOffice) are kept in CPU_SECONDS.
    """
    if fresh is not None:
        shutil.rmtree(fresh, ignore_errors=True)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}")
    CPU_SECONDS.append(usage.ru_utime + usage.ru_stime)
    return elapsed, usage.ru_maxrss // 1024


def median(command: list[str], runs: int, fresh: Path | None = None) -> tuple[float, int]:
    run(command, fresh)  # -- one warm-up run: the file cache, not zi-sheets, would otherwise dominate
    samples = [run(command, fresh) for _ in range(runs)]
    return statistics.median(s for s, _ in samples), max(m for _, m in samples)


def units_folder(folder: Path, count: int) -> Path:
    """`count` workbooks of distinct units (one output folder each), as a kabupaten's batch would be."""
    folder.mkdir()
    for number in range(count):
        unit_workbook(folder / f"unit-{number:03d}.xlsx", unit=f"Kecamatan Contoh {number:03d}")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of (e) and (f), the slow ones")
    parser.add_argument("--only", choices=["abcd", "ef"], default=None, help="measure only these")
    arguments = parser.parse_args()
    runs, batch_runs = arguments.runs, arguments.batch_runs
    quick = arguments.only in (None, "abcd")
    slow = arguments.only in (None, "ef")
    work = Path(tempfile.mkdtemp(prefix="zi-bench-"))
    lines = [
        f"medians of {runs} runs ((e), (f): {batch_runs}), {os.cpu_count()} cores, Python "
        f"{sys.version.split()[0]}"
    ]
    try:
        if quick:
            lines += _quick(work, runs)
        if slow:
            lines += _slow(work, batch_runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(lines))


def _slow(work: Path, runs: int) -> list[str]:
    lines = []
    pdf = work / "pdf"
    if shutil.which("soffice") or shutil.which("libreoffice"):
        with_pdf, _ = median([*ZI, "build", str(EXAMPLE), "--pdf", "-o", str(pdf)], runs, fresh=pdf)
        cpu = statistics.median(CPU_SECONDS[-runs:])
        lines.append(f"(e) build --pdf of the example (3 documents): {with_pdf:.2f} s; CPU {cpu:.2f} s")
    else:
        lines.append("(e) build --pdf: LibreOffice not installed, not measured")
    units = units_folder(work / "units", 100)
    batch = work / "batch"
    many, many_mb = median([*ZI, "build", str(units), "-o", str(batch)], runs, fresh=batch)
    cpu = statistics.median(CPU_SECONDS[-runs:])
    lines.append(
        f"(f) build of 100 workbooks of distinct units: {many:.2f} s (target <= 20 s); CPU {cpu:.1f} s "
        f"= {cpu / (os.cpu_count() or 1):.1f} s a core; peak {many_mb} MB"
    )
    return lines


def _quick(work: Path, runs: int) -> list[str]:
    plans = {n: unit_workbook(work / f"rencana-{n}.xlsx", rows=n) for n in (2000, 4000)}
    bare, _ = median([sys.executable, "-c", "import pandas, openpyxl, docx"], runs)
    example, example_mb = median([*ZI, "build", str(EXAMPLE), "-o", str(work / "a")], runs)
    big, big_mb = median([*ZI, "build", str(plans[2000]), "-o", str(work / "b")], runs)
    bigger, _ = median([*ZI, "build", str(plans[4000]), "-o", str(work / "c")], runs)
    helped, _ = median([*ZI, "--help"], runs)
    help_imports = subprocess.run(
        [sys.executable, "-c", "import sys, zi_sheets.cli; print('pandas' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return [
        f"(a) import pandas, openpyxl, docx: {bare:.2f} s; build example: {example:.2f} s "
        f"= {example / bare:.2f} x (target <= 1.6 x); peak {example_mb} MB",
        f"(b) build 2,000-row plan: {big:.2f} s (target <= 1.5 s); 4,000 rows: {bigger:.2f} s "
        f"= {bigger / big:.2f} x (target <= 2.2 x)",
        f"(c) zi-sheets --help: {helped:.2f} s (target <= 0.2 s); pandas imported: {help_imports}",
        f"(d) peak memory of (b): {big_mb} MB",
    ]


if __name__ == "__main__":
    main()
