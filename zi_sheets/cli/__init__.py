"""The command line: a click shell over the library (`zi_sheets.api`); parses, calls, prints, exits."""

from zi_sheets.cli.commands import main

__all__ = ["main"]
