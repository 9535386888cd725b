"""Writing the user's workbook: `init`'s template, `--lke-only` and `--sinkron-realisasi` (beside delivery:
it may use every stage below it, and nothing below imports it)."""
