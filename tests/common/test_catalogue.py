"""The catalogue data: names printed whole, as the regulation writes them."""

from __future__ import annotations

import pytest

from zi_sheets.common.catalogue import REGULATIONS, load_catalogue

# -- A name cut off in the regulation's PDF table ends in one of these ("Penanganan Pengaduan Pelayanan dan").
_DANGLING = frozenset(
    "dan atau serta yang di ke dari untuk dengan pada oleh terhadap dalam bagi sebagai tentang karena maupun "
    "melalui antara".split()
)


def _names(key: str) -> list[tuple[str, str]]:
    catalogue = load_catalogue(key)
    found = [(komponen.code, komponen.name) for komponen in catalogue.komponen]
    return found + [(indicator.code, indicator.text) for indicator in catalogue.indicators]


@pytest.mark.parametrize("key", list(REGULATIONS))
def test_no_name_is_cut_off_or_carries_a_marker(key):
    for code, name in _names(key):
        last = name.lower().rstrip(".?:;, ").split()[-1]
        assert last not in _DANGLING, (code, name)
        assert not any(mark in name for mark in "›[]"), (code, name)
        assert name == name.strip(), (code, name)


@pytest.mark.parametrize(
    ("key", "code", "name"),
    [
        ("90-2021", "R.2.i", "Peta Proses Bisnis Mempengaruhi Penyederhanaan Jabatan"),
        ("90-2021", "R.6.ii", "Penanganan Pengaduan Pelayanan dan Konsultasi"),
        ("90-2021", "R.5.iii.i", "Penyampaian Laporan Harta Kekayaan Pejabat Negara (LHKPN)"),
        ("90-2021", "R.5.iii.ii", "Penyampaian Laporan Harta Kekayaan Aparatur Sipil Negara (LHKASN)"),
        ("52-2014", "3.1", "Perencanaan kebutuhan pegawai sesuai dengan kebutuhan organisasi"),
    ],
)
def test_komponen_names_completed_from_the_regulation(key, code, name):
    komponen = load_catalogue(key).komponen_by_code(code)
    assert komponen is not None and komponen.name == name


@pytest.mark.parametrize(
    ("code", "written"),
    [
        ("P.4.ii.h", "yang menangani akuntabilitas"),
        ("P.5.iii.b", "ditindaklanjuti"),
        ("R.3.ii.a", "assessment"),
    ],
)
def test_misspellings_of_the_regulation_corrected(code, written):
    indicator = load_catalogue("90-2021").indicator(code)
    assert indicator is not None and written in indicator.text


def test_documents_print_the_whole_names(tmp_path):
    from docx_dump import dump_docx
    from factory import filled_template

    from zi_sheets.delivery.builder import BuildOptions, build

    result = build(filled_template(tmp_path / "isi.xlsx"), BuildOptions(output=tmp_path / "hasil"))
    text = "\n".join(dump_docx(path) for path in result.documents)
    assert "›" not in text
    for cut in ("Pelayanan dan |", "Bisnis Mempengaruhi |"):
        assert cut not in text
    for whole in ("Penanganan Pengaduan Pelayanan dan Konsultasi", "Pejabat Negara (LHKPN)"):
        assert whole in text
