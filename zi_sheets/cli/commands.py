"""The `zi-sheets` command line: parse, call one core function, print, exit.

Heavy imports (openpyxl, python-docx, python-calamine) happen inside the commands so `--help` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click
from click.core import ParameterSource

from zi_sheets import __version__
from zi_sheets.cli import click_bahasa
from zi_sheets.common.catalogue import REGULATIONS
from zi_sheets.common.report import EXIT_NOT_WRITTEN
from zi_sheets.common.text import shown

# -- Before any option type is built: click names a path type ("file") when it is constructed. --
click_bahasa.install()

if TYPE_CHECKING:
    from zi_sheets.delivery.batch import BatchReport, UnitResult
    from zi_sheets.delivery.builder import BuildOptions

_P = ParamSpec("_P")
_R = TypeVar("_R")


# -- What a word looks like when it is meant as a file, not an option (`-o.xlsx`, `--help.xlsx`). --
_FILE_SUFFIXES = (".xlsx", ".ods", ".xls", ".eml", ".docx", ".ini")


def _not_a_file_name(context: click.Context, parameter: click.Parameter, value: object) -> None:
    """Refuse `-o.xlsx` read as `-o` with the value ".xlsx": a file named like an option, not a folder."""
    if value is not None and Path(str(value)).name.lower() in _FILE_SUFFIXES:
        raise click.BadParameter(
            f"'-o{value}' terbaca sebagai opsi -o dengan nilai '{value}'; bila -o{value} nama berkas, tulis "
            f"./-o{value} atau letakkan -- sebelum nama berkasnya (zi-sheets {context.command.name} -- "
            f"-o{value})."
        )


def _output_folder(context: click.Context, parameter: click.Parameter, value: str | Path | None) -> object:
    _not_a_file_name(context, parameter, value)
    return value


def _xlsx_name(context: click.Context, parameter: click.Parameter, value: str | Path) -> str | Path:
    """A workbook to write must be named .xlsx: Excel will not open it under another name."""
    _not_a_file_name(context, parameter, value)
    if Path(value).suffix.lower() != ".xlsx":
        example = "rekap.xlsx" if context.command.name == "rekap" else "zi-2026.xlsx"
        raise click.BadParameter(f"{Path(value).name} bukan nama workbook .xlsx; pakai mis. {example}.")
    return value


class UnreadableInput(click.ClickException):
    """A core ZiSheetsError at the boundary: one Indonesian line on stderr, exit code 3."""

    exit_code = 3

    def show(self, file=None) -> None:
        click.echo(f"zi-sheets: {shown(self.format_message())}", err=True)  # -- one line


class Rentang(click.IntRange):
    """A whole number in a closed range, described as "1-2" rather than click's "1<=x<=2"."""

    name = "bilangan bulat"

    def _describe_range(self) -> str:
        return f"{self.min}-{self.max}"


class _Command(click.Command):
    """A command whose usage line reads "[OPSI]", and that says how to name a file whose name looks like
    an option, instead of guessing an option it might have meant."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # -- click's parser consumes the list it is given
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            # -- "-o.xlsx" reaches click as option "-o": find the word it came from
            options = given[: given.index("--")] if "--" in given else given
            word = next((a for a in options if a.startswith(error.option_name)), error.option_name)
            if Path(word).exists() or Path(word).suffix.lower() in _FILE_SUFFIXES:
                raise click.UsageError(
                    f"Opsi '{shown(word)}' tidak dikenal; bila itu nama berkas, tulis ./{shown(word)} atau "
                    f"letakkan -- sebelum nama berkasnya (zi-sheets {self.name} -- {shown(word)}).",
                    ctx,
                ) from None
            raise


class _Group(click.Group):
    command_class = _Command


def _say(text: str, err: bool = False) -> None:
    """Lines to the user, each with its unprintable characters escaped (`text.shown`): a file name or a
    cell value can neither break a line nor move the cursor, colour or clear the terminal."""
    click.echo("\n".join(shown(line) for line in text.split("\n")), err=err)


def _name(path: object) -> str:
    """A path as a message names it: a line break in a file name is shown, not obeyed."""
    return shown(str(path))


def _run(function: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs) -> _R:
    """Call into the core, translating its one exception type into the CLI's exit code 3."""
    from zi_sheets.common.errors import ZiSheetsError

    try:
        return function(*args, **kwargs)
    except ZiSheetsError as error:
        refused = UnreadableInput(str(error))
        refused.exit_code = error.exit_code  # -- 3 unreadable; 1 for an error finding raised (LKE mismatch)
        raise refused from error


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[OPSI]",
    subcommand_metavar="PERINTAH [ARGUMEN]...",
)
@click.version_option(__version__, prog_name="zi-sheets")
def main() -> None:
    """Dokumen Zona Integritas (Rencana Kerja, Monev, Lampiran) dari satu workbook Excel.

    Contoh: zi-sheets build workbook_templates/contoh-pasirian-2019.xlsx
    """


_LKE_FILE = click.option(
    "--lke",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="LKE resmi unit (sheet 'LKE ZI', 'Ctt Eval', 'Utama'); jawabannya dipakai sebagai pengganti "
    "sheet LKE.",
)
_REGULASI = click.option(
    "--regulasi",
    type=click.Choice(sorted(REGULATIONS)),
    default="90-2021",
    show_default=True,
    help="Katalog indikator LKE: PermenPANRB 90/2021 atau 52/2014.",
)


@main.command()
@click.argument("path", type=click.Path(dir_okay=False), default="zona-integritas.xlsx", callback=_xlsx_name)
@click.option("--unit-kerja", default="", metavar="NAMA", help="Nama unit kerja, mis. 'Kecamatan Pasirian'.")
@click.option("--tahun", type=Rentang(2000, 2100), default=None, metavar="TAHUN", help="Tahun rencana kerja.")
@_REGULASI
@click.option(
    "--periode-realisasi",
    type=click.Choice(["bulan", "triwulan", "semester"]),
    default="triwulan",
    show_default=True,
    help="Kelompok kolom per periode di sheet Realisasi.",
)
@click.option(
    "--sinkron-realisasi",
    is_flag=True,
    help="PATH adalah workbook yang sudah ada: tambahkan baris rencana aksi baru ke sheet Realisasi "
    "(dan sheet Realisasi/LaporanMonev bila belum ada) tanpa mengubah isian yang ada.",
)
@click.option("--force", "--timpa", "force", is_flag=True, help="Timpa berkas yang sudah ada.")
@click.option(
    "--lke-only",
    is_flag=True,
    help="Tambahkan hanya sheet LKE ke workbook PATH yang sudah ada; sheet lain tidak diubah.",
)
@click.option(
    "--dari",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    metavar="LAMA.xlsx",
    help="Workbook tahun lalu: PATH menjadi workbook tahun --tahun (bawaan: tahun lama + 1) berisi "
    "Identitas, "
    "tim, Narasi dan rencana aksinya dengan target maju setahun; Monev dan Realisasi kosong. LAMA.xlsx "
    "tidak diubah.",
)
@click.option(
    "--tanggal-penetapan",
    default=None,
    metavar="TANGGAL",
    help="Dengan --dari: Tanggal Penetapan, mis. 2027-01-04 atau '4 Januari 2027' (bawaan: hari kerja "
    "pertama Januari).",
)
@click.option(
    "--lke-dari",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="LKE-unit.xlsx",
    help="Isi sheet LKE dengan jawaban, Bukti Dukung, tautan dan catatan dari LKE resmi unit "
    "(sheet 'LKE ZI').",
)
def init(
    path: str,
    unit_kerja: str,
    tahun: int | None,
    regulasi: str,
    periode_realisasi: str,
    sinkron_realisasi: bool,
    force: bool,
    lke_only: bool,
    dari: Path | None,
    tanggal_penetapan: str | None,
    lke_dari: Path | None,
) -> None:
    """Tulis workbook baru yang sudah berisi sheet, judul kolom, teks baku dan indikator LKE.

    Dengan --lke-only, workbook lama mendapat sheet LKE (penilaian mandiri) menurut regulasinya. Dengan
    --sinkron-realisasi, workbook PATH yang sudah ada diberi baris Realisasi untuk setiap baris rencana aksi
    yang belum punya. Keduanya menyimpan berkas lama sebagai cadangan baru PATH.bak (PATH.bak.1, PATH.bak.2
    ... bila sudah ada) dan menolak workbook yang sedang dibuka di Excel/LibreOffice atau hanya-baca.

    Dengan --dari LAMA.xlsx, PATH menjadi rencana tahun berikutnya dari workbook tahun lalu (format
    apa pun): target waktu maju setahun, Monev/Realisasi/LaporanMonev kosong, jawaban LKE lama disimpan di
    sheet 'LKE Tahun Lalu' sebagai pembanding 'nilai', lalu dicetak sel yang masih perlu diperiksa.

    Contoh: zi-sheets init zi-2026.xlsx --unit-kerja "Kecamatan Pasirian" --tahun 2026

    Contoh: zi-sheets init zi-2027.xlsx --dari zi-2026.xlsx --tahun 2027
    """
    from zi_sheets.template.lke_sheet import add_lke_sheet, carry_into_new
    from zi_sheets.template.new_workbook import write_template
    from zi_sheets.template.sinkron import sync_realisasi

    if dari is not None:
        if lke_only or sinkron_realisasi or lke_dari is not None:
            raise click.UsageError(
                "--dari tidak dapat dipakai bersama --lke-only, --sinkron-realisasi atau --lke-dari; "
                "isi jawaban LKE tahun ini sesudahnya dengan --lke-only --lke-dari."
            )
        _next_year(dari, Path(path), tahun, tanggal_penetapan, periode_realisasi, force)
        return
    if tanggal_penetapan is not None:
        raise click.UsageError("--tanggal-penetapan hanya berlaku bersama --dari.")
    if lke_only:
        explicit = click.get_current_context().get_parameter_source("regulasi") is not ParameterSource.DEFAULT
        rewritten = _run(add_lke_sheet, path, regulasi if explicit else None, lke_dari)
        _say(f"cadangan: {_name(rewritten.backup)}", err=True)
        _say(f"ditulis: {_name(rewritten.path)} (sheet LKE ditambahkan)", err=True)
        return
    if sinkron_realisasi:
        result = _run(sync_realisasi, path, periode=periode_realisasi)
        notes = [
            f"baris Realisasi ditambahkan: {result.added}",
            *(f"sheet baru: {n}" for n in result.created),
        ]
        for note in [*notes, *result.notes, f"cadangan: {result.backup}", f"ditulis: {result.path}"]:
            _say(note, err=True)
        return
    written = _run(
        write_template,
        path,
        unit_kerja=unit_kerja,
        tahun=tahun,
        regulasi=regulasi,
        periode=periode_realisasi,
        force=force,
    )
    if lke_dari is not None:
        _run(carry_into_new, written, lke_dari)
        _say(f"jawaban LKE dari: {_name(lke_dari)}", err=True)
    _say(f"ditulis: {_name(written)}", err=True)


def _next_year(
    source: Path, target: Path, tahun: int | None, tanggal: str | None, periode: str, force: bool
) -> None:
    """`init --dari`: write next year's workbook and list what a person must still look at."""
    from zi_sheets import api

    penetapan = _tanggal(tanggal) if tanggal is not None else None
    result = _run(
        api.next_year, source, target, tahun=tahun, tanggal_penetapan=penetapan, periode=periode, force=force
    )
    _say(
        f"ditulis: {_name(result.path)} (tahun {result.tahun}, {REGULATIONS[result.regulation]}; "
        f"{result.rows} baris rencana aksi, {result.members} anggota tim)",
        err=True,
    )
    if result.mapped:
        _say("komponen rencana aksi dinamai menurut katalog yang baru", err=True)
    _say(f"perlu diperiksa ({len(result.leftovers)}):")
    for leftover in result.leftovers:
        _say(f"  {leftover.line()}")


def _tanggal(text: str):
    """A date given on the command line: 2027-01-04 or "4 Januari 2027"; a usage error otherwise."""
    import datetime as dt

    from zi_sheets.common.model import parse_tanggal

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        found = parse_tanggal(text)
        if found is None:
            raise click.BadParameter(
                f"'{text}' bukan tanggal; tulis mis. 2027-01-04 atau '4 Januari 2027'.",
                param_hint="--tanggal-penetapan",
            ) from None
        return found


_STRICT = click.option("--strict", is_flag=True, help="Peringatan juga dihitung sebagai kegagalan.")
_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Bentuk keluaran.",
)


@main.command()
@click.argument("workbooks", nargs=-1, required=True, metavar="WORKBOOK...", type=click.Path(path_type=Path))
@_FORMAT
@_STRICT
@_LKE_FILE
def check(workbooks: tuple[Path, ...], output_format: str, strict: bool, lke: Path | None) -> None:
    """Periksa workbook terhadap katalog LKE; setiap temuan menunjuk selnya (RencanaAksi!F14).

    Beberapa berkas atau folder sekaligus diperiksa di semua inti prosesor, satu ringkasan per berkas.
    Kode keluar 0 tanpa galat, 1 ada galat (dengan --strict juga peringatan), 3 workbook tidak terbaca.

    Contoh: zi-sheets check workbook_templates/contoh-pasirian-2019.xlsx
    """
    from zi_sheets.delivery.batch import check_one

    paths = _inputs(workbooks)
    if lke is not None and not _single(workbooks, paths):
        raise click.UsageError("--lke hanya untuk satu workbook.")
    if _single(workbooks, paths):
        result = check_one(paths[0], strict, lke)
        if output_format == "json":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
        if result.report is None:
            raise UnreadableInput(result.problem)
        if output_format == "text":
            _say(result.report.to_text())
        sys.exit(result.exit_code)
    batch = _many(paths, check_one, strict, label="memeriksa")
    if output_format == "json":
        click.echo(batch.to_json())
    else:
        for result in batch.results:
            _say(f"== {_name(result.path)}")
            _say(result.report.to_text() if result.report else f"tidak terbaca: {shown(result.problem)}")
        _say(batch.tally())
    sys.exit(batch.exit_code())


def _single(workbooks: tuple[Path, ...], paths: list[Path]) -> bool:
    """True when one workbook file was named: its findings are printed in full, as for one file."""
    return len(workbooks) == 1 and paths == [workbooks[0]]


def _inputs(workbooks: tuple[Path, ...], exclude: tuple[Path, ...] = ()) -> list[Path]:
    """The workbooks named and found in the folders named; every other file found is named on stderr.

    A path that does not exist, or folders without a workbook, end the command with exit code 3.
    """
    from zi_sheets.delivery.batch import expand_inputs

    missing = [str(path) for path in workbooks if not path.exists()]
    if missing:
        raise UnreadableInput(f"Berkas atau folder {', '.join(missing)} tidak ditemukan.")
    inputs = expand_inputs(list(workbooks), exclude=exclude)
    for path, reason in inputs.skipped:
        _say(f"dilewati: {_name(path)} ({reason})", err=True)
    if not inputs.workbooks:
        raise UnreadableInput(
            f"Tidak ada workbook .xlsx atau .ods di {', '.join(str(p) for p in workbooks)}."
        )
    return inputs.workbooks


def _many(paths: list[Path], work: Callable[..., UnitResult], *arguments: object, label: str) -> BatchReport:
    """Run `work` over `paths` on every core, with a progress bar when stderr is a terminal."""
    from zi_sheets.delivery.batch import BatchReport, run_many

    if not sys.stderr.isatty():  # -- a log file or a pipe gets the result lines only, no bar
        return BatchReport(list(run_many(paths, work, *arguments)))
    results = []
    with click.progressbar(length=len(paths), label=label, file=sys.stderr) as bar:
        for result in run_many(paths, work, *arguments):
            results.append(result)
            bar.update(1)
    return BatchReport(results)


@main.command()
@click.argument("workbooks", nargs=-1, required=True, metavar="WORKBOOK...", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False),
    default=None,
    metavar="FOLDER",
    callback=_output_folder,
    help="Folder hasil (bawaan: output/).",
)
@click.option(
    "--bulan",
    default=None,
    metavar="BULAN",
    help="Bulan Monev: 2019-05 atau 'Mei 2019' (bawaan: periode terakhir di sheet Monev atau Realisasi).",
)
@click.option(
    "--semester", type=Rentang(1, 2), default=None, metavar="N", help="Monev satu semester (1 atau 2)."
)
@click.option(
    "--triwulan", type=Rentang(1, 4), default=None, metavar="N", help="Monev satu triwulan (1 sampai 4)."
)
@click.option("--pdf", is_flag=True, help="Tulis juga PDF di samping .docx (perlu LibreOffice).")
@click.option(
    "--paket",
    is_flag=True,
    help="Tulis juga paket kirim: zip dokumen dan draf surel .eml ke Email Inspektorat.",
)
@click.option(
    "--ringkasan-pemeriksaan",
    is_flag=True,
    help="Dengan --paket: sebut hasil pemeriksaan (jumlah galat, peringatan, cakupan) di isi surel.",
)
@click.option(
    "--docx-template",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    metavar="BERKAS",
    help="Dokumen Word yang gaya-gayanya (huruf, judul, tabel) dipakai.",
)
@_STRICT
@_LKE_FILE
def build(
    workbooks: tuple[Path, ...],
    output: str | None,
    bulan: str | None,
    semester: int | None,
    triwulan: int | None,
    pdf: bool,
    paket: bool,
    ringkasan_pemeriksaan: bool,
    docx_template: str | None,
    strict: bool,
    lke: Path | None,
) -> None:
    """Periksa workbook lalu tulis Rencana Kerja, Lampiran dan Monev ke output/<unit>-<tahun>/.

    Dokumen tidak ditulis bila Identitas belum lengkap (atau, dengan --strict, bila ada galat atau
    peringatan apa pun). Kode keluar sama dengan 'zi-sheets check'.

    Contoh: zi-sheets build workbook_templates/contoh-pasirian-2019.xlsx --bulan 2019-05
    """
    from zi_sheets.delivery.builder import DEFAULT_OUTPUT, BuildOptions

    if sum(option is not None for option in (bulan, semester, triwulan)) > 1:
        raise click.UsageError("pilih salah satu: --bulan, --semester atau --triwulan.")
    options = BuildOptions(
        output=Path(output) if output else None,
        strict=strict,
        bulan=bulan,
        semester=semester,
        triwulan=triwulan,
        pdf=pdf,
        paket=paket,
        paket_summary=ringkasan_pemeriksaan,
        docx_template=Path(docx_template) if docx_template else None,
        lke=lke,
    )
    paths = _inputs(workbooks, exclude=(options.output or DEFAULT_OUTPUT,))
    if lke is not None and not _single(workbooks, paths):
        raise click.UsageError("--lke hanya untuk satu workbook.")
    sys.exit(_build_one(paths[0], options) if _single(workbooks, paths) else _build_many(paths, options))


@main.command()
@click.argument("paket", type=click.Path(path_type=Path))
@click.option("--to", default=None, metavar="ALAMAT", help="Alamat tujuan pengganti Email Inspektorat.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    metavar="BERKAS",
    help="Berkas pengaturan SMTP (bawaan: ~/.config/zi-sheets/smtp.ini).",
)
def kirim(paket: Path, to: str | None, config: Path | None) -> None:
    """Kirim draf surel .eml hasil 'build --paket' lewat SMTP (pengaturan dari variabel lingkungan).

    Pengaturan SMTP tidak pernah dibaca dari workbook; kata sandi tidak pernah dicetak. Paket yang
    dokumennya lebih baru daripada draf surelnya tidak dikirim.

    Contoh: zi-sheets kirim output/opd-kecamatan-pasirian-2019/
    """
    import dataclasses

    from zi_sheets.delivery.kirim import check_fresh, find_eml, load_settings, send_package

    eml = _run(find_eml, paket)
    _run(check_fresh, eml)
    settings = _run(load_settings, config)
    if settings.username and settings.password is None:
        if sys.stdin is None or not sys.stdin.isatty():
            raise UnreadableInput(
                f"Kata sandi SMTP untuk {settings.username} belum diisi dan tidak dapat ditanyakan (tidak "
                "dijalankan di terminal): isi variabel ZI_SHEETS_SMTP_PASSWORD atau 'password' di bagian "
                "[smtp]."
            )
        password = click.prompt(f"Kata sandi SMTP {settings.username}", hide_input=True, err=True)
        settings = dataclasses.replace(settings, password=password)
    recipients = _run(send_package, eml, settings, to=to)
    _say(f"terkirim ke: {', '.join(recipients)}", err=True)


def _build_one(path: Path, options: BuildOptions) -> int:
    """Build one workbook, its findings and files named on stderr; the exit code of `zi-sheets build`."""
    import dataclasses

    from zi_sheets import api

    result = _run(api.build, path, **dataclasses.asdict(options))
    _say(f"pemeriksaan: {result.report.summary()}", err=True)
    if result.refused_by:
        for finding in result.refused_by:
            _say(shown(finding.line()), err=True)
        _say("dokumen tidak ditulis; perbaiki temuan di atas lalu ulangi.", err=True)
        return EXIT_NOT_WRITTEN
    package = [result.package.zip_path, result.package.eml_path] if result.package else []
    for written in [*result.documents, *result.pdfs, *package]:
        _say(f"ditulis: {_name(written)}", err=True)
    for note in result.notes:
        _say(shown(note), err=True)
    return result.report.exit_code(options.strict)


def _build_many(paths: list[Path], options: BuildOptions) -> int:
    """Build every workbook on every core, one result line each on stderr; the exit code of the batch."""
    from zi_sheets.delivery.batch import build_one, finish_builds

    batch = _many(paths, build_one, options, label="membuat dokumen")
    finish_builds(batch.results, options)
    for result in batch.results:
        if result.report is None:
            _say(f"{_name(result.path)}: {result.problem_label}: {shown(result.problem)}", err=True)
            continue
        _say(f"{_name(result.path)}: {result.report.summary()}", err=True)
        for written in result.written:
            _say(f"ditulis: {_name(written)}", err=True)
        for note in dict.fromkeys(result.notes):
            _say(shown(note), err=True)
    _say(batch.tally(), err=True)
    return batch.exit_code()


@main.command()
@click.argument("folders", nargs=-1, required=True, metavar="FOLDER...", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("rekap.xlsx"),
    show_default=True,
    metavar="BERKAS",
    callback=_xlsx_name,
    help="Workbook rekap yang ditulis.",
)
def rekap(folders: tuple[Path, ...], output: Path) -> None:
    """Rekap untuk Inspektorat: satu baris per unit dan semua temuan, dalam satu workbook Excel.

    Workbook yang rusak tidak menghentikan yang lain; alasannya dicatat di baris unitnya.

    Contoh: zi-sheets rekap kiriman-unit/ -o rekap.xlsx
    """
    from zi_sheets.delivery.batch import check_one
    from zi_sheets.delivery.rekap import write_rekap

    batch = _many(_inputs(folders, exclude=(output,)), check_one, label="memeriksa")
    for result in batch.unreadable:
        _say(f"{_name(result.path)}: tidak terbaca: {shown(result.problem)}", err=True)
    written = _run(write_rekap, batch.results, output)
    _say(batch.tally(), err=True)
    _say(f"ditulis: {_name(written)}", err=True)


@main.command()
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@_FORMAT
@click.option(
    "--cek-tautan",
    is_flag=True,
    help="Buka setiap tautan Bukti Dukung (hanya alamat internet publik, paling lama 5 detik per tautan) "
    "dan laporkan yang gagal.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    callback=_output_folder,
    help="Tulis juga Laporan Penilaian Mandiri (.docx) dan LKE untuk diunggah (.xlsx) ke folder ini.",
)
@_LKE_FILE
def nilai(
    workbook: Path, output_format: str, cek_tautan: bool, output: Path | None, lke: Path | None
) -> None:
    """Hitung nilai LKE (penilaian mandiri): per area, pengungkit, hasil, total, syarat Menuju WBK/WBBM
    dan jawaban yang paling menaikkan nilai.

    Jawaban dan Bukti Dukung dibaca dari sheet LKE (workbook lama: 'zi-sheets init --lke-only WORKBOOK'),
    dari LKE resmi (sheet 'LKE ZI') yang diberikan sendiri sebagai WORKBOOK, atau dengan --lke di samping
    workbook rencana. Kode keluar 0 tanpa galat, 1 ada galat (mis. LKE menurut regulasi lain), 3 workbook
    tidak terbaca atau tanpa jawaban LKE.

    Contoh: zi-sheets nilai zi-2026.xlsx --format json; zi-sheets nilai LKE-unit.xlsx
    """
    from zi_sheets import api

    assessment = _run(api.score, workbook, fetch_links=cek_tautan, lke=lke)
    if output_format == "json":
        click.echo(assessment.to_json())
    else:
        _say(assessment.to_text())
    if output is not None:
        from zi_sheets.delivery.lke_documents import (
            write_documents,  # -- python-docx only when writing documents
        )

        for written in _run(write_documents, assessment, output):
            _say(f"ditulis: {_name(written)}", err=True)
    sys.exit(assessment.report.exit_code())


@main.command()
@_REGULASI
def catalogue(regulasi: str) -> None:
    """Tampilkan katalog indikator LKE: area, komponen, kode dan indikator.

    Contoh: zi-sheets catalogue --regulasi 52-2014
    """
    from zi_sheets.common.bahasa import roman
    from zi_sheets.common.catalogue import load_catalogue

    data = load_catalogue(regulasi)
    click.echo(
        f"{data.title}: {len(data.areas)} area, {len(data.komponen)} komponen, "
        f"{len(data.indicators)} indikator"
    )
    for area in data.areas:
        click.echo(f"\n{roman(area.no)}. {area.name.upper()} (bobot {area.weight:g})")
        for komponen in area.komponen:
            click.echo(f"  {komponen.code}  {komponen.name} (bobot {komponen.weight:g})")
            for indicator in komponen.indicators:
                click.echo(f"    {indicator.code}  {indicator.text}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
