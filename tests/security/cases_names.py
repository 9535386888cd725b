"""Class 7: file names that look like options (`--help.xlsx`, `-o.xlsx`) are files wherever a folder or a
list of files is read, and are escaped in every output (xlsx cells, messages), as are names holding a line
break or a terminal escape."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from factory import fill_lke, unit_workbook
from hostile import Case, Outcome, Run
from openpyxl import load_workbook

OPTION_NAMES = ("--help.xlsx", "-o.xlsx", "--version.xlsx", "-.xlsx")
HELP_TEXT = "Periksa workbook terhadap katalog LKE"  # -- the first line of `check --help`
SUMMARY = r"komponen \d+ dari \d+"


def _units(folder: Path, names: tuple[str, ...]) -> None:
    folder.mkdir(exist_ok=True)
    for number, name in enumerate(names, start=1):
        unit_workbook(folder / name, unit=f"Kecamatan Nomor {number}")


def _not_help(home: Path, outcome: Outcome) -> None:
    assert HELP_TEXT not in outcome.output and "Tampilkan pesan ini" not in outcome.output


def _check_file(*args: str) -> object:
    def make(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        _units(home, ("--help.xlsx", "-o.xlsx"))

        def checked_as_a_workbook(home: Path, outcome: Outcome) -> None:
            _not_help(home, outcome)
            assert len(re.findall(SUMMARY, outcome.output)) == len([a for a in args if a.endswith(".xlsx")])

        return Run(["check", *args], frozenset({0, 1}), SUMMARY, then=checked_as_a_workbook)

    return make


def _check_option_like_word(word: str) -> object:
    def make(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        _units(home, (word,))
        return Run(
            ["check", word],
            frozenset({2}),
            rf"Opsi '{re.escape(word)}' tidak dikenal; bila itu nama berkas, tulis \./{re.escape(word)} atau "
            rf"letakkan -- sebelum",
            then=_not_help,
        )

    return make


def _short_option_with_a_file_name(command: str) -> object:
    """`-o.xlsx` after a command whose -o takes a value: -o with ".xlsx", refused, never a folder ".xlsx"."""

    def make(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        _units(home, ("-o.xlsx", "zi.xlsx"))

        def no_folder_named_after_it(home: Path, outcome: Outcome) -> None:
            assert not (home / ".xlsx").exists()

        return Run(
            [command, "zi.xlsx", "-o.xlsx"],
            frozenset({2}),
            r"'-o\.xlsx' terbaca sebagai opsi -o dengan nilai '\.xlsx'; bila -o\.xlsx nama berkas, tulis "
            r"\./-o\.xlsx",
            then=no_folder_named_after_it,
        )

    return make


def _check_folder(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _units(home / "kiriman", OPTION_NAMES)

    def every_name_checked(home: Path, outcome: Outcome) -> None:
        _not_help(home, outcome)
        headed = re.findall(r"^== (.*)$", outcome.output, re.MULTILINE)
        assert sorted(headed) == sorted(f"kiriman/{name}" for name in OPTION_NAMES)
        assert f"{len(OPTION_NAMES)} workbook:" in outcome.output

    return Run(["check", "kiriman"], frozenset({0, 1}), r"workbook: \d+ tanpa galat", then=every_name_checked)


def _rekap_folder(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _units(home / "kiriman", OPTION_NAMES)

    def names_escaped_in_cells(home: Path, outcome: Outcome) -> None:
        book = load_workbook(home / "rekap.xlsx")
        berkas = [cell for cell in book["Ringkasan"]["B"][1:]]
        assert sorted(cell.value for cell in berkas) == sorted("'" + name for name in OPTION_NAMES)
        assert {cell.data_type for cell in berkas} == {"s"}

    return Run(
        ["rekap", "kiriman"],
        frozenset({0, 1}),
        r"ditulis: rekap\.xlsx",
        may_write=["rekap.xlsx"],
        then=names_escaped_in_cells,
    )


def _build_folder_pdf(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _units(home / "kiriman", ("--help.xlsx", "-o.xlsx"))

    def built_with_safe_names(home: Path, outcome: Outcome) -> None:
        written = list((home / "hasil").rglob("*"))
        assert not [p for p in written if p.name.startswith("-")]
        documents = [p for p in written if p.suffix == ".docx"]
        assert len({p.parent for p in documents}) == 2
        if "LibreOffice tidak ditemukan" not in outcome.output:  # -- each document got its PDF
            assert sorted(p.with_suffix(".pdf") for p in documents) == sorted(
                p for p in written if p.suffix == ".pdf"
            )

    return Run(
        ["build", "kiriman", "-o", "hasil", "--pdf", "--paket"],
        frozenset({0, 1}),
        r"ditulis: hasil/",
        output="hasil",
        # -- LibreOffice's desktop layer (dconf) makes ~/.config and ~/.cache/dconf in a home that has none,
        # -- as on a machine where LibreOffice never ran; the tool itself writes nothing there
        may_write=[".config", ".cache", ".cache/*"],
        then=built_with_safe_names,
    )


def _nilai_file(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _units(home, ("-o.xlsx",))
    fill_lke(home / "-o.xlsx", {"P.1.i.a": "Ya"})  # -- an LKE with no answer is no score (exit 1)

    def written_under_the_units_name(home: Path, outcome: Outcome) -> None:
        _not_help(home, outcome)
        assert [p.name for p in (home / "hasil").iterdir() if p.is_dir()] == ["kecamatan-nomor-1-2024"]

    return Run(
        ["nilai", "-o", "hasil", "--", "-o.xlsx"],
        frozenset({0, 1}),
        r"nilai total",
        output="hasil",
        then=written_under_the_units_name,
    )


def _init_file(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    def a_workbook_named_so(home: Path, outcome: Outcome) -> None:
        assert "Identitas" in load_workbook(home / "--help.xlsx").sheetnames

    return Run(
        ["init", "--", "--help.xlsx"],
        frozenset({0}),
        r"ditulis: --help\.xlsx",
        may_write=["--help.xlsx"],
        then=a_workbook_named_so,
    )


def _kirim_file(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    (home / "--help.eml").write_bytes(b"To: inspektorat@contoh.go.id\r\nSubject: x\r\n\r\nisi\r\n")

    def read_as_the_draft(home: Path, outcome: Outcome) -> None:
        _not_help(home, outcome)
        assert outcome.connections == []

    # -- no SMTP settings: the draft was taken as a file, then the missing server is named, no connection
    return Run(
        ["kirim", "--", "--help.eml"], frozenset({3}), r"Server SMTP belum diatur", then=read_as_the_draft
    )


_TRICK_NAMES = ("rapi.xlsx\nditulis: palsu.xlsx", "\x1b[2J\x1b[31mlayar.xlsx", "arah\u202excod.xlsx")


def _names_with_line_breaks_and_escapes(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    _units(home / "kiriman", _TRICK_NAMES)

    def shown_escaped(home: Path, outcome: Outcome) -> None:
        assert "\x1b" not in outcome.output and "\u202e" not in outcome.output
        assert not re.search(r"^ditulis: palsu\.xlsx", outcome.output, re.MULTILINE)
        assert "== kiriman/rapi.xlsx\\nditulis: palsu.xlsx" in outcome.output
        assert "== kiriman/\\x1b[2J\\x1b[31mlayar.xlsx" in outcome.output

    return Run(["check", "kiriman"], frozenset({0, 1}), r"3 workbook:", then=shown_escaped)


CASES = [
    Case("names-check-dashdash-help", 7, _check_file("--", "--help.xlsx")),
    Case("names-check-dot-slash", 7, _check_file("./-o.xlsx", "./--help.xlsx")),
    Case("names-check-help-word", 7, _check_option_like_word("--help.xlsx")),
    Case("names-check-short-option-word", 7, _check_option_like_word("-o.xlsx")),
    Case("names-build-short-option-value", 7, _short_option_with_a_file_name("build")),
    Case("names-nilai-short-option-value", 7, _short_option_with_a_file_name("nilai")),
    Case("names-rekap-short-option-value", 7, _short_option_with_a_file_name("rekap")),
    Case("names-check-folder", 7, _check_folder),
    Case("names-rekap-folder", 7, _rekap_folder),
    Case("names-build-folder-pdf", 7, _build_folder_pdf),
    Case("names-nilai-file", 7, _nilai_file),
    Case("names-init-file", 7, _init_file),
    Case("names-kirim-file", 7, _kirim_file),
    Case("names-line-breaks-and-escapes", 7, _names_with_line_breaks_and_escapes),
]
