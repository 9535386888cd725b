"""Checks for copy-paste residue: agencies (`agencies.py`) and places (`places.py`) of another unit named
in any text cell."""

from __future__ import annotations

from collections.abc import Iterator

from zi_sheets.checks.agencies import Mention, other_agencies
from zi_sheets.checks.context import CheckContext
from zi_sheets.checks.places import CHECKED_FIELDS, other_regions
from zi_sheets.checks.registry import check
from zi_sheets.checks.texts import around
from zi_sheets.common.findings import Finding, register
from zi_sheets.common.model import CellValue

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


# -- Identitas fields a copied workbook may still hold from the unit it was copied from ("Ketua Pengadilan
# -- Agama Lumajang" as Jabatan Pimpinan of Pengadilan Agama Jember, its town as Tempat Penetapan).
_IDENTITY_FIELDS = ("Jabatan Pimpinan", "Jabatan Ketua Tim", "Judul Dokumen", *CHECKED_FIELDS)


def _texts(context: CheckContext) -> Iterator[CellValue]:
    """Every free text of the workbook, and the Identitas fields that are not the unit's own name."""
    for name in _IDENTITY_FIELDS:
        value = context.identitas.get(name)
        if value and value.cell is not None:
            yield value
    yield from context.texts


@check(emits=(OTHER_AGENCY,))
def check_other_agencies(context: CheckContext) -> Iterator[Finding]:
    """No cell names an agency the unit neither is nor works with, nor another unit of its own kind
    (copy-paste residue; see agencies.py)."""
    unit = context.identitas.nama_unit
    judged: dict[str, list[Mention]] = {}  # -- texts repeat down a plan (komponen, targets, PJ)
    for value in _texts(context):
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
    fields = {context.identitas.get(name).cell for name in _IDENTITY_FIELDS}
    judged: dict[str, list[tuple[str, int, int]]] = {}
    for value in _texts(context):
        places = judged.get(value.text)
        if places is None:
            places = other_regions(value.text, region, field=value.cell in fields)
            if places:
                # -- the town in "PA Lumajang" is other-agency's: one finding for one fact
                siblings = [m for m in other_agencies(value.text, context.profile) if m.sibling]
                places = [p for p in places if not any(m.start <= p[1] < m.end for m in siblings)]
            judged[value.text] = places
        if places:
            yield OTHER_REGION.at(
                value.cell,
                names=[name for name, _, _ in places],
                wilayah=region.label,
                kutipan=around(value.text, *places[0][1:]),
            )
