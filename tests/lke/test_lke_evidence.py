"""The Bukti Dukung of the LKE sheet: findings at their cells (in nilai and in check), links fetched only on
request (against a local server), and the evidence folder of `build --paket`."""

from __future__ import annotations

import functools
import io
import ipaddress
import json
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from factory import extreme_answers, fill_lke, lke_row, unit_workbook
from local_server import LocalServer
from openpyxl import load_workbook

from zi_sheets.cli.commands import main
from zi_sheets.lke import evidence, fetch
from zi_sheets.template.new_workbook import write_template


def pairs(findings: list[dict], prefix: str = "lke-") -> set[tuple[str, str]]:
    """The (cell, code) pairs of the LKE findings: what these tests assert, never the wording."""
    return {(f["ref"], f["code"]) for f in findings if f["code"].startswith(prefix)}


def run(*arguments: str) -> dict:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.fixture
def workbook(tmp_path):
    """A fresh 90/2021 workbook answered at its best, in its own folder with a 'Bukti Dukung' subfolder."""
    folder = tmp_path / "unit"
    (folder / "Bukti Dukung").mkdir(parents=True)
    (folder / "Bukti Dukung" / "SK Tim ZI.pdf").write_bytes(b"%PDF-1.4 SK")
    return fill_lke(write_template(folder / "zi.xlsx"), extreme_answers("90-2021"))


def test_a_missing_evidence_file_is_a_finding_at_its_lke_cell(workbook):
    fill_lke(
        workbook,
        {},
        {"P.1.i.a": "Bukti Dukung/SK Tim ZI.pdf", "P.1.i.b": "Bukti Dukung/Prosedur Pemilihan Tim.pdf"},
    )
    missing = (f"LKE!G{lke_row(workbook, 'P.1.i.b')}", "lke-evidence-missing")
    nilai = run("nilai", str(workbook), "--format", "json")["findings"]
    assert missing in pairs(nilai)
    found = f"LKE!G{lke_row(workbook, 'P.1.i.a')}"
    assert not [p for p in pairs(nilai) if p[0] == found]
    checked = run("check", str(workbook), "--format", "json")["findings"]
    assert missing in pairs(checked)


def test_a_windows_path_with_backslashes_is_found(workbook):
    fill_lke(workbook, {}, {"P.1.i.a": "Bukti Dukung\\SK Tim ZI.pdf"})
    nilai = run("nilai", str(workbook), "--format", "json")["findings"]
    found = f"LKE!G{lke_row(workbook, 'P.1.i.a')}"
    assert not [p for p in pairs(nilai) if p[0] == found]


@pytest.mark.parametrize(
    ("code", "bukti", "expected"),
    [
        ("P.1.ii.a", "www.contoh.go.id/rencana-kerja", "lke-link-malformed"),
        ("P.1.ii.b", "https://drive google.com/x", "lke-link-malformed"),
        ("P.1.ii.c", "ftp://contoh.go.id/x.pdf", "lke-link-malformed"),
        ("P.1.iii.a", "../di-luar.pdf", "lke-evidence-outside"),
    ],
)
def test_evidence_problems_are_findings_at_the_bukti_dukung_cell(workbook, code, bukti, expected):
    (workbook.parent.parent / "di-luar.pdf").write_bytes(b"%PDF-1.4")
    if bukti is not None:
        fill_lke(workbook, {}, {code: bukti})
    nilai = run("nilai", str(workbook), "--format", "json")["findings"]
    assert (f"LKE!G{lke_row(workbook, code)}", expected) in pairs(nilai)


def test_best_answers_without_evidence_are_one_finding_per_area_with_count_and_codes(workbook):
    # -- "Ya" and "A" with nothing to show for them: one fact per area, at the first item's cell
    fill_lke(workbook, {}, {"P.1.ii.a": "Bukti Dukung/SK Tim ZI.pdf"})
    nilai = run("nilai", str(workbook), "--format", "json")["findings"]
    bare = [x for x in nilai if x["code"] == "lke-evidence-none"]
    first = next(x for x in bare if x["values"]["area"] == "area I. Manajemen Perubahan")
    assert first["ref"] == f"LKE!G{lke_row(workbook, 'P.1.i.a')}"
    codes = first["values"]["kode"].split(", ")
    assert codes[:2] == ["P.1.i.a", "P.1.i.b"] and "P.1.ii.a" not in codes
    assert first["values"]["jumlah"] == len(codes) > 2
    assert first["message"].startswith(f"{len(codes)} jawaban terbaik (Ya atau A) pada area I. Manajemen")
    # -- six areas at most, and the Hasil groups: never a line per item
    assert len(bare) == len({x["values"]["area"] for x in bare}) <= 8


def test_a_well_formed_link_and_a_b_answer_need_nothing_more(workbook):
    fill_lke(workbook, {"P.1.ii.b": "B"}, {"P.1.ii.a": "https://drive.google.com/file/d/abc/view"})
    nilai = run("nilai", str(workbook), "--format", "json")["findings"]
    cells = {p[0] for p in pairs(nilai)}
    assert f"LKE!G{lke_row(workbook, 'P.1.ii.a')}" not in cells
    assert f"LKE!G{lke_row(workbook, 'P.1.ii.b')}" not in cells


def test_one_file_for_unrelated_items_is_info_once(workbook):
    sk = "Bukti Dukung/SK Tim ZI.pdf"
    fill_lke(workbook, {}, {"P.1.i.a": sk, "P.1.i.b": sk, "P.3.i.a": sk})
    nilai = run("nilai", str(workbook), "--format", "json")["findings"]
    shared = [f for f in nilai if f["code"] == "lke-evidence-shared"]
    assert [(f["ref"], f["severity"]) for f in shared] == [(f"LKE!G{lke_row(workbook, 'P.1.i.a')}", "info")]
    assert shared[0]["values"]["codes"] == ["P.1.i.a", "P.1.i.b", "P.3.i.a"]


def test_nilai_honours_the_diterima_sheet_and_leaves_its_other_rows_to_check(workbook):
    sk = "Bukti Dukung/SK Tim ZI.pdf"
    fill_lke(workbook, {}, {"P.1.i.a": sk, "P.1.i.b": sk, "P.3.i.a": sk})
    book = load_workbook(workbook)
    diterima = book.create_sheet("Diterima")
    diterima.append(["Kode", "Sel", "Nama", "Alasan"])
    diterima.append(
        ["lke-evidence-shared", f"LKE!G{lke_row(workbook, 'P.1.i.a')}", None, "SK memuat semuanya"]
    )
    diterima.append(["other-agency", "RencanaAksi!F3", None, "temuan rencana, bukan LKE"])
    book.save(workbook)
    result = CliRunner().invoke(main, ["nilai", str(workbook), "--format", "json"])
    nilai = json.loads(result.stdout)["findings"]
    assert not [f for f in nilai if f["code"] in ("lke-evidence-shared", "diterima-unused")]
    text = CliRunner().invoke(main, ["nilai", str(workbook)]).stdout
    assert ", 1 diterima" in text.splitlines()[-1]
    checked = run("check", str(workbook), "--format", "json")
    assert ("Diterima!A3", "diterima-unused") in pairs(checked["findings"], "diterima-")
    assert [a["code"] for a in checked["accepted"]] == ["lke-evidence-shared"]


def test_the_same_file_within_one_sub_area_is_no_finding(workbook):
    sk = "Bukti Dukung/SK Tim ZI.pdf"
    fill_lke(workbook, {}, {"P.1.i.a": sk, "P.1.i.b": sk})
    nilai = run("nilai", str(workbook), "--format", "json")["findings"]
    assert not [f for f in nilai if f["code"] == "lke-evidence-shared"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # -- no request log on the test's stderr
        pass


@pytest.fixture
def web(tmp_path):
    """A local web server on 127.0.0.1 serving one file, ada.pdf; its base URL and its request log."""
    root = tmp_path / "web"
    root.mkdir()
    (root / "ada.pdf").write_bytes(b"%PDF-1.4 ada")
    requests: list[str] = []

    class Logged(_Quiet):
        def send_response(self, code, message=None) -> None:
            requests.append(self.path)
            super().send_response(code, message)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Logged, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def allow_the_test_server(monkeypatch):
    """`nilai --cek-tautan` as if 127.0.0.1 were public: the production policy refuses it (see below)."""
    loopback = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(evidence, "check_links", functools.partial(fetch.check_links, allow=loopback.__eq__))


def test_links_are_fetched_only_with_cek_tautan(workbook, web, allow_the_test_server):
    base, requests = web
    fill_lke(workbook, {}, {"P.1.i.a": f"{base}/ada.pdf", "P.1.i.b": f"{base}/hilang.pdf"})
    unreachable = (f"LKE!G{lke_row(workbook, 'P.1.i.b')}", "lke-link-unreachable")
    quiet = run("nilai", str(workbook), "--format", "json")["findings"]
    assert not [p for p in pairs(quiet) if p[1] == "lke-link-unreachable"]
    assert requests == []
    fetched = run("nilai", str(workbook), "--format", "json", "--cek-tautan")["findings"]
    assert [p for p in pairs(fetched) if p[1] == "lke-link-unreachable"] == [unreachable]
    message = next(f["message"] for f in fetched if f["code"] == "lke-link-unreachable")
    assert "HTTP 404" in message
    checked = run("check", str(workbook), "--format", "json")["findings"]
    assert not [p for p in pairs(checked) if p[1] == "lke-link-unreachable"]


def test_a_closed_port_is_unreachable_not_a_crash(workbook, allow_the_test_server):
    import socket

    with socket.socket() as probe:  # -- a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fill_lke(workbook, {}, {"P.1.i.a": f"http://127.0.0.1:{port}/x.pdf"})
    fetched = run("nilai", str(workbook), "--format", "json", "--cek-tautan")["findings"]
    assert (f"LKE!G{lke_row(workbook, 'P.1.i.a')}", "lke-link-unreachable") in pairs(fetched)


@pytest.mark.parametrize(
    "link",
    [
        "{base}/ada.pdf",
        "http://localhost:{port}/ada.pdf",
        "http://0x7f.1:{port}/ada.pdf",
        "http://2130706433:{port}/ada.pdf",
        "http://[::1]:{port}/ada.pdf",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/bukti.pdf",
    ],
)
def test_a_link_to_a_non_public_address_is_refused_at_its_cell(workbook, web, link):
    base, requests = web
    port = base.rsplit(":", 1)[1]
    fill_lke(workbook, {}, {"P.1.i.a": link.format(base=base, port=port)})
    fetched = run("nilai", str(workbook), "--format", "json", "--cek-tautan")["findings"]
    refused = [f for f in fetched if f["code"] == "lke-link-refused"]
    assert [f["ref"] for f in refused] == [f"LKE!G{lke_row(workbook, 'P.1.i.a')}"]
    assert "bukan alamat internet publik" in refused[0]["message"]
    assert requests == []


def test_links_left_when_the_runs_total_is_spent_are_unchecked(workbook, monkeypatch):
    codes = ["P.1.i.a", "P.1.i.b", "P.1.ii.a", "P.1.ii.b", "P.1.ii.c", "P.1.iii.a"]
    with LocalServer(lambda server, conn, request: server.stopping.wait(30)) as server:
        # -- one at a time, 0.2 s each, 0.7 s for all: the first ends by its own deadline, the sixth cannot
        # -- begin before 1 s
        silent = functools.partial(
            fetch.check_links,
            allow=ipaddress.ip_address("127.0.0.1").__eq__,
            link_seconds=0.2,
            total_seconds=0.7,
            parallel=1,
        )
        monkeypatch.setattr(evidence, "check_links", silent)
        fill_lke(workbook, {}, {code: f"{server.url}/{n}.pdf" for n, code in enumerate(codes)})
        fetched = run("nilai", str(workbook), "--format", "json", "--cek-tautan")["findings"]
    assert pairs(fetched) >= {
        (f"LKE!G{lke_row(workbook, codes[0])}", "lke-link-unreachable"),
        (f"LKE!G{lke_row(workbook, codes[-1])}", "lke-link-unchecked"),
    }


# ---------------------------------------------------------------------------------------------------------
# build --paket


@pytest.fixture
def unit(tmp_path):
    """A filled unit workbook (identity, plan, Monev) with its LKE answered and evidence beside it."""
    folder = tmp_path / "kecamatan"
    evidence = folder / "Bukti Dukung"
    (evidence / "Monev").mkdir(parents=True)
    (evidence / "SK Tim ZI.pdf").write_bytes(b"%PDF-1.4 SK Tim")
    (evidence / "Rencana Kerja 2024.pdf").write_bytes(b"%PDF-1.4 Rencana")
    (evidence / "Monev" / "Monev Januari.pdf").write_bytes(b"%PDF-1.4 Jan")
    (evidence / "Monev" / "Monev Februari.pdf").write_bytes(b"%PDF-1.4 Feb")
    (tmp_path / "rahasia.txt").write_text("bukan untuk paket", encoding="utf-8")
    path = unit_workbook(folder / "zi-2024.xlsx")
    return fill_lke(
        path,
        extreme_answers("90-2021"),
        {
            "P.1.i.a": "Bukti Dukung/SK Tim ZI.pdf",
            "P.1.ii.a": "Bukti Dukung/Rencana Kerja 2024.pdf\nhttps://drive.google.com/file/d/rk/view",
            "P.1.iii.b": "Bukti Dukung/Monev",
            "P.1.iii.c": "Bukti Dukung/Tindak Lanjut.pdf",
            "P.1.iv.a": "../rahasia.txt",
        },
    )


@pytest.mark.parametrize("given", ["workbook", "folder"])
def test_build_paket_files_the_evidence_by_lke_code(unit, tmp_path, given):
    # -- a folder is built as a batch, its packages written after all workbooks: the same evidence goes in
    source = unit if given == "workbook" else unit.parent
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "hasil"), "--paket"])
    assert result.exit_code in (0, 1), result.output
    folder = tmp_path / "hasil" / "kecamatan-contoh-2024"
    with zipfile.ZipFile(folder / "kecamatan-contoh-2024-paket.zip") as archive:
        names = archive.namelist()
        evidence = sorted(name for name in names if name.startswith("Bukti Dukung/"))
        assert evidence == [
            "Bukti Dukung/Indeks Bukti Dukung.xlsx",
            "Bukti Dukung/P.1.i.a Penyusunan Tim Kerja/SK Tim ZI.pdf",
            "Bukti Dukung/P.1.ii.a Rencana Pembangunan Zona Integritas/Rencana Kerja 2024.pdf",
            "Bukti Dukung/P.1.ii.a Rencana Pembangunan Zona Integritas/Tautan.txt",
            "Bukti Dukung/P.1.iii.b Pemantauan dan Evaluasi Pembangunan/Monev Februari.pdf",
            "Bukti Dukung/P.1.iii.b Pemantauan dan Evaluasi Pembangunan/Monev Januari.pdf",
        ]
        assert archive.read("Bukti Dukung/P.1.i.a Penyusunan Tim Kerja/SK Tim ZI.pdf") == b"%PDF-1.4 SK Tim"
        assert not any("rahasia" in name for name in names)  # -- outside the workbook's folder: not packed
        # -- the self-assessment documents travel with the others
        assert {"Laporan Penilaian Mandiri ZI 2024.docx", "LKE Zona Integritas 2024.xlsx"} <= set(names)
        index = load_workbook(io.BytesIO(archive.read("Bukti Dukung/Indeks Bukti Dukung.xlsx")))["Indeks"]
    rows = [[cell.value for cell in row] for row in index.iter_rows()]
    assert rows[0][:5] == ["Kode", "Area", "Sub-Area", "Pertanyaan", "Jawaban"]
    assert {row[0] for row in rows[1:]} == {r for r in _all_codes()}  # -- every item, answered or not
    by_written = {row[6]: row for row in rows[1:] if row[6]}
    assert by_written["Bukti Dukung/Tindak Lanjut.pdf"][8] == "berkas tidak ditemukan"
    assert by_written["../rahasia.txt"][8] == "di luar folder workbook, tidak dikemas"
    assert by_written["Bukti Dukung/SK Tim ZI.pdf"][4] == "Ya"
    assert by_written["Bukti Dukung/Monev"][7].endswith("(2 berkas)")


def _all_codes() -> set[str]:
    from factory import catalogue_csv

    return {row["indicator_code"] for row in catalogue_csv("90-2021")}


def test_build_paket_without_lke_answers_has_no_evidence_folder(tmp_path):
    path = unit_workbook(tmp_path / "zi.xlsx")
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "hasil"), "--paket"])
    assert result.exit_code in (0, 1), result.output
    (zip_path,) = (tmp_path / "hasil").rglob("*-paket.zip")
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
    assert not [name for name in names if name.startswith("Bukti Dukung/") or "Penilaian" in name]
