"""Run zi-sheets as a user would, recording what the hostile corpus forbids a run to do.

`python guarded.py LOG zi-sheets ARGS...` runs the command line; `python guarded.py LOG -c CODE` runs CODE
(the corpus's own test of this guard). At exit LOG holds, as JSON, every address the process asked a socket
to connect to (the `socket.connect` audit event, so nothing reaches the network unseen) and its peak
resident memory. The address space is capped so that a bomb ends this process, not the machine.

GUARD_FSIZE_LIMIT=BYTES (optional, read only here) makes the disk "full" for this process: no file it writes
may grow past BYTES (RLIMIT_FSIZE), and with SIGXFSZ ignored such a write fails with EFBIG, as a write to a
full disk fails with ENOSPC. It needs no root and no real full disk; the log above stays far below any
useful limit.
"""

from __future__ import annotations

import atexit
import json
import os
import resource
import signal
import sys

_CAP_BYTES = 4 * 1024**3

log_path, *rest = sys.argv[1:]
connections: list[list[str]] = []


def _audit(event: str, payload: tuple) -> None:
    if event == "socket.connect":
        address = payload[1]
        connections.append(
            [str(part) for part in address[:2]] if isinstance(address, tuple) else [str(address)]
        )


def _report() -> None:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(log_path, "w", encoding="utf-8") as log:
        json.dump({"connections": connections, "peak_kib": peak_kib}, log)


sys.addaudithook(_audit)
atexit.register(_report)
resource.setrlimit(resource.RLIMIT_AS, (_CAP_BYTES, _CAP_BYTES))
if os.environ.get("GUARD_FSIZE_LIMIT"):
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(os.environ["GUARD_FSIZE_LIMIT"])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

if rest[:1] == ["-c"]:
    exec(compile(rest[1], "<guarded>", "exec"))
else:
    from zi_sheets.cli.commands import main

    sys.argv = rest
    main()
