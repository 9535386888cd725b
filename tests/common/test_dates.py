"""The Target Waktu parser: every form of the 2019 Pasirian plan and the common Indonesian variants."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from zi_sheets.common.bahasa import BULAN
from zi_sheets.common.dates import FLAGS, TargetDate, parse_target


def months(*specs: str) -> set[tuple[int, int]]:
    """Months from "2019-01", "2019-01..2019-12" and "2019-03/06/09/12" (one year, several months)."""
    result: set[tuple[int, int]] = set()
    for spec in specs:
        if ".." in spec:
            lo, hi = (_ym(part) for part in spec.split(".."))
            first, last = lo[0] * 12 + lo[1] - 1, hi[0] * 12 + hi[1] - 1
            result |= {(k // 12, k % 12 + 1) for k in range(first, last + 1)}
        else:
            year, _, rest = spec.partition("-")
            result |= {(int(year), int(m)) for m in rest.split("/")}
    return result


def _ym(spec: str) -> tuple[int, int]:
    year, month = spec.split("-")
    return int(year), int(month)


YEAR_2019 = months("2019-01..2019-12")
NONE: set[tuple[int, int]] = set()

# -- (cell value, plan year, whether any month is understood, the months, every flag) --
CASES = [
    # -- every TARGET WAKTU value of the 2019 Pasirian plan
    ("Januari 2019", 2019, True, months("2019-01"), set()),
    ("Juli , Desember 2019", 2019, True, months("2019-07/12"), {"list"}),
    ("Januari s/d Desember 2019", 2019, True, YEAR_2019, {"range"}),
    ("Maret 2019", 2019, True, months("2019-03"), set()),
    ("Januari 2019, setiap ada pertemuan", 2019, True, months("2019-01"), {"event"}),
    ("Desember 2019", 2019, True, months("2019-12"), set()),
    ("Januari s/d", 2019, True, months("2019-01"), {"year-assumed"}),
    ("Januari s/d\nDesember 2019", 2019, True, YEAR_2019, {"range"}),
    ("Juni, Desember", 2019, True, months("2019-06/12"), {"list", "year-assumed"}),
    ("Juni, Desember", None, False, NONE, {"list", "no-year"}),
    ("Juni 2019, Januari s/d Desember 2019", 2019, True, YEAR_2019, {"list", "range"}),
    ("Juli 2019", 2019, True, months("2019-07"), set()),
    ("Juli, Desember 2019", 2019, True, months("2019-07/12"), {"list"}),
    ("Februari s/d Maret 2019", 2019, True, months("2019-02/03"), {"range"}),
    ("Februari 2019", 2019, True, months("2019-02"), set()),
    ("Setiap bulan", 2019, True, YEAR_2019, {"recurring", "year-assumed"}),
    ("Setiap bulan", None, False, NONE, {"recurring", "no-year"}),
    ("Januari s/d Desember 2017", 2019, True, months("2017-01..2017-12"), {"range"}),
    ("Januari, desember 2019", 2019, True, months("2019-01/12"), {"list"}),
    ("Juni, Desember 2019", 2019, True, months("2019-06/12"), {"list"}),
    (
        "Renstra 2015-2019 RKT Bln Februari 2019, PK Januari 2019",
        2019,
        True,
        months("2019-01/02"),
        {"multi-year-range", "list"},
    ),
    ("Feb-17", 2019, True, months("2017-02"), set()),
    (
        "Adanya undangan Workshop penyusunan LAKIN setiap tahunnya ( 2 kali )",
        2019,
        True,
        YEAR_2019,
        {"recurring", "year-assumed"},
    ),
    ("Januari 2017", 2019, True, months("2017-01"), set()),
    ("Dokumen Petunjuk direvisi apabila ada perubahan kebijakan", 2019, False, NONE, {"event"}),
    ("Januari 2019 s/d Desember 2019", 2019, True, YEAR_2019, {"range"}),
    ("Juni, Desember 208", 2019, False, NONE, {"impossible-year", "list"}),
    ("02 Januari 2019", 2019, True, months("2019-01"), set()),
    ("Tahun 2019", 2019, True, YEAR_2019, {"whole-year"}),
    # -- single months, abbreviations, old spellings, case
    ("Bln Februari 2019", 2019, True, months("2019-02"), set()),
    ("JANUARI 2019", 2019, True, months("2019-01"), set()),
    ("Pebruari 2019", 2019, True, months("2019-02"), set()),
    ("Peb 2019", 2019, True, months("2019-02"), set()),
    ("Nopember 2019", 2019, True, months("2019-11"), set()),
    ("Agust 2019", 2019, True, months("2019-08"), set()),
    ("Jan, Mar, Mei, Jun, Jul 2019", 2019, True, months("2019-01/03/05/06/07"), {"list"}),
    ("Apr dan Agu 2019", 2019, True, months("2019-04/08"), {"list"}),
    ("Ags & Agt 2019", 2019, True, months("2019-08"), {"list"}),
    ("Sep; Sept; Okt; Nop; Nov; Des 2019", 2019, True, months("2019-09/10/11/12"), {"list"}),
    ("Mei", 2020, True, months("2020-05"), {"year-assumed"}),
    ("Januari tahun 2019", 2019, True, months("2019-01"), set()),
    # -- ranges
    ("Januari s.d. Juni 2019", 2019, True, months("2019-01..2019-06"), {"range"}),
    ("Januari s.d Juni 2019", 2019, True, months("2019-01..2019-06"), {"range"}),
    ("Januari sd Juni 2019", 2019, True, months("2019-01..2019-06"), {"range"}),
    ("Januari sampai Juni 2019", 2019, True, months("2019-01..2019-06"), {"range"}),
    ("Januari sampai dengan Juni 2019", 2019, True, months("2019-01..2019-06"), {"range"}),
    ("Juli hingga Desember 2019", 2019, True, months("2019-07..2019-12"), {"range"}),
    ("Januari - Maret 2019", 2019, True, months("2019-01..2019-03"), {"range"}),
    ("Januari\u2013Maret 2019", 2019, True, months("2019-01..2019-03"), {"range"}),
    ("Oktober 2019 - Maret 2020", 2019, True, months("2019-10..2020-03"), {"range"}),
    ("Oktober - Maret 2020", 2020, True, months("2019-10..2020-03"), {"range"}),
    ("Januari - Desember", 2021, True, months("2021-01..2021-12"), {"range", "year-assumed"}),
    ("Jan 2019-Des 2019", 2019, True, YEAR_2019, {"range"}),
    # -- lists over several lines and bullets
    ("- Juni 2019\n- Desember 2019", 2019, True, months("2019-06/12"), {"list"}),
    ("\u2022 Maret\n\u2022 September 2019", 2019, True, months("2019-03/09"), {"list"}),
    ("Juni/Desember 2019", 2019, True, months("2019-06/12"), {"list"}),
    ("Maret 2019, Juni", 2019, True, months("2019-03/06"), {"list"}),
    # -- quarters and semesters
    ("Triwulan II 2019", 2019, True, months("2019-04..2019-06"), set()),
    ("TW I", 2019, True, months("2019-01..2019-03"), {"year-assumed"}),
    ("Tw 4 2019", 2019, True, months("2019-10..2019-12"), set()),
    ("Triwulan ke-3 tahun 2019", 2019, True, months("2019-07..2019-09"), set()),
    ("TW I-IV 2019", 2019, True, YEAR_2019, {"range"}),
    ("Semester I 2019", 2019, True, months("2019-01..2019-06"), set()),
    ("Semester 2 2019", 2019, True, months("2019-07..2019-12"), set()),
    ("Semester I dan II 2019", 2019, True, YEAR_2019, {"list"}),
    ("Semester II", None, False, NONE, {"no-year"}),
    ("Semester ganjil 2019", 2019, True, months("2019-01..2019-06"), set()),
    # -- recurrences
    ("Tiap bulan", 2019, True, YEAR_2019, {"recurring", "year-assumed"}),
    ("Laporan bulanan", 2019, True, YEAR_2019, {"recurring", "year-assumed"}),
    ("setiap 3 bulan", 2019, True, months("2019-03/06/09/12"), {"recurring", "year-assumed"}),
    ("per triwulan", 2019, True, months("2019-03/06/09/12"), {"recurring", "year-assumed"}),
    ("Setiap 6 bulan", 2019, True, months("2019-06/12"), {"recurring", "year-assumed"}),
    ("6 bulan sekali", 2019, True, months("2019-06/12"), {"recurring", "year-assumed"}),
    (
        "Rapat evaluasi setiap enam bulan sekali",
        2019,
        True,
        months("2019-06/12"),
        {"recurring", "year-assumed"},
    ),
    ("Per semester", 2019, True, months("2019-06/12"), {"recurring", "year-assumed"}),
    ("setiap 3 bulan tahun 2019", 2024, True, months("2019-03/06/09/12"), {"recurring"}),
    ("Setahun sekali", 2019, True, YEAR_2019, {"recurring", "year-assumed"}),
    ("sekali dalam setahun", 2019, True, YEAR_2019, {"recurring", "year-assumed"}),
    ("Setiap tahun", 2019, True, YEAR_2019, {"recurring", "year-assumed"}),
    ("tiap tahun", 2019, True, YEAR_2019, {"recurring", "year-assumed"}),
    ("Januari s/d Desember 2019 (setiap bulan)", 2019, True, YEAR_2019, {"range", "recurring"}),
    # -- events
    ("Setiap kali ada perubahan", 2019, False, NONE, {"event"}),
    ("SIMPEG dilakukan setiap kali ada perubahan", 2019, False, NONE, {"event"}),
    ("Sesuai kebutuhan", 2019, False, NONE, {"event"}),
    # -- numeric forms
    ("Jan-19", 2019, True, months("2019-01"), set()),
    ("2019-03", 2019, True, months("2019-03"), set()),
    ("03/2019", 2019, True, months("2019-03"), set()),
    ("3/2019", 2019, True, months("2019-03"), set()),
    ("15/08/2019", 2019, True, months("2019-08"), set()),
    ("2019-01-01 00:00:00", 2019, True, months("2019-01"), set()),
    ("2019", 2019, True, YEAR_2019, {"whole-year"}),
    # -- month codes and the parts of a year, as units write their schedules (issue 22)
    ("B03", 2021, True, months("2021-03"), {"year-assumed"}),
    ("B03, B06, B09 dan B12", 2021, True, months("2021-03/06/09/12"), {"list", "year-assumed"}),
    ("B1 - B12", 2021, True, months("2021-01..2021-12"), {"range", "year-assumed"}),
    ("B03 2022", 2021, True, months("2022-03"), set()),
    ("Bln 3", 2021, True, months("2021-03"), {"year-assumed"}),
    ("Bln. 3, 6, 9 dan 12 2021", 2021, True, months("2021-03/06/09/12"), {"list"}),
    ("Bln 3-6", 2021, True, months("2021-03..2021-06"), {"range", "year-assumed"}),
    ("Bulan ke-3", 2021, True, months("2021-03"), {"year-assumed"}),
    ("Lab 3", 2021, False, NONE, {"unparsed"}),
    ("Bulan 1-12", 2021, True, months("2021-01..2021-12"), {"range", "year-assumed"}),  # -- no year 2012
    ("Setiap akhir bulan", 2021, True, months("2021-01..2021-12"), {"recurring", "year-assumed"}),
    ("Setiap akhir triwulan", 2021, True, months("2021-03/06/09/12"), {"recurring", "year-assumed"}),
    ("Sepanjang Tahun", 2021, True, months("2021-01..2021-12"), {"recurring", "year-assumed"}),
    ("Tahun Berjalan", 2021, True, months("2021-01..2021-12"), {"recurring", "year-assumed"}),
    ("Akhir Tahun Anggaran 2021", 2021, True, months("2021-12"), set()),
    ("TW II", 2021, True, months("2021-04..2021-06"), {"year-assumed"}),
    ("Triw. II", 2021, True, months("2021-04..2021-06"), {"year-assumed"}),
    ("Tiap Bulan", 2021, True, months("2021-01..2021-12"), {"recurring", "year-assumed"}),
    ("Setiap Triwulan", 2021, True, months("2021-03/06/09/12"), {"recurring", "year-assumed"}),
    ("Per Semester", 2021, True, months("2021-06/12"), {"recurring", "year-assumed"}),
    ("Minggu ke-2 Maret", 2021, True, months("2021-03"), {"year-assumed"}),
    ("Akhir Tahun", 2021, True, months("2021-12"), {"year-assumed"}),
    ("Akhir Tahun 2020", 2021, True, months("2020-12"), set()),
    ("Awal Tahun", 2021, True, months("2021-01"), {"year-assumed"}),
    ("Pertengahan Tahun", 2021, True, months("2021-06"), {"year-assumed"}),
    ("1 Maret - 30 April 2021", 2021, True, months("2021-03..2021-04"), {"range"}),
    ("01/03/2021 - 30/04/2021", 2021, True, months("2021-03..2021-04"), {"range"}),
    (dt.datetime(2021, 3, 15), 2021, True, months("2021-03"), set()),
    # -- years that cannot be
    ("Desember 208", 2019, False, NONE, {"impossible-year"}),
    ("Tahun 208", 2019, False, NONE, {"impossible-year"}),
    ("Juni 2019, Desember 208", 2019, True, months("2019-06"), {"impossible-year", "list"}),
    ("Renstra 2015-2019", 2019, False, NONE, {"multi-year-range"}),
    # -- cells that are not text
    (None, 2019, False, NONE, {"unparsed"}),
    ("", 2019, False, NONE, {"unparsed"}),
    ("   ", 2019, False, NONE, {"unparsed"}),
    ("-", 2019, False, NONE, {"unparsed"}),
    ("lihat lampiran", 2019, False, NONE, {"unparsed"}),
    ("ISO 17025", 2019, False, NONE, {"unparsed"}),
    (dt.datetime(2019, 5, 1), 2019, True, months("2019-05"), set()),
    (dt.date(2020, 2, 29), 2019, True, months("2020-02"), set()),
    (43466, 2019, True, months("2019-01"), set()),
    (43466.0, 2019, True, months("2019-01"), set()),
    (2019, 2019, True, YEAR_2019, {"whole-year"}),
    (2019.0, None, True, YEAR_2019, {"whole-year"}),
    (208, 2019, False, NONE, {"impossible-year"}),
    (7, 2019, False, NONE, {"unparsed"}),
    (float("nan"), 2019, False, NONE, {"unparsed"}),
    (True, 2019, False, NONE, {"unparsed"}),
    (["Januari 2019"], 2019, False, NONE, {"unparsed"}),
]


@pytest.mark.parametrize(
    ("value", "plan_year", "parsed", "expected", "flags"), CASES, ids=[repr(c[0])[:40] for c in CASES]
)
def test_parse_target(value: object, plan_year: int | None, parsed: bool, expected: set, flags: set) -> None:
    result = parse_target(value, plan_year)
    assert result.parsed is parsed
    assert set(result.months) == expected
    assert result.flags == flags


def test_text_is_kept_untouched() -> None:
    text = "  Juli , Desember 2019 "
    assert parse_target(text, 2019).text == text


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Renstra 2015-2019 RKT Bln Februari 2019, PK Januari 2019", {2015, 2016, 2017, 2018, 2019}),
        ("Juni, Desember 208", {208}),
        ("Feb-17", {2017}),
        ("Oktober 2019 - Maret 2020", {2019, 2020}),
        ("Setiap bulan", set()),
        ("Juni, Desember", set()),
    ],
)
def test_years_are_those_written(text: str, years: set[int]) -> None:
    assert parse_target(text, 2019).years == years


def test_plan_year_fills_only_yearless_months() -> None:
    assert parse_target("Januari 2019, Juni", 2024).months == {(2019, 1), (2019, 6)}
    assert "year-assumed" not in parse_target("Januari 2019, Juni", 2024).flags


def test_months_until_and_bounds() -> None:
    target = parse_target("Januari s/d Desember 2019", 2019)
    assert target.months_until(2019, 3) == {(2019, 1), (2019, 2), (2019, 3)}
    assert target.months_until(2018, 12) == frozenset()
    assert (target.first, target.last) == ((2019, 1), (2019, 12))
    assert parse_target("", 2019).first is None


_WORDS = (
    [name for name in BULAN]
    + [name.lower()[:3] for name in BULAN]
    + [
        "Peb",
        "Nopember",
        "Agust",
        "Sept",
        "Desember",
        "Tahun",
        "Bln",
        "TW",
        "Triwulan",
        "Semester",
        "ke",
        "I",
        "II",
        "III",
        "IV",
        "V",
        "setiap",
        "tiap",
        "per",
        "bulan",
        "tahunnya",
        "sekali",
        "kali",
        "ada",
        "apabila",
        "pertemuan",
        "Renstra",
        "RKT",
        "PK",
        "dan",
        "&",
        "s/d",
        "s.d.",
        "sd",
        "sampai",
        "dengan",
        "hingga",
        "-",
        "\u2013",
        ",",
        ";",
        "\n",
        "/",
        "(",
        ")",
        "'",
        ".",
        "\u2022",
        "2019",
        "2020",
        "2015",
        "208",
        "17",
        "19",
        "02",
        "1",
        "3",
        "6",
        "43466",
        "99999",
        "0",
        "00",
        "12",
        "13",
        "2019-03",
        "03/2019",
        "Feb-17",
        "",
        " ",
    ]
)


def _random_text(rng: random.Random) -> str:
    return rng.choice(["", " "]).join(rng.choice(_WORDS) for _ in range(rng.randint(0, 12)))


def test_never_raises_on_token_soup() -> None:
    rng = random.Random(20190102)
    for _ in range(600):
        text = _random_text(rng)
        result = parse_target(text, rng.choice([None, 2019, 208]))
        _check_invariants(result, text)


def test_never_raises_on_arbitrary_characters() -> None:
    rng = random.Random(17)
    alphabet = "abcdejnprstuJDNS0123456789 -/.,;:&()'\n\t\u2013\u2022\u00a0"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        _check_invariants(parse_target(text, 2019), text)


def _check_invariants(result: TargetDate, text: str) -> None:
    assert isinstance(result, TargetDate)
    assert result.text == text
    assert result.flags <= FLAGS, result.flags
    assert not (result.months and "unparsed" in result.flags)
    assert result.months or result.flags, text
    assert all(1 <= month <= 12 and 1990 <= year <= 2101 for year, month in result.months), text
    # -- every span lies in the months, and every month has a span to fall due with
    assert all(first <= last and {first, last} <= result.months for first, last in result.spans), text
    assert all(any(first <= m <= last for first, last in result.spans) for m in result.months), text
