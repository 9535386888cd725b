"""Print the corpus report on real plans: per workbook of tests/data/corpus/ and the bundled example, the
findings by severity and code, the judgement of each (labels.toml: benar / salah / ganda, or belum dinilai),
the findings judged false, and the listed defects (defects.json) found and missed (defect_findings.toml).

    python scripts/corpus_real.py [--template] [WORKBOOK ...]

To label new findings (after a check changes): run with --template, paste the printed lines under the
workbook's table in tests/data/corpus/labels.toml ("<code> <cell>" = [judgement, why]) and correct each
judgement; labels whose finding is gone are listed too, to delete. A defect a check now finds: set its status
in defect_findings.toml to "found" (then tests/checks/test_corpus_real.py keeps it found). The file formats
are described in tests/corpus_real.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus_real import measure, render, workbooks  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbooks", nargs="*", type=Path, help="bawaan: korpus dan contoh bawaan")
    parser.add_argument("--template", action="store_true", help="temuan belum dinilai sebagai baris TOML")
    args = parser.parse_args()
    for index, path in enumerate(args.workbooks or workbooks()):
        print(("\n" if index else "") + render(measure(path), template=args.template))


if __name__ == "__main__":
    main()
