"""Stage 3, checks: findings over an `Analysis`, one module per family; each check is a generator that
yields findings and declares the finding types it may emit, defined beside it in its family's module.

Where a new check goes, by what it looks at: `structure` (sheets, rows, formulas, Identitas, NIPs,
placeholders), `completeness` (the plan against the catalogue, empty plan cells), `targets` (Target Waktu),
`residue` (other agencies and places copied in), `consistency` (old evidence, repeats and duplicates
within the plan), `monev` (the Monev, Realisasi and LaporanMonev sheets), `every_unit` (rules set on the
generated corpus of unit kinds). Beside them: `context` (CheckContext), `registry` (`@check`), `run` (the
families' order, `run_checks`), `texts` and `langkah` (reading free text), `agencies` and `places` (what
the unit may name), `diterima` (accepted findings).
"""
