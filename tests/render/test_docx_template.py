"""--docx-template: the documents take a Word file's styles; a template lacking one is named clearly."""

from __future__ import annotations

import docx
from click.testing import CliRunner
from conftest import EXAMPLE
from docx.shared import Pt

from zi_sheets.cli.commands import main


def _template(path, *, drop: str | None = None):
    template = docx.Document()
    normal = template.styles["Normal"]
    normal.font.name = "Bookman Old Style"
    normal.font.size = Pt(11)
    template.styles["Heading 1"].font.size = Pt(15)
    template.add_paragraph("Isi templat yang harus hilang dari dokumen.")
    if drop:
        template.styles.element.remove(template.styles[drop].element)
    template.save(path)
    return path


def test_documents_take_the_template_styles(tmp_path):
    template = _template(tmp_path / "gaya.docx")
    result = CliRunner().invoke(
        main, ["build", str(EXAMPLE), "-o", str(tmp_path), "--docx-template", str(template)]
    )
    assert result.exit_code == 1, result.output  # the example's real defects; documents still written
    rencana = next(tmp_path.rglob("1.2.a Rencana Kerja*.docx"))
    document = docx.Document(str(rencana))
    assert document.styles["Normal"].font.name == "Bookman Old Style"
    assert document.styles["Heading 1"].font.size == Pt(15)
    texts = [p.text for p in document.paragraphs]
    assert "Isi templat yang harus hilang dari dokumen." not in texts
    assert "BAB III RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS" in texts
    # -- zi-sheets' own styles the template lacks are added, so the numbered lists still look right
    assert document.styles["Numbered Item"].paragraph_format.first_line_indent < 0


def test_template_without_a_needed_style_is_named(tmp_path):
    template = _template(tmp_path / "kurang.docx", drop="Heading 2")
    out = tmp_path / "hasil"
    result = CliRunner().invoke(
        main, ["build", str(EXAMPLE), "-o", str(out), "--docx-template", str(template)]
    )
    assert result.exit_code == 3
    assert "kurang.docx tidak memiliki gaya 'Heading 2'" in result.stderr
    assert not out.exists()


def test_template_that_is_not_a_docx(tmp_path):
    template = tmp_path / "bukan.docx"
    template.write_text("teks", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", str(EXAMPLE), "-o", str(tmp_path / "x"), "--docx-template", str(template)]
    )
    assert result.exit_code == 3 and "bukan.docx bukan dokumen Word" in result.stderr
