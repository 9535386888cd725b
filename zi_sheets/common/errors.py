"""Exceptions of the core; `cli.py` turns them into one Indonesian line and an exit code."""

from __future__ import annotations


class ZiSheetsError(Exception):
    """Something the core cannot continue from; the message is one Indonesian sentence for the user."""

    exit_code = 3


class UnreadableWorkbook(ZiSheetsError):
    """The input could not be read at all: not an xlsx, encrypted, a required sheet or column missing."""
