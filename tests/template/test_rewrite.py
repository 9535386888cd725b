"""The user's workbook rewritten in place (`common.files.rewrite_in_place`, used by `init --sinkron-realisasi`
and `init --lke-only`): numbered backups never overwrite a file or follow a link, a workbook open elsewhere,
read-only or a link is refused, a failed write leaves every file as it was, two runs at once take turns."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from factory import unit_workbook
from openpyxl import Workbook, load_workbook

from zi_sheets.cli.commands import main
from zi_sheets.common import files
from zi_sheets.common.errors import ZiSheetsError
from zi_sheets.common.files import backup_name, office_lock_files, rewrite_in_place
from zi_sheets.template.lke_sheet import add_lke_sheet
from zi_sheets.template.sinkron import sync_realisasi

fcntl = pytest.importorskip("fcntl")


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """A unit's workbook with more plan rows than Realisasi rows and no LKE sheet: work for both commands."""
    (tmp_path / "kerja").mkdir()
    path = unit_workbook(tmp_path / "kerja" / "zi.xlsx", rows=150)
    book = load_workbook(path)
    del book["LKE"]
    book.save(path)
    return path


def _folder(path: Path) -> dict[str, bytes]:
    """Every entry beside the workbook: its bytes, or where a link points."""
    return {
        entry.name: os.readlink(entry).encode() if entry.is_symlink() else entry.read_bytes()
        for entry in path.parent.iterdir()
    }


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


# ---------------------------------------------------------------------------------------------------------
# backups


def test_backups_are_numbered_and_never_overwritten(workbook: Path) -> None:
    first = workbook.read_bytes()
    result = sync_realisasi(workbook)
    assert result.added > 0 and result.backup == workbook.with_name("zi.xlsx.bak")
    assert result.backup.read_bytes() == first
    second = workbook.read_bytes()
    assert add_lke_sheet(workbook).backup == workbook.with_name("zi.xlsx.bak.1")
    assert workbook.with_name("zi.xlsx.bak").read_bytes() == first
    assert workbook.with_name("zi.xlsx.bak.1").read_bytes() == second
    # -- the user deleted .bak.1 and kept an old .bak.7: the next is one more than the highest, the newest
    workbook.with_name("zi.xlsx.bak.1").unlink()
    workbook.with_name("zi.xlsx.bak.7").write_bytes(b"lama")
    assert backup_name(workbook) == workbook.with_name("zi.xlsx.bak.8")
    assert sync_realisasi(workbook).backup.name == "zi.xlsx.bak.8"
    assert workbook.with_name("zi.xlsx.bak.7").read_bytes() == b"lama"


def test_a_backup_name_that_is_a_link_is_skipped_not_written_through(workbook: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    (elsewhere / "penting.txt").write_text("jangan ditimpa")
    workbook.with_name("zi.xlsx.bak").symlink_to(elsewhere / "penting.txt")
    workbook.with_name("zi.xlsx.bak.1").symlink_to(elsewhere / "belum-ada.txt")
    old = workbook.read_bytes()
    result = sync_realisasi(workbook)
    assert result.backup.name == "zi.xlsx.bak.2" and not result.backup.is_symlink()
    assert result.backup.read_bytes() == old
    assert (elsewhere / "penting.txt").read_text() == "jangan ditimpa"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["penting.txt"]


def test_a_folder_that_cannot_be_listed_still_gets_a_new_backup(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Write but no read permission on the folder: the names are tried in turn, each one that exists kept."""
    for name in ("zi.xlsx.bak", "zi.xlsx.bak.1"):
        workbook.with_name(name).write_bytes(name.encode())

    def unlistable(path: object) -> list[str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "listdir", unlistable)
    assert sync_realisasi(workbook).backup.name == "zi.xlsx.bak.2"
    assert [workbook.with_name(n).read_bytes() for n in ("zi.xlsx.bak", "zi.xlsx.bak.1")] == [
        b"zi.xlsx.bak",
        b"zi.xlsx.bak.1",
    ]


def test_the_workbook_keeps_its_mode_and_so_does_the_backup(workbook: Path) -> None:
    workbook.chmod(0o640)
    result = sync_realisasi(workbook)
    assert _mode(workbook) == _mode(result.backup) == 0o640


def test_the_cli_names_the_backup_of_both_commands(workbook: Path) -> None:
    workbook.with_name("zi.xlsx.bak").write_bytes(b"cadangan pengguna")
    lke = CliRunner().invoke(main, ["init", "--lke-only", str(workbook)])
    assert lke.exit_code == 0, lke.output
    assert f"cadangan: {workbook}.bak.1" in lke.stderr
    sync = CliRunner().invoke(main, ["init", "--sinkron-realisasi", str(workbook)])
    assert sync.exit_code == 0, sync.output
    assert f"cadangan: {workbook}.bak.2" in sync.stderr
    assert workbook.with_name("zi.xlsx.bak").read_bytes() == b"cadangan pengguna"


# ---------------------------------------------------------------------------------------------------------
# refusals: nothing is read for writing, nothing changes


@pytest.mark.parametrize(
    ("lock", "program"),
    [("~$zi.xlsx", "Excel"), (".~lock.zi.xlsx#", "LibreOffice")],
)
@pytest.mark.parametrize("flag", ["--sinkron-realisasi", "--lke-only"])
def test_a_workbook_open_elsewhere_is_refused(workbook: Path, lock: str, program: str, flag: str) -> None:
    workbook.with_name(lock).write_text("Budi")
    before = _folder(workbook)
    result = CliRunner().invoke(main, ["init", flag, str(workbook)])
    assert result.exit_code == 3
    assert f"sedang dibuka di {program}" in result.stderr and lock in result.stderr
    assert _folder(workbook) == before


def test_the_word_style_excel_lock_is_seen_too(tmp_path: Path) -> None:
    path = tmp_path / "rencana.xlsx"
    assert office_lock_files(path) == []
    (tmp_path / "~$ncana.xlsx").write_text("Budi")
    assert office_lock_files(path) == [tmp_path / "~$ncana.xlsx"]


def test_a_read_only_workbook_is_refused_and_its_mode_kept(workbook: Path) -> None:
    workbook.chmod(0o444)
    before = _folder(workbook)
    with pytest.raises(ZiSheetsError, match="hanya dapat dibaca"):
        sync_realisasi(workbook)
    assert _folder(workbook) == before and _mode(workbook) == 0o444


def test_a_workbook_the_user_may_not_write_is_refused(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Group- or world-writable but not by this user: what access() says (root ignores the mode bits)."""
    monkeypatch.setattr(files.os, "access", lambda path, mode: mode != os.W_OK)
    with pytest.raises(ZiSheetsError, match="hanya dapat dibaca"):
        add_lke_sheet(workbook)


def test_a_workbook_that_is_a_link_is_refused(workbook: Path, tmp_path: Path) -> None:
    link = tmp_path / "pintasan.xlsx"
    link.symlink_to(workbook)
    old = workbook.read_bytes()
    with pytest.raises(ZiSheetsError, match=r"adalah tautan ke .*zi\.xlsx.*berkas aslinya"):
        sync_realisasi(link)
    assert link.is_symlink() and workbook.read_bytes() == old
    assert not list(tmp_path.glob("**/*.bak*"))


def test_a_missing_workbook_says_so(tmp_path: Path) -> None:
    with pytest.raises(ZiSheetsError, match="tidak ditemukan"):
        add_lke_sheet(tmp_path / "tidak-ada.xlsx")


def test_a_workbook_changed_meanwhile_is_not_overwritten(workbook: Path) -> None:
    """Excel saved the workbook while zi-sheets was working: its save wins, nothing is written."""
    with pytest.raises(ZiSheetsError, match="diubah program lain"):
        with rewrite_in_place(workbook) as rewrite:
            workbook.write_bytes(b"disimpan Excel")
            rewrite.commit(Workbook().save)
    assert workbook.read_bytes() == b"disimpan Excel"
    assert sorted(p.name for p in workbook.parent.iterdir()) == ["zi.xlsx"]


# ---------------------------------------------------------------------------------------------------------
# a full disk: one message, every earlier file intact, nothing half-written left


def _full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EFBIG])
def test_a_full_disk_while_writing_the_workbook(
    workbook: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    workbook.with_name("zi.xlsx.bak").write_bytes(b"cadangan pengguna")
    before = _folder(workbook)

    def save(book: Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"PK setengah")
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(Workbook, "save", save)
    with pytest.raises(ZiSheetsError, match=r"zi\.xlsx tidak dapat ditulis: disk penuh"):
        sync_realisasi(workbook)
    assert _folder(workbook) == before


def test_a_full_disk_reported_by_the_xml_writer(workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """lxml reports a failed write as SerialisationError('IO_ENOSPC'), without the OSError behind it."""
    from lxml.etree import SerialisationError

    def save(book: Workbook, filename: str) -> None:
        raise SerialisationError("IO_ENOSPC")

    monkeypatch.setattr(Workbook, "save", save)
    before = _folder(workbook)
    with pytest.raises(ZiSheetsError, match="disk penuh"):
        add_lke_sheet(workbook)
    assert _folder(workbook) == before


def test_a_full_disk_while_writing_the_backup(workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workbook.with_name("zi.xlsx.bak").write_bytes(b"cadangan pengguna")
    before = _folder(workbook)
    real_copy = files._copy_handle

    def copy_half(source: int, target: int) -> None:
        real_copy(source, target)
        os.ftruncate(target, os.fstat(target).st_size // 2)
        _full()

    monkeypatch.setattr(files, "_copy_handle", copy_half)
    with pytest.raises(ZiSheetsError, match=r"Cadangan .*zi\.xlsx\.bak\.1 tidak dapat ditulis: disk penuh"):
        sync_realisasi(workbook)
    assert _folder(workbook) == before


def test_a_failed_rename_leaves_no_new_backup(workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _folder(workbook)
    monkeypatch.setattr(files.os, "replace", _full)
    with pytest.raises(ZiSheetsError, match="disk penuh"):
        add_lke_sheet(workbook)
    assert _folder(workbook) == before


def test_a_full_disk_in_a_real_process_is_one_message(workbook: Path) -> None:
    """The real writer (openpyxl, lxml, zipfile) on a "full disk": its objects fail again when freed, and
    that must not reach the user as a traceback (guarded.py limits the file size, SIGXFSZ ignored)."""
    guard = Path(__file__).parent.parent / "security" / "guarded.py"
    before = _folder(workbook)
    env = {**os.environ, "GUARD_FSIZE_LIMIT": str(workbook.stat().st_size // 2)}
    log = workbook.parent.parent / "guard.json"
    done = subprocess.run(
        [sys.executable, str(guard), str(log), "zi-sheets", "init", "--sinkron-realisasi", str(workbook)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 3
    assert done.stdout == "" and done.stderr.count("\n") == 1 and "disk penuh" in done.stderr
    assert _folder(workbook) == before


# ---------------------------------------------------------------------------------------------------------
# two runs at once


def _wait_until_open(runs: list[subprocess.Popen[str]], path: Path) -> None:
    """Until every run has the workbook open (it then waits for the lock); a run that ends first fails."""
    waiting = {run.pid for run in runs}
    for _ in range(100_000):
        for run in runs:
            if run.poll() is not None:
                raise AssertionError(run.communicate())
            fds = Path(f"/proc/{run.pid}/fd")
            with _suppress_gone():
                if any(os.readlink(fd) == str(path) for fd in fds.iterdir()):
                    waiting.discard(run.pid)
        if not waiting:
            return
        os.sched_yield()
    raise AssertionError("the runs never opened the workbook")


class _suppress_gone:
    """A descriptor closed between listing and reading it is no descriptor."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, *_: object) -> bool:
        return kind is not None and issubclass(kind, FileNotFoundError)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the runs waiting")
def test_two_runs_at_once_wait_for_each_other(workbook: Path) -> None:
    """Sinkron and --lke-only started together on one workbook: the test holds the lock until both have the
    workbook open, so they really contend; both succeed in turn, the result holds both runs' work, and each
    run's backup is the file it read."""
    original = workbook.read_bytes()
    assert not _every_plan_row_listed(workbook)
    command = [sys.executable, "-m", "zi_sheets.cli.commands", "init"]
    with open(workbook, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        runs = [
            subprocess.Popen([*command, flag, str(workbook)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for flag in ("--sinkron-realisasi", "--lke-only")
        ]
        _wait_until_open(runs, workbook)  # type: ignore[arg-type]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert "LKE" in load_workbook(workbook).sheetnames and _every_plan_row_listed(workbook)
    assert sorted(p.name for p in workbook.parent.iterdir()) == ["zi.xlsx", "zi.xlsx.bak", "zi.xlsx.bak.1"]
    assert workbook.with_name("zi.xlsx.bak").read_bytes() == original
    # -- the second run read the first one's result: exactly one of the two works is in it
    between = workbook.parent.parent / "di-antara.xlsx"
    between.write_bytes(workbook.with_name("zi.xlsx.bak.1").read_bytes())
    assert ("LKE" in load_workbook(between).sheetnames) != _every_plan_row_listed(between)


def _every_plan_row_listed(path: Path) -> bool:
    """Whether every plan row has its Realisasi row (what sinkron does)."""
    from zi_sheets.analysis.analyse import analyse
    from zi_sheets.reading.workbook import read_workbook

    workbook = read_workbook(path)
    return analyse(workbook).realisasi.listed == {row.row for row in workbook.rencana_aksi}


def test_a_run_that_died_holding_the_lock_blocks_nothing(workbook: Path) -> None:
    code = (
        "import fcntl, os, sys; f = os.open(sys.argv[1], os.O_RDONLY); fcntl.flock(f, fcntl.LOCK_EX); "
        "os._exit(9)"
    )
    assert subprocess.run([sys.executable, "-c", code, str(workbook)], timeout=60).returncode == 9
    assert sync_realisasi(workbook).added > 0


def test_a_run_still_holding_the_lock_is_waited_for_then_reported(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "LOCK_WAIT_S", 0.0)
    before = _folder(workbook)
    with open(workbook, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(ZiSheetsError, match="masih ditulis oleh zi-sheets lain"):
            sync_realisasi(workbook)
    assert _folder(workbook) == before


def test_sinkron_copies_a_text_that_starts_like_a_formula_as_the_same_text(tmp_path: Path) -> None:
    """A Langkah Aksi typed as "=…" (text in the user's workbook) is copied into Realisasi as that text,
    never turned into a formula of the user's own workbook."""
    path = unit_workbook(tmp_path / "zi.xlsx", rows=3)
    book = load_workbook(path)
    book["RencanaAksi"]["F2"].value = "=Menyusun SK Tim"
    book["RencanaAksi"]["F2"].data_type = "s"
    if "Realisasi" in book.sheetnames:
        del book["Realisasi"]
    book.save(path)
    sync_realisasi(path)
    sheet = load_workbook(path)["Realisasi"]
    copies = [cell for row in sheet.iter_rows() for cell in row if "Menyusun SK Tim" in str(cell.value)]
    assert copies and all(c.data_type == "s" and c.value.startswith("=Menyusun SK Tim") for c in copies)
    assert load_workbook(path)["RencanaAksi"]["F2"].value == "=Menyusun SK Tim"
