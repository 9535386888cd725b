"""Checks for copy-paste residue: agencies (`agencies.py`) and places (`places.py`) of another unit named
in any text cell."""

from __future__ import annotations

from collections.abc import Iterator

from zi_sheets.checks.agencies import Mention, other_agencies
from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.places import other_regions
from zi_sheets.checks.registry import check
from zi_sheets.checks.texts import around
from zi_sheets.common.findings import Finding, register

# -- The finding types of this family (the README lists them in `lke.check.CATALOGUE_ORDER`). --
OTHER_AGENCY = register(
    "other-agency",
    "warning",
    "Teks menyebut instansi lain (sisa salinan)",
    "Teks menyebut {names}, bukan {unit}; kemungkinan sisa salinan dari dokumen instansi lain: '{kutipan}'.",
    "Nama instansi lain di dokumen unit biasanya sisa salinan dari dokumen instansi lain.",
)
OTHER_REGION = register(
    "other-region",
    "warning",
    "Teks menyebut daerah lain (sisa salinan)",
    "Teks menyebut {names}, bukan wilayah {wilayah}; kemungkinan sisa salinan dari dokumen daerah lain: "
    "'{kutipan}'.",
    "Nama kabupaten, kota atau provinsi lain di dokumen unit biasanya sisa salinan dari dokumen daerah lain.",
)


@check(emits=(OTHER_AGENCY,))
def check_other_agencies(context: CheckContext) -> Iterator[Finding]:
    """No cell names an agency the unit neither is nor works with (copy-paste residue; see agencies.py)."""
    unit = context.identitas.nama_unit
    judged: dict[str, list[Mention]] = {}  # -- texts repeat down a plan (komponen, targets, PJ)
    for value in context.texts:
        mentions = judged.get(value.text)
        if mentions is None:
            mentions = judged[value.text] = other_agencies(value.text, context.profile)
        if mentions:
            yield OTHER_AGENCY.at(
                value.cell,
                names=[m.name for m in mentions],
                unit=unit or "unit kerja ini",
                kutipan=around(value.text, mentions[0].start, mentions[0].end),
            )


@check(emits=(OTHER_REGION,))
def check_other_regions(context: CheckContext) -> Iterator[Finding]:
    """No cell names a kabupaten, kota or province other than the unit's own (see places.py)."""
    region = context.region
    judged: dict[str, list[tuple[str, int, int]]] = {}
    for value in context.texts:
        places = judged.get(value.text)
        if places is None:
            places = judged[value.text] = other_regions(value.text, region)
        if places:
            yield OTHER_REGION.at(
                value.cell,
                names=[name for name, _, _ in places],
                wilayah=region.label,
                kutipan=around(value.text, *places[0][1:]),
            )
