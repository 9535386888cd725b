"""The registry of checks: what a check is, the decorator that registers one with the finding types it
emits (as frictionless' checks declare theirs), and the list `run.run_checks` runs.

A new check is a generator over the `CheckContext` in the module of its family, decorated with
`@check(emits=(ITS_TYPE, ...))`; the family's module is listed once in `run.FAMILIES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from zi_sheets.checks.context import CheckContext
from zi_sheets.common.findings import Finding, FindingType

CheckFunction = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """One check: a generator over the context that yields findings and never raises on bad data, and the
    finding types it may emit (tests/checks/test_finding_types.py holds each finding to its check's types)."""

    function: CheckFunction
    emits: tuple[FindingType, ...]

    @property
    def name(self) -> str:
        """The check's function name ("check_nips")."""
        return self.function.__name__

    @property
    def module(self) -> str:
        """The module of its family ("zi_sheets.checks.structure")."""
        return self.function.__module__

    def __call__(self, context: CheckContext) -> Iterable[Finding]:
        return self.function(context)


# -- Every registered check, in registration order (within a family, the order of the module). --
CHECKS: list[Check] = []


def check(*, emits: tuple[FindingType, ...], registered: bool = True) -> Callable[[CheckFunction], Check]:
    """Declare a check and the finding types it emits; registered (the default) it runs with every
    `run_checks`, else only when passed in `also` (a later stage's check, such as the LKE's)."""

    def declare(function: CheckFunction) -> Check:
        declared = Check(function, emits)
        if registered:
            CHECKS.append(declared)
        return declared

    return declare
