"""Would Word open a .docx without a repair prompt? The OOXML schema check; the registry of written documents.

Word refuses or "repairs" a file whose XML breaks the schema (an element out of order in w:tcPr, an unknown
element) or that applies a style styles.xml does not define, where LibreOffice shows it without complaint; a
rendering check cannot see this. `word_problems` runs openxml-audit against the Microsoft 365 schemas plus a
check of every style reference; `WrittenDocuments` collects every document zi-sheets writes during a test
session so that each one is checked once, whichever test wrote it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from weakref import WeakSet

import docx
import docx.document
import pytest
from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
# -- every element through which a part names a style id: paragraph, run, table, numbering links; inside
# -- styles.xml the chains basedOn / next / link --
_APPLIED = ("pStyle", "rStyle", "tblStyle", "numStyleLink", "styleLink")
_CHAINED = ("basedOn", "next", "link")


@cache
def _validator() -> Any:
    # -- built once per process: loading the schemas takes about a second
    from openxml_audit import FileFormat, OpenXmlValidator

    return OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)


def word_problems(path: str | os.PathLike[str]) -> list[str]:
    """What in the .docx at `path` would make Word repair it; [] when nothing.

    Every finding openxml-audit reports counts, warnings included: on the documents zi-sheets writes it
    reports none, so there is nothing to filter (its Word heuristics about stylesWithEffects.xml fired only
    while the documents carried that stale part).
    """
    result = _validator().validate(str(path))
    problems = [
        str(error) for error in result.errors
    ]  # -- "[schema] /word/document.xml:/document[1]/...: ..."
    return problems + undefined_styles(path)


def undefined_styles(path: str | os.PathLike[str]) -> list[str]:
    """One line per style id that a part of the .docx at `path` applies but styles.xml does not define."""
    with zipfile.ZipFile(path) as package:
        parts = {
            name: etree.fromstring(package.read(name))
            for name in package.namelist()
            if name.startswith("word/") and name.endswith(".xml") and "/_rels/" not in name
        }
    styles = parts.pop("word/styles.xml", None)
    defined = set() if styles is None else set(styles.xpath("w:style/@w:styleId", namespaces=_NS))
    references = [
        (name, value)
        for name, root in parts.items()
        for tag in _APPLIED
        for value in root.xpath(f".//w:{tag}/@w:val", namespaces=_NS)
    ]
    if styles is not None:
        references += [
            ("word/styles.xml", value)
            for tag in _CHAINED
            for value in styles.xpath(f"w:style/w:{tag}/@w:val", namespaces=_NS)
        ]
    return [
        f"/{name}: names style '{value}', which styles.xml does not define"
        for name, value in sorted(set(references))
        if value not in defined
    ]


# ---------------------------------------------------------------------------------------------------------
# The session's registry


def _content_key(path: str | os.PathLike[str]) -> tuple[tuple[str, int], ...]:
    # -- the zip's member checksums: the same content saved twice differs only in the zip's timestamps
    with zipfile.ZipFile(path) as package:
        return tuple(sorted((info.filename, info.CRC) for info in package.infolist()))


@dataclass(frozen=True)
class Written:
    """One document a test session wrote: its copy, the name it was saved under, the test that saved it."""

    copy: Path
    name: str
    test: str


class WrittenDocuments:
    """Every .docx that zi-sheets code creates and saves while `recording()`, copied under `folder` and
    checked by `word_problems` in worker programs while the tests go on.

    -- A document counts when zi-sheets created it (python-docx's `Document()` called from the zi_sheets
    -- package: `new_document`, a --docx-template), so the inputs tests build by hand, some of them broken
    -- on purpose, are left out. Saving is watched on python-docx's Document class, so every path counts:
    -- `build()` and the CLI through `save_atomic`, tests saving a rendered document themselves. A copy is
    -- taken at once because tests delete or overwrite their files and `save_atomic` renames its
    -- temporary file. The copies are the registry: a batch build's forked workers inherit the watch and
    -- leave their copies in the same folder, which `validate` reads. A `zi-sheets` started as a new
    -- program (subprocess) is not watched; the suite builds in-process.
    -- The checkers are separate programs fed paths on stdin, not a process pool: a pool's threads in the
    -- test process would make every later fork (the batch's, the chart worker's) unsafe. --
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._owner = os.getpid()
        self._checks: dict[tuple[tuple[str, int], ...], Written] = {}
        self._checked_by: dict[Path, subprocess.Popen[str]] = {}
        self._workers: list[subprocess.Popen[str]] = []

    @contextmanager
    def recording(self) -> Iterator[WrittenDocuments]:
        """Watch python-docx while the block runs; the checkers stop with it."""
        created: WeakSet[Any] = WeakSet()  # -- the document parts zi-sheets created
        create, save = docx.Document, docx.document.Document.save

        def tracked_create(*args: Any, **kwargs: Any) -> docx.document.Document:
            document = create(*args, **kwargs)
            if sys._getframe(1).f_globals.get("__name__", "").startswith("zi_sheets."):
                created.add(document.part)
            return document

        def tracked_save(document: docx.document.Document, path_or_stream: Any) -> None:
            save(document, path_or_stream)
            if document.part in created:
                self._keep(document, path_or_stream, save)

        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(docx, "Document", tracked_create)
                patch.setattr(docx.document.Document, "save", tracked_save)
                yield self
        finally:
            for worker in self._workers:
                worker.kill()
                worker.wait()
                if worker.stdin is not None:
                    with suppress(OSError):  # -- a pipe to a stopped program may refuse its last flush
                        worker.stdin.close()

    def _keep(self, document: docx.document.Document, target: Any, save: Callable[..., None]) -> None:
        # -- the folder too: save_atomic saves under a temporary name (".~abc.docx") in the output folder
        name = "/".join(Path(target).parts[-2:]) if isinstance(target, str | os.PathLike) else "(stream)"
        handle, copy = tempfile.mkstemp(dir=self.folder, suffix=".docx")
        os.close(handle)
        if isinstance(target, str | os.PathLike):
            shutil.copyfile(target, copy)
        else:
            save(document, copy)
        test = os.environ.get("PYTEST_CURRENT_TEST", "(outside a test)").rsplit(" ", 1)[0]
        Path(copy).with_suffix(".json").write_text(json.dumps({"name": name, "test": test}))
        if os.getpid() == self._owner:  # -- a forked worker leaves its copy for the session to find
            self._check(Path(copy))

    def _check(self, copy: Path) -> None:
        # -- the same document is often written by several tests: check each content once
        key = _content_key(copy)
        if key in self._checks:
            return
        about = json.loads(copy.with_suffix(".json").read_text())
        self._checks[key] = Written(copy, **about)
        if not self._workers:
            self._workers = [self._start_checker(n) for n in range(os.cpu_count() or 1)]
        worker = self._workers[len(self._checks) % len(self._workers)]
        assert worker.stdin is not None
        worker.stdin.write(f"{copy}\n")
        worker.stdin.flush()
        self._checked_by[copy] = worker

    def _start_checker(self, number: int) -> subprocess.Popen[str]:
        script = Path(__file__)
        with (self.folder / f"checker-{number}.log").open("w") as log:
            return subprocess.Popen(
                [sys.executable, str(script)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=log,
                text=True,
                cwd=script.parent,
            )

    def _result(self, copy: Path) -> tuple[list[str], float]:
        result = copy.with_suffix(".result")
        while not result.exists():
            if self._checked_by[copy].poll() is not None and not result.exists():
                raise RuntimeError(
                    f"the OOXML checker stopped before {copy}: see {self.folder}/checker-*.log"
                )
            time.sleep(0.02)
        found = json.loads(result.read_text())
        return found["problems"], found["seconds"]

    def problems(self, path: Path) -> list[str]:
        """`word_problems` of the .docx at `path`, taken from the session's check of the same content
        (a document this session wrote is checked once, however many tests ask)."""
        written = self._checks.get(_content_key(path))
        return word_problems(path) if written is None else self._result(written.copy)[0]

    def validate(self) -> Report:
        """Wait for every check and return what was found; the seconds count only the wait."""
        started = time.perf_counter()
        copies = sorted(self.folder.glob("*.docx"), key=lambda path: path.stat().st_mtime_ns)
        for copy in copies:
            if copy not in self._checked_by:
                self._check(copy)
        for worker in self._workers:
            assert worker.stdin is not None
            worker.stdin.close()  # -- end of input: each checker finishes its queue and exits
        found = [(written, *self._result(written.copy)) for written in self._checks.values()]
        return Report(
            written=len(copies),
            validated=len(found),
            problems=[(written, lines) for written, lines, _ in found if lines],
            work_seconds=sum(seconds for _, _, seconds in found),
            wait_seconds=time.perf_counter() - started,
        )


@dataclass(frozen=True)
class Report:
    """What `WrittenDocuments.validate` found: counts, the documents with problems, and the cost: the CPU
    seconds the checks took in their worker processes and the seconds the session waited for them."""

    written: int
    validated: int
    problems: list[tuple[Written, list[str]]]
    work_seconds: float
    wait_seconds: float

    def summary(self) -> str:
        """One line for the end of the test output."""
        return (
            f"OOXML schema: {self.validated} distinct .docx validated ({self.written} written by the "
            f"tests), {len(self.problems)} with problems; {self.work_seconds:.1f} s of checks on other "
            f"processes, the session waited {self.wait_seconds:.1f} s for them"
        )

    def details(self) -> str:
        """Each document with problems, the test that wrote it, and its problems."""
        lines = []
        for written, problems in self.problems:
            lines.append(f"{written.name} written by {written.test} (copy: {written.copy})")
            lines += [f"  {problem}" for problem in problems[:_SHOWN]]
            if len(problems) > _SHOWN:
                lines.append(f"  ... and {len(problems) - _SHOWN} more")
        return "\n".join(lines)


_SHOWN = 5  # -- problems shown per document: a broken row writer breaks every row of every table


def _serve() -> None:
    """The checker program: for each .docx path read from stdin, write its problems beside it as JSON."""
    for line in sys.stdin:
        path = Path(line.strip())
        started = time.process_time()
        problems = word_problems(path)
        temporary = path.with_suffix(".partial")
        temporary.write_text(json.dumps({"problems": problems, "seconds": time.process_time() - started}))
        temporary.replace(path.with_suffix(".result"))  # -- whole or absent: the session polls for it


if __name__ == "__main__":
    _serve()
