"""The Word (.docx) helpers every document of `zi_sheets.render` shares, one module per job.

From the bottom up (a module imports only the layers below it; pyproject.toml's import-linter contract
checks it): `oxml` (raw WordprocessingML edits) and `layout` (measures and estimates); `styles` (the named
styles and the cache of style lookups); `text`, `tables` and `pictures`; `page` (sections, page numbers,
letterhead); `document` (a new document, its properties, saving) and `signature` (signature blocks, Jabatan
and NIP as printed).
"""
