"""Speed and memory of zi-sheets, measured as a user meets them: whole processes, medians of repeated runs.

Run by hand (not collected by pytest):  python tests/benchmark.py [--runs 5] [--nilai | --only ij|start]
Targets (issue "Hard to break, fast, and ready for a whole kabupaten"):
  (a) build of the example, all documents, no PDF  <= 1.6 x  the import floor FLOOR below
  (b) build of a generated 2,000-row plan          <= 1.5 s, and 4,000 rows <= 2.2 x the 2,000-row time
  (c) zi-sheets --help                             <= 0.2 s (openpyxl, docx, python_calamine not loaded)
  (d) peak memory (max RSS) of (b)
  (e) nilai on a 137-item LKE (every item answered, evidence named)  well under 1 s beyond the import floor
      (python -c "import" of the modules nilai loads)
  (e2) nilai on the official LKE workbook (LKE ZI, filled from the real blank)  within 0.3 s of that floor
       (issue 25)
  (f) reading the 2,000-row plan in process, plain and with two columns of formatted numbers (0%, #,##0):
      what the number-format pass costs (issue 9: numbers as Excel shows them)
  (g) where (b) spends its time, in the process: import, read, analyse, checks, documents
  (h) build of (b) with the Monev as Matriks Rencana Aksi (every planned action a row)
Targets (issue 9, "Faster PDF and batch"; --only ij measures these alone, --batch-runs times each):
  (i) build --pdf of the example (three documents): one LibreOffice start for all of them
  (j) build of a folder of 100 workbooks of distinct units        <= 20 s on 2 cores
Start time (issue 21, "One house, one room per stage"; --only start measures these alone, with (a)):
  (k) zi-sheets --help and check of the example, fresh processes: not slower than before the restructure
Big inputs (issue 30, class 3; --only big measures these alone):
  (l) check of a Realisasi of 20,000 and of 100,000 rows: linear (the ratio near 5), under 30 s and 1 GiB
Next year's plan (issue 26; --only roll measures it alone):
  (m) init --dari the example --tahun 2020: within 0.5 s of its import floor (python -c "import" of the
      modules it loads)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# -- factory (imported where workbooks are made) writes them with this checkout's zi_sheets; --only start
# -- makes none, so it also runs against an older checkout on PYTHONPATH --
sys.path.insert(0, str(HERE))

EXAMPLE = HERE.parent / "workbook_templates" / "contoh-pasirian-2019.xlsx"
# -- The CLI module; `zi_sheets.cli` itself before the stages became subpackages (issue 21), so that the start
# -- times of a checkout from before can be measured with PYTHONPATH pointing at it. --
try:
    CLI = "zi_sheets.cli.commands" if importlib.util.find_spec("zi_sheets.cli.commands") else "zi_sheets.cli"
except ModuleNotFoundError:
    CLI = "zi_sheets.cli"
ZI = [sys.executable, "-m", CLI]
# -- The processes measured start outside the checkout: `python -m` and `-c` put the working folder first on
# -- sys.path, which would otherwise shadow the zi_sheets that PYTHONPATH names. --
NEUTRAL = tempfile.gettempdir()
# -- What every build imports whatever the workbook: the floor the relative targets are measured against.
FLOOR = "import openpyxl, docx, python_calamine"
# -- What `nilai` must import whatever the workbook: the reader, the checks it proposes answers with, the LKE.
NILAI_IMPORTS = (
    "import zi_sheets.cli.commands, zi_sheets.reading.workbook, zi_sheets.checks.run, zi_sheets.lke.assess, "
    "python_calamine"
)

# -- What `init --dari` must import whatever the workbook: the reader, init's template, the matching, the
# -- year mentions and the LKE score of the baseline.
ROLL_IMPORTS = (
    "import zi_sheets.cli.commands, zi_sheets.template.tahun_baru, zi_sheets.template.new_workbook, "
    "zi_sheets.reading.workbook, zi_sheets.analysis.analyse, zi_sheets.checks.texts, zi_sheets.lke.score, "
    "zi_sheets.lke.answers, python_calamine"
)


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
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=NEUTRAL)
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


def measure_pdf_and_batch(work: Path, runs: int) -> list[str]:
    """(i) and (j): whole processes with their CPU seconds (children included), which a busy machine does
    not inflate as it does wall time."""
    from factory import unit_workbook

    lines = []
    pdf = work / "pdf"
    if shutil.which("soffice") or shutil.which("libreoffice"):
        with_pdf, _ = median([*ZI, "build", str(EXAMPLE), "--pdf", "-o", str(pdf)], runs, fresh=pdf)
        cpu = statistics.median(CPU_SECONDS[-runs:])
        lines.append(f"(i) build --pdf of the example (3 documents): {with_pdf:.2f} s; CPU {cpu:.2f} s")
    else:
        lines.append("(i) build --pdf: LibreOffice not installed, not measured")
    units = work / "units"
    units.mkdir()
    for number in range(100):  # -- distinct units, one output folder each, as a kabupaten's batch is
        unit_workbook(units / f"unit-{number:03d}.xlsx", unit=f"Kecamatan Contoh {number:03d}")
    batch = work / "batch"
    many, many_mb = median([*ZI, "build", str(units), "-o", str(batch)], runs, fresh=batch)
    cpu = statistics.median(CPU_SECONDS[-runs:])
    lines.append(
        f"(j) build of 100 workbooks of distinct units: {many:.2f} s (target <= 20 s); CPU {cpu:.1f} s "
        f"= {cpu / (os.cpu_count() or 1):.1f} s a core; peak {many_mb} MB"
    )
    return lines


def measure_start(work: Path, runs: int) -> list[str]:
    """(k), with (a) and (c) beside it: whole fresh processes, as a user starting the command meets them."""
    bare, _ = median([sys.executable, "-c", FLOOR], runs)
    helped, _ = median([*ZI, "--help"], runs)
    checked, _ = median([*ZI, "check", str(EXAMPLE)], runs)
    example, _ = median([*ZI, "build", str(EXAMPLE), "-o", str(work / "a")], runs)
    return [
        f"(a) {FLOOR}: {bare:.2f} s; build example: {example:.2f} s = {example / bare:.2f} x "
        "(target <= 1.6 x)",
        f"(c) zi-sheets --help: {helped:.2f} s (target <= 0.2 s); heavy libraries imported: {help_imports()}",
        f"(k) zi-sheets check of the example: {checked:.2f} s = {checked / bare:.2f} x the floor of (a)",
    ]


def help_imports() -> list[str]:
    """The heavy libraries `zi-sheets --help` imports: none is the aim."""
    code = (
        f"import sys, {CLI}; "
        "print(sorted({'pandas', 'openpyxl', 'docx', 'python_calamine'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=NEUTRAL
    )
    return json.loads(done.stdout.replace("'", '"'))


def measure_big(work: Path, runs: int) -> str:
    """(l): check of the unit of tests/security/cases_bombs.py with 20,000 and 100,000 Realisasi rows."""
    sys.path.insert(0, str(HERE / "security"))
    from cases_bombs import big_realisasi

    seconds, cpu, peaks = {}, {}, {}
    for rows in (20_000, 100_000):
        folder = work / f"realisasi-{rows}"
        folder.mkdir()
        seconds[rows], peaks[rows] = median(
            [*ZI, "check", str(big_realisasi(folder / "zi.xlsx", rows))], runs
        )
        cpu[rows] = statistics.median(CPU_SECONDS[-runs:])
    return (
        f"(l) check of a Realisasi of 20,000 rows: {seconds[20_000]:.2f} s, CPU {cpu[20_000]:.2f} s, peak "
        f"{peaks[20_000]} MB; of 100,000 rows: {seconds[100_000]:.2f} s, CPU {cpu[100_000]:.2f} s "
        f"(= {cpu[100_000] / cpu[20_000]:.1f} x), peak {peaks[100_000]} MB (targets < 30 s, < 1024 MB)"
    )


def with_setting(source: Path, target: Path, name: str, value: str) -> Path:
    """A copy of the workbook `source` with one Pengaturan setting changed."""
    from openpyxl import load_workbook

    book = load_workbook(source)
    for row in book["Pengaturan"].iter_rows(min_row=2):
        if row[0].value == name:
            row[1].value = value
    book.save(target)
    return target


def measure_nilai(work: Path, runs: int) -> str:
    """(e): `nilai` on a unit workbook whose 137 LKE items are all answered, each naming an evidence file."""
    from factory import fill_lke, random_answers, unit_workbook

    answers = random_answers("90-2021", seed=14)
    (work / "Bukti Dukung").mkdir()
    for code in answers:
        (work / "Bukti Dukung" / f"{code}.pdf").write_bytes(b"%PDF-1.4")
    lke = fill_lke(unit_workbook(work / "lke.xlsx"), answers, {c: f"Bukti Dukung/{c}.pdf" for c in answers})
    scored, _ = median([*ZI, "nilai", str(lke)], runs)
    floor, _ = median([sys.executable, "-c", NILAI_IMPORTS], runs)
    from lke_official import sample_answers, write_filled

    official = write_filled(work / "LKE-unit.xlsx", sample_answers(3))
    official_scored, _ = median([*ZI, "nilai", str(official)], runs)
    return (
        f"(e) nilai, 137-item LKE: {scored:.2f} s; import floor {floor:.2f} s; beyond the floor "
        f"{scored - floor:.2f} s (target well under 1 s)\n"
        f"(e2) nilai, official LKE workbook: {official_scored:.2f} s; beyond the floor "
        f"{official_scored - floor:.2f} s (target <= 0.3 s)"
    )


def measure_roll(work: Path, runs: int) -> str:
    """(m): next year's workbook from the example, a whole process, against the imports it cannot avoid."""
    target = work / "tahun-baru.xlsx"
    rolled, _ = median([*ZI, "init", str(target), "--dari", str(EXAMPLE), "--tahun", "2020", "--timpa"], runs)
    floor, _ = median([sys.executable, "-c", ROLL_IMPORTS], runs)
    return (
        f"(m) init --dari the example: {rolled:.2f} s; import floor {floor:.2f} s; beyond the floor "
        f"{rolled - floor:.2f} s (target <= 0.5 s)"
    )


def read_times(plain: Path, runs: int) -> tuple[float, float]:
    """The least CPU time (s) of reading `plain` in process, and of a copy with 4,000 formatted number cells.

    -- CPU time and the least of many runs: the cost of the pass itself, steady on a busy machine. --
    """
    from openpyxl import load_workbook

    from zi_sheets.reading.workbook import read_workbook

    styled = plain.with_name("berformat.xlsx")
    book = load_workbook(plain)
    plan = book["RencanaAksi"]
    for row in range(2, plan.max_row + 1):
        plan.cell(row, 10, row / 3000).number_format = "0%"
        plan.cell(row, 11, row * 1000).number_format = "#,##0"
    book.save(styled)
    least = []
    for path in (plain, styled):
        samples = []
        for _ in range(max(runs, 5) * 3):
            started = time.process_time()
            read_workbook(path)
            samples.append(time.process_time() - started)
        least.append(min(samples))
    return least[0], least[1]


STAGES = ("import", "read", "analyse", "checks", "documents")


def stages(path: Path, output: Path) -> dict[str, float]:
    """Seconds of each stage of one build of `path` in this process (run in a fresh one)."""
    started = time.perf_counter()
    from zi_sheets.delivery import builder

    seconds = {"import": time.perf_counter() - started}
    for name, stage in (("read_workbook", "read"), ("analyse", "analyse"), ("run_checks", "checks")):
        original = getattr(builder, name)

        def timed(*args: object, _original=original, _stage=stage) -> object:
            begun = time.perf_counter()
            try:
                return _original(*args)
            finally:
                seconds[_stage] = time.perf_counter() - begun

        setattr(builder, name, timed)
    begun = time.perf_counter()
    builder.build(path, builder.BuildOptions(output=output))
    total = time.perf_counter() - begun
    seconds["documents"] = total - seconds["read"] - seconds["analyse"] - seconds["checks"]
    return seconds


def median_stages(path: Path, output: Path, runs: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--stages", str(path), str(output)]
    samples = [
        json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    ]
    return {stage: statistics.median(s[stage] for s in samples) for stage in STAGES}


def _as_installed() -> None:
    """Measure zi-sheets as pip installs it, with its modules' bytecode compiled: where the environment says
    PYTHONDONTWRITEBYTECODE (some CI and sandbox images do), every process would otherwise compile all of
    zi_sheets from source, a cost that grows with the code and that no installed user pays."""
    import compileall
    import importlib.util

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    spec = importlib.util.find_spec("zi_sheets")
    for folder in spec.submodule_search_locations if spec and spec.submodule_search_locations else []:
        compileall.compile_dir(folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--nilai", action="store_true", help="measure only (e)")
    parser.add_argument(
        "--only",
        choices=["ij", "start", "big", "roll"],
        help="measure only (i) and (j), the slow ones, the start times (a), (c) and (k), (l) or (m)",
    )
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of (i) and (j)")
    parser.add_argument("--stages", nargs=2, type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    _as_installed()
    if arguments.stages:
        print(json.dumps(stages(*arguments.stages)))
        return
    runs = arguments.runs
    work = Path(tempfile.mkdtemp(prefix="zi-bench-"))
    heading = f"medians of {runs} runs, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
    # -- one measure alone: its lines under the heading, the work folder removed whatever happens
    alone = {
        "nilai": lambda: [measure_nilai(work, runs)],
        "start": lambda: list(measure_start(work, runs)),
        "big": lambda: [measure_big(work, runs)],
        "roll": lambda: [measure_roll(work, runs)],
        "ij": lambda: list(measure_pdf_and_batch(work, arguments.batch_runs)),
    }
    chosen = "nilai" if arguments.nilai else arguments.only
    if chosen in alone:
        if chosen == "ij":
            heading = f"medians of {arguments.batch_runs} runs, {os.cpu_count()} cores"
        try:
            print(heading, *alone[chosen](), sep="\n")
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return
    from factory import unit_workbook

    try:
        batch_lines = measure_pdf_and_batch(work, arguments.batch_runs)
        plans = {n: unit_workbook(work / f"rencana-{n}.xlsx", rows=n) for n in (2000, 4000)}
        matrix = with_setting(plans[2000], work / "matriks-2000.xlsx", "Bentuk Monev", "Matriks Rencana Aksi")
        bare, _ = median([sys.executable, "-c", FLOOR], runs)
        example, example_mb = median([*ZI, "build", str(EXAMPLE), "-o", str(work / "a")], runs)
        big, big_mb = median([*ZI, "build", str(plans[2000]), "-o", str(work / "b")], runs)
        bigger, _ = median([*ZI, "build", str(plans[4000]), "-o", str(work / "c")], runs)
        realised, _ = median([*ZI, "build", str(matrix), "-o", str(work / "e")], runs)
        helped, _ = median([*ZI, "--help"], runs)
        checked, _ = median([*ZI, "check", str(EXAMPLE)], runs)
        nilai = measure_nilai(work, runs)
        big_inputs = measure_big(work, runs)
        roll = measure_roll(work, runs)
        read_plain, read_styled = read_times(plans[2000], runs)
        inside = median_stages(plans[2000], work / "d", runs)
        heavy = help_imports()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(heading)
    print(
        f"(a) {FLOOR}: {bare:.2f} s; build example: {example:.2f} s "
        f"= {example / bare:.2f} x (target <= 1.6 x); peak {example_mb} MB"
    )
    print(
        f"(b) build 2,000-row plan: {big:.2f} s = {big / bare:.2f} x the floor of (a) (target <= 1.5 s); "
        f"4,000 rows: {bigger:.2f} s "
        f"= {bigger / big:.2f} x (target <= 2.2 x)"
    )
    print(f"(c) zi-sheets --help: {helped:.2f} s (target <= 0.2 s); heavy libraries imported: {heavy}")
    print(f"(d) peak memory of (b): {big_mb} MB")
    print(nilai)
    print(
        f"(f) read 2,000-row plan in process (least CPU time): {read_plain * 1000:.0f} ms; with 4,000 "
        f"formatted numbers: {read_styled * 1000:.0f} ms"
    )
    print("(g) stages of (b) in the process: " + ", ".join(f"{s} {inside[s]:.2f} s" for s in STAGES))
    print(f"(h) build 2,000-row plan, Monev as Matriks Rencana Aksi: {realised:.2f} s")
    print(*batch_lines, sep="\n")
    print(f"(k) zi-sheets check of the example: {checked:.2f} s = {checked / bare:.2f} x the floor of (a)")
    print(big_inputs)
    print(roll)


if __name__ == "__main__":
    main()
