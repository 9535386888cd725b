"""Coverage figures: how much of the regulation's catalogue a plan covers, per area and overall (computed
once by `analyse.Analysis.coverage`, printed by the Report and the documents)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from zi_sheets.common.model import AREAS


def _percent(covered: int, total: int) -> int:
    """Whole percent, rounded down so that 100% always means complete; 0 when there is nothing to cover."""
    return math.floor(100 * covered / total) if total else 0


@dataclass(frozen=True)
class AreaCoverage:
    """How much of one area of the catalogue the plan covers."""

    area_no: int
    komponen_covered: int
    komponen_total: int
    indicators_covered: int
    indicators_total: int

    @property
    def indicator_percent(self) -> int:
        return _percent(self.indicators_covered, self.indicators_total)

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area_no,
            "nama": AREAS.get(self.area_no, ""),
            "komponen": [self.komponen_covered, self.komponen_total],
            "indikator": [self.indicators_covered, self.indicators_total],
            "indikator_persen": self.indicator_percent,
        }


@dataclass(frozen=True)
class Coverage:
    """How much of the regulation's catalogue the plan covers: komponen with a row, indicators matched."""

    regulation: str
    komponen_covered: int
    komponen_total: int
    indicators_covered: int
    indicators_total: int
    areas: tuple[AreaCoverage, ...] = ()

    @property
    def indicator_percent(self) -> int:
        """Indicators covered as a whole percent, rounded down."""
        return _percent(self.indicators_covered, self.indicators_total)

    def sentence(self) -> str:
        """ "komponen 23 dari 23, indikator 61 dari 81 (75%)" """
        return (
            f"komponen {self.komponen_covered} dari {self.komponen_total}, indikator "
            f"{self.indicators_covered} dari {self.indicators_total} ({self.indicator_percent}%)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "regulasi": self.regulation,
            "komponen": [self.komponen_covered, self.komponen_total],
            "indikator": [self.indicators_covered, self.indicators_total],
            "indikator_persen": self.indicator_percent,
            "area": [area.to_dict() for area in self.areas],
        }
