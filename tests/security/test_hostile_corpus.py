"""The hostile corpus (issue 30): every case of every class, run in its own guarded process (hostile.py)."""

from __future__ import annotations

import importlib
import socket
import threading
from pathlib import Path

import pytest
from hostile import GUARD, Case, is_public, run_case

CASES: list[Case] = [
    case
    for module in sorted(Path(__file__).parent.glob("cases_*.py"))
    for case in importlib.import_module(module.stem).CASES
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    run_case(case, tmp_path)


def test_the_corpus_has_every_class() -> None:
    assert {case.kind for case in CASES} == set(range(1, 8))
    assert len({case.id for case in CASES}) == len(CASES)


def test_the_guard_sees_a_connection_to_loopback(tmp_path: Path) -> None:
    """The corpus's no-connection rule is only as good as the guard: it must see a connection it forbids."""
    import json
    import subprocess
    import sys

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    accepted = threading.Thread(target=lambda: listener.accept()[0].close(), daemon=True)
    accepted.start()
    log = tmp_path / "guard.json"
    code = f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=5).close()"
    subprocess.run([sys.executable, str(GUARD), str(log), "-c", code], check=True, timeout=30)
    listener.close()
    connections = json.loads(log.read_text())["connections"]
    assert connections == [["127.0.0.1", str(port)]]
    assert not is_public(connections[0])
    assert is_public(["93.184.215.14", "443"])
