"""Stage 1, reading: the workbook file (.xlsx or .ods) into `common.model.Workbook`, each cell kept.

The sheets' columns are defined once in `reading.schema`; nothing here knows about catalogues, periods or
checks."""
