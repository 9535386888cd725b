"""Class 2: Bukti Dukung links that point at this computer, its network or the cloud metadata address,
followed by `zi-sheets nilai --cek-tautan`. Servers listen on the loopback addresses the links name, so
that a connection would be seen twice: by the guard's audit hook and by the server itself."""

from __future__ import annotations

import contextlib
import re
import socket
from pathlib import Path

from factory import extreme_answers, fill_lke, lke_row
from hostile import Case, Outcome, Run
from local_server import LocalServer, respond

from zi_sheets.template.new_workbook import write_template

# -- (LKE item, link with {port}, the finding it must get); one item each, so each finding has its own cell
LINKS = [
    ("P.1.i.a", "http://127.0.0.1:{port}/bukti.pdf", "lke-link-refused"),
    ("P.1.i.b", "http://169.254.169.254/latest/meta-data/", "lke-link-refused"),
    ("P.1.ii.a", "http://localhost:{port}/", "lke-link-refused"),
    ("P.1.ii.b", "http://[::1]:{port}/", "lke-link-refused"),
    ("P.1.ii.c", "http://0x7f.1:{port}/", "lke-link-refused"),
    ("P.1.iii.a", "http://2130706433:{port}/", "lke-link-refused"),
    ("P.1.iii.b", "http://10.0.0.1/", "lke-link-refused"),
    ("P.1.iii.c", "http://bukti.contoh.invalid/sk.pdf", "lke-link-unreachable"),
]


def _ipv6_loopback() -> bool:
    try:
        with socket.create_server(("::1", 0), family=socket.AF_INET6):
            return True
    except OSError:
        return False


def _links_to_local_addresses(home: Path, elsewhere: Path, cleanups: contextlib.ExitStack) -> Run:
    servers = [cleanups.enter_context(LocalServer(respond()))]
    port = servers[0].port
    if _ipv6_loopback():
        servers.append(cleanups.enter_context(LocalServer(respond(), host="::1", port=port)))
    workbook = write_template(home / "zi.xlsx")
    fill_lke(workbook, extreme_answers("90-2021"), {code: link.format(port=port) for code, link, _ in LINKS})
    cells = {code: f"LKE!G{lke_row(workbook, code)}" for code, _, _ in LINKS}

    def every_link_is_a_finding_and_none_was_opened(home: Path, outcome: Outcome) -> None:
        for code, link, expected in LINKS:
            shown = link.format(port=port)
            line = f"{cells[code]}  peringatan  {expected}  Tautan Bukti Dukung {code} '{shown}'"
            assert line in outcome.output, (line, outcome.output)
        said = re.findall(r"tidak dibuka: servernya beralamat (\S+) \(", outcome.output)
        assert len(said) == len(LINKS) - 1, outcome.output
        assert [server.accepted for server in servers] == [0] * len(servers)

    return Run(
        ["nilai", "zi.xlsx", "--cek-tautan"],
        frozenset({0}),  # -- a refused link is a warning (README "Kode keluar")
        r"bukan alamat internet publik",
        then=every_link_is_a_finding_and_none_was_opened,
    )


CASES = [Case("nilai-links-to-local-addresses", 2, _links_to_local_addresses)]
