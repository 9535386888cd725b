"""Document renderers: one module per document, plus the shared python-docx helpers."""
