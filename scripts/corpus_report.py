"""Print the corpus table: per finding code, the defects planted in the generated plans of twelve unit kinds,
those found, and the false positives; then the false positives per unit kind (tests/corpus.py).

    python scripts/corpus_report.py [--seeds 1 2 3] [--details]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import corpus_report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--details", action="store_true", help="list every missed and spurious finding")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = corpus_report(Path(folder), tuple(args.seeds))
    print(result.table())
    if args.details:
        print("\ntidak ditemukan:", *result.missed, sep="\n  ")
        print("\npositif palsu:", *result.spurious, sep="\n  ")


if __name__ == "__main__":
    main()
