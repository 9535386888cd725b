"""Snapshot what zi-sheets prints and writes, to show that a change meant to keep behaviour keeps it.

    python scripts/same_outputs.py inputs DIR          # write the input workbooks once (with this checkout)
    python scripts/same_outputs.py snapshot DIR OUT    # run every command on them, dump the results to OUT
    diff -r OUT_BEFORE OUT_AFTER                       # empty: nothing changed

Run `snapshot` with the old checkout's package first (PYTHONPATH=/path/to/old), then with the new one, on the
same inputs. What is dumped: `check --format json` and `check` text, `nilai --format json`, every document
`build` writes (as tests/docx_dump.py text: sections, paragraphs, tables), the workbooks `init`,
`nilai -o` and `rekap` write (every cell), and each exit code and stderr with the folder names taken out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

# -- (name, extra build options); every workbook is built once per set
BUILDS: list[tuple[str, list[str]]] = [
    ("default", []),
    ("semester-1", ["--semester", "1"]),
    ("triwulan-2", ["--triwulan", "2"]),
]


def write_inputs(folder: Path) -> None:
    """The workbooks every snapshot runs on: the example, the real corpus plan and the factory's kinds."""
    from factory import filled_template, realisation_workbook, unit_workbook

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(
        ROOT / "workbook_templates" / "contoh-pasirian-2019.xlsx", folder / "contoh-pasirian-2019.xlsx"
    )
    shutil.copy(ROOT / "tests" / "data" / "corpus" / "patp-2021.xlsx", folder / "patp-2021.xlsx")
    unit_workbook(folder / "factory-2024.xlsx", unit="Kecamatan Contoh", year=2024, monev_months=3)
    filled_template(folder / "filled-52-2014.xlsx", regulasi="52-2014", tahun=2019)
    filled_template(folder / "filled-90-2021.xlsx")
    realisation_workbook(folder / "realisation.xlsx")


def _run(args: list[str], cwd: Path) -> tuple[int, str, str]:
    # -- the entry point moved with issue 21 (zi_sheets.cli -> zi_sheets.cli.commands); older checkouts too
    code = (
        "import sys\ntry:\n    from zi_sheets.cli.commands import main\nexcept ImportError:\n"
        "    from zi_sheets.cli import main\nsys.argv[0] = 'zi-sheets'\nmain()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, env=os.environ.copy()
    )
    return done.returncode, done.stdout, done.stderr


def _cells(path: Path) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        lines.append(f"== {sheet.title} {sheet.max_row}x{sheet.max_column}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    lines.append(f"{cell.coordinate}\t{cell.value!r}")
        rules = [(v.type, v.formula1, str(v.sqref)) for v in sheet.data_validations.dataValidation]
        lines.append(f"validations {rules}")
    return "\n".join(lines) + "\n"


def snapshot(inputs: Path, out: Path) -> None:
    from docx_dump import dump_docx

    out.mkdir(parents=True, exist_ok=True)
    work = out / "_work"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(inputs, work)

    def record(name: str, result: tuple[int, str, str]) -> None:
        code, stdout, stderr = result
        (out / f"{name}.txt").write_text(
            f"exit {code}\n--- stdout\n{stdout}\n--- stderr\n{stderr.replace(str(work), '<work>')}",
            encoding="utf-8",
        )

    for workbook in sorted(work.glob("*.xlsx")):
        stem = workbook.stem
        record(f"{stem}.check-json", _run(["check", "--format", "json", workbook.name], work))
        record(f"{stem}.check-text", _run(["check", workbook.name], work))
        record(f"{stem}.nilai-json", _run(["nilai", "--format", "json", workbook.name], work))
        nilai_out = work / f"nilai-{stem}"
        record(f"{stem}.nilai-o", _run(["nilai", workbook.name, "-o", nilai_out.name], work))
        for path in sorted(nilai_out.rglob("*")) if nilai_out.exists() else []:
            if path.suffix == ".docx":
                (out / f"{stem}.nilai.{path.name}.txt").write_text(dump_docx(path), encoding="utf-8")
            elif path.suffix == ".xlsx":
                (out / f"{stem}.nilai.{path.name}.cells").write_text(_cells(path), encoding="utf-8")
        for build_name, options in BUILDS:
            target = work / f"out-{stem}-{build_name}"
            record(
                f"{stem}.build-{build_name}",
                _run(["build", workbook.name, "-o", target.name, *options], work),
            )
            for path in sorted(target.rglob("*.docx")) if target.exists() else []:
                (out / f"{stem}.build-{build_name}.{path.name}.txt").write_text(
                    dump_docx(path), encoding="utf-8"
                )
    for regulasi in ("90-2021", "52-2014"):
        name = f"init-{regulasi}.xlsx"
        record(
            f"init-{regulasi}",
            _run(
                ["init", name, "--unit-kerja", "Kecamatan Uji", "--tahun", "2025", "--regulasi", regulasi],
                work,
            ),
        )
        if (work / name).exists():
            (out / f"init-{regulasi}.cells").write_text(_cells(work / name), encoding="utf-8")
    record("rekap", _run(["rekap", ".", "-o", "rekap-all.xlsx"], work))
    if (work / "rekap-all.xlsx").exists():
        (out / "rekap.cells").write_text(_cells(work / "rekap-all.xlsx"), encoding="utf-8")
    record("catalogue-90", _run(["catalogue", "--regulasi", "90-2021"], work))
    record("catalogue-52", _run(["catalogue", "--regulasi", "52-2014"], work))
    shutil.rmtree(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("inputs").add_argument("folder", type=Path)
    snap = sub.add_parser("snapshot")
    snap.add_argument("inputs", type=Path)
    snap.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "inputs":
        write_inputs(args.folder)
    else:
        snapshot(args.inputs.resolve(), args.out.resolve())


if __name__ == "__main__":
    main()
