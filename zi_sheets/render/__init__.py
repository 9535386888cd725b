"""Renderers: one module per document (plus the shared python-docx helpers) and the rekap workbook."""
