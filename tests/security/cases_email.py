"""Class 6: header injection in e-mail. A hostile Email Inspektorat, draft or --to must never add a header
or a recipient: `build --paket` refuses it naming the Identitas cell, `kirim` refuses before it connects.

The harness forbids any connection to a non-public address, loopback included, so these cases hold the
refusals (exit 3, no connection at all); delivery to exactly the listed recipients is asserted against a
real local SMTP server in tests/delivery/test_kirim.py.
"""

from __future__ import annotations

import contextlib
import email
from email import policy
from pathlib import Path

from factory import unit_workbook
from hostile import Case, Outcome, Run
from openpyxl import load_workbook

INSPEKTORAT = "inspektorat@contoh.go.id"
SPY = "someone@else.example"
# -- a port nothing listens on, on loopback: a connection attempt would be seen by the guard and refused
SMTP = {
    "ZI_SHEETS_SMTP_HOST": "127.0.0.1",
    "ZI_SHEETS_SMTP_PORT": "9",
    "ZI_SHEETS_SMTP_SECURITY": "none",
    "ZI_SHEETS_SMTP_FROM": "tim-zi@contoh.go.id",
    "ZI_SHEETS_SMTP_TIMEOUT": "2",
}


def _no_draft_and_no_connection(home: Path, outcome: Outcome) -> None:
    assert outcome.connections == []
    assert not list((home / "hasil").rglob("*.eml")) and not list((home / "hasil").rglob("*.zip"))


def _as_typed(path: Path, field: str, text: str) -> Path:
    """`text` into the Identitas field as a text cell, as typed in Excel (openpyxl would make "=?…" a
    formula)."""
    book = load_workbook(path)
    for row in book["Identitas"].iter_rows(min_row=2):
        if row[0].value == field:
            row[1].value, row[1].data_type = text, "s"
    book.save(path)
    return path


def _build_refusing(value: str) -> object:
    def make(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        _as_typed(unit_workbook(home / "zi.xlsx"), "Email Inspektorat", value)
        return Run(
            ["build", "zi.xlsx", "-o", "hasil", "--paket"],
            frozenset({3}),
            r"zi-sheets: Email Inspektorat di Identitas!B\d+ berisi (alamat surel yang tidak valid|karakter "
            r"kendali)",
            output="hasil",
            then=_no_draft_and_no_connection,
        )

    return make


def _unit_name_with_a_header(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    unit_workbook(home / "zi.xlsx", unit=f"Kecamatan Contoh\r\nBcc: {SPY}\u2028X")

    def one_line_subject_and_only_the_inspektorat(home: Path, outcome: Outcome) -> None:
        (eml,) = (home / "hasil").rglob("*.eml")
        message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
        assert message["Bcc"] is None and message["Cc"] is None
        assert [a.addr_spec for a in message["To"].addresses] == [INSPEKTORAT]
        assert SPY in str(message["Subject"]) and not any(c in str(message["Subject"]) for c in "\r\n\u2028")
        assert set(message.keys()) <= {"To", "Subject", "Date", "X-Unsent", "MIME-Version", "Content-Type"}

    return Run(
        ["build", "zi.xlsx", "-o", "hasil", "--paket"],
        frozenset({0, 1}),
        r"ditulis: .*\.eml",
        output="hasil",
        then=one_line_subject_and_only_the_inspektorat,
    )


def _kirim_refusing(headers: str, *options: str, says: str) -> object:
    def make(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
        (home / "paket").mkdir()
        body = "Subject: Dokumen ZI\r\nX-Unsent: 1\r\n\r\nisi\r\n"
        (home / "paket" / "draf.eml").write_bytes((headers + body).encode())

        def nothing_sent(home: Path, outcome: Outcome) -> None:
            assert outcome.connections == []  # -- refused before connecting: not even a public address

        return Run(["kirim", "paket/draf.eml", *options], frozenset({3}), says, env=SMTP, then=nothing_sent)

    return make


CASES = [
    Case("email-inspektorat-crlf-bcc", 6, _build_refusing(f"{INSPEKTORAT}\r\nBcc: {SPY}")),
    Case("email-inspektorat-lf-bcc", 6, _build_refusing(f"{INSPEKTORAT}\nBcc: {SPY}")),
    Case("email-inspektorat-group", 6, _build_refusing(f"Tim: {INSPEKTORAT}, {SPY};")),
    Case(
        "email-inspektorat-encoded-crlf",
        6,
        _build_refusing(f"=?utf-8?q?Insp=0D=0ABcc=3A_someone=40else=2Eexample?= <{INSPEKTORAT}>"),
    ),
    Case("email-inspektorat-tab", 6, _build_refusing(f"{INSPEKTORAT}\tBcc: {SPY}")),
    Case("email-unit-name-crlf-subject", 6, _unit_name_with_a_header),
    Case(
        "kirim-draft-with-bcc",
        6,
        _kirim_refusing(
            f"To: {INSPEKTORAT}\r\nBcc: {SPY}\r\n", says=r"zi-sheets: Draf surel draf\.eml berisi header Bcc"
        ),
    ),
    Case(
        "kirim-draft-encoded-crlf",
        6,
        _kirim_refusing(
            f"To: =?utf-8?q?Insp=0D=0ABcc=3A_someone=40else=2Eexample?= <{INSPEKTORAT}>\r\n",
            says=r"zi-sheets: Header To draf surel draf\.eml berisi karakter kendali",
        ),
    ),
    Case(
        "kirim-draft-group",
        6,
        _kirim_refusing(
            f"To: Tim: {INSPEKTORAT}, {SPY};\r\n",
            says=r"zi-sheets: Header To draf surel draf\.eml bukan daftar alamat surel yang sah",
        ),
    ),
    Case(
        "kirim-to-crlf",
        6,
        _kirim_refusing(
            f"To: {INSPEKTORAT}\r\n",
            "--to",
            f"{INSPEKTORAT}\r\nBcc: {SPY}",
            says=r"zi-sheets: Alamat tujuan \(--to\) berisi karakter kendali",
        ),
    ),
]
