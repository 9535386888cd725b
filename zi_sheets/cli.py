"""The `zi-sheets` command line: parse, call one core function, print, exit.

Heavy imports (pandas, openpyxl, python-docx) happen inside the commands so `--help` stays fast.
"""

from __future__ import annotations

import sys

import click

from zi_sheets import __version__
from zi_sheets.catalogue import REGULATIONS


class UnreadableInput(click.ClickException):
    """A core ZiSheetsError at the boundary: one Indonesian line on stderr, exit code 3."""

    exit_code = 3

    def show(self, file=None) -> None:
        click.echo(f"zi-sheets: {self.format_message()}", err=True)


def _run(function, *args, **kwargs):
    """Call into the core, translating its one exception type into the CLI's exit code 3."""
    from zi_sheets.errors import ZiSheetsError

    try:
        return function(*args, **kwargs)
    except ZiSheetsError as error:
        raise UnreadableInput(str(error)) from error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zi-sheets")
def main() -> None:
    """Dokumen Zona Integritas (Rencana Kerja, Monev, Lampiran) dari satu workbook Excel.

    Contoh: zi-sheets build workbook_templates/contoh-pasirian-2019.xlsx
    """


@main.command()
@click.argument("path", type=click.Path(dir_okay=False), default="zona-integritas.xlsx")
@click.option("--unit-kerja", default="", help="Nama unit kerja, mis. 'Kecamatan Pasirian'.")
@click.option("--tahun", type=click.IntRange(2000, 2100), default=None, help="Tahun rencana kerja.")
@click.option(
    "--regulasi",
    type=click.Choice(sorted(REGULATIONS)),
    default="90-2021",
    show_default=True,
    help="Katalog indikator LKE.",
)
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
def init(path: str, unit_kerja: str, tahun: int | None, regulasi: str, force: bool) -> None:
    """Tulis workbook baru yang sudah berisi sheet, judul kolom, teks baku dan indikator LKE.

    Contoh: zi-sheets init zi-2026.xlsx --unit-kerja "Kecamatan Pasirian" --tahun 2026
    """
    from zi_sheets.template import write_template

    written = _run(write_template, path, unit_kerja=unit_kerja, tahun=tahun, regulasi=regulasi, force=force)
    click.echo(f"ditulis: {written}", err=True)


_STRICT = click.option("--strict", is_flag=True, help="Peringatan juga dihitung sebagai kegagalan.")


@main.command()
@click.argument("workbook", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Bentuk keluaran.",
)
@_STRICT
def check(workbook: str, output_format: str, strict: bool) -> None:
    """Periksa workbook terhadap katalog LKE; setiap temuan menunjuk selnya (RencanaAksi!F14).

    Kode keluar 0 tanpa galat, 1 ada galat (dengan --strict juga peringatan), 3 workbook tidak terbaca.

    Contoh: zi-sheets check workbook_templates/contoh-pasirian-2019.xlsx
    """
    from zi_sheets.checks import run_checks
    from zi_sheets.workbook import read_workbook

    report = run_checks(_run(read_workbook, workbook))
    click.echo(report.to_json() if output_format == "json" else report.to_text())
    sys.exit(report.exit_code(strict))


@main.command()
@click.argument("workbook", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", type=click.Path(file_okay=False), default=None, help="Folder hasil (bawaan: output/)."
)
@click.option(
    "--bulan",
    default=None,
    help="Bulan Monev: 2019-05 atau 'Mei 2019' (bawaan: bulan terakhir di sheet Monev).",
)
@click.option("--semester", type=click.IntRange(1, 2), default=None, help="Monev satu semester (1 atau 2).")
@click.option("--triwulan", type=click.IntRange(1, 4), default=None, help="Monev satu triwulan (1 sampai 4).")
@click.option("--pdf", is_flag=True, help="Tulis juga PDF di samping .docx (perlu LibreOffice).")
@click.option(
    "--docx-template",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Dokumen Word yang gaya-gayanya (huruf, judul, tabel) dipakai.",
)
@_STRICT
def build(
    workbook: str,
    output: str | None,
    bulan: str | None,
    semester: int | None,
    triwulan: int | None,
    pdf: bool,
    docx_template: str | None,
    strict: bool,
) -> None:
    """Periksa workbook lalu tulis Rencana Kerja, Lampiran dan Monev ke output/<unit>-<tahun>/.

    Dokumen tidak ditulis bila Identitas belum lengkap (atau, dengan --strict, bila ada galat atau
    peringatan apa pun). Kode keluar sama dengan 'zi-sheets check'.

    Contoh: zi-sheets build workbook_templates/contoh-pasirian-2019.xlsx --bulan 2019-05
    """
    from pathlib import Path

    from zi_sheets.build import BuildOptions
    from zi_sheets.build import build as build_documents

    if sum(option is not None for option in (bulan, semester, triwulan)) > 1:
        raise click.UsageError("pilih salah satu: --bulan, --semester atau --triwulan.")
    options = BuildOptions(
        output=Path(output) if output else None,
        strict=strict,
        bulan=bulan,
        semester=semester,
        triwulan=triwulan,
        pdf=pdf,
        docx_template=Path(docx_template) if docx_template else None,
    )
    result = _run(build_documents, workbook, options)
    click.echo(f"pemeriksaan: {result.report.summary()}", err=True)
    if result.refused_by:
        for finding in result.refused_by:
            click.echo(finding.line(), err=True)
        click.echo("dokumen tidak ditulis; perbaiki temuan di atas lalu ulangi.", err=True)
        sys.exit(1)
    for written in [*result.documents, *result.pdfs]:
        click.echo(f"ditulis: {written}", err=True)
    for note in result.notes:
        click.echo(note, err=True)
    sys.exit(result.report.exit_code(strict))


@main.command()
@click.option(
    "--regulasi",
    type=click.Choice(sorted(REGULATIONS)),
    default="90-2021",
    show_default=True,
    help="Katalog yang ditampilkan.",
)
def catalogue(regulasi: str) -> None:
    """Tampilkan katalog indikator LKE: area, komponen, kode dan indikator.

    Contoh: zi-sheets catalogue --regulasi 52-2014
    """
    from zi_sheets.bahasa import roman
    from zi_sheets.catalogue import load_catalogue

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
