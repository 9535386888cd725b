"""The command line: a click shell over the library (`zi_sheets.api`); parses, calls, prints, exits.

The commands live in `zi_sheets.cli.commands` (the `zi-sheets` entry point). This package imports none of
them, so that `python -m zi_sheets.cli.commands` runs that module once, as `__main__`, and not a second time
on the way in; `python -m zi_sheets.cli` runs it too (`__main__.py`), as it did when the CLI was one module.
"""
