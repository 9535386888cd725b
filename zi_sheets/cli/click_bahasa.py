"""click's own words (help headings, usage errors) in Indonesian, for the `zi-sheets` command line.

-- click marks its messages for gettext but ships no translations, and reading a .mo file depends on the
-- user's locale variables. Each click module looks its `_`/`ngettext` up as a module global at call time,
-- so `install` points those names at this table; a message missing here (a newer click) stays English. --
"""

from __future__ import annotations

import importlib

# -- click's msgid -> Indonesian; placeholders in braces are kept as click fills them in. --
MESSAGES: dict[str, str] = {
    # help
    "Usage:": "Penggunaan:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Show this message and exit.": "Tampilkan pesan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "required": "wajib",
    "(dynamic)": "(dinamis)",
    # errors
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Aborted!": "Dibatalkan.",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Missing argument": "Argumen belum diberikan:",
    "Missing option": "Opsi belum diberikan:",
    "Missing parameter": "Parameter belum diberikan:",
    "Missing parameter: {param_name}": "Parameter belum diberikan: {param_name}",
    "Missing command.": "Perintah belum diberikan.",
    "No such option {name!r}.": "Opsi {name!r} tidak dikenal.",
    "No such command {name!r}.": "Perintah {name!r} tidak dikenal.",
    "Did you mean {possibility}?": "Maksudnya {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksudnya salah satu dari: {possibilities}?)",
    "Got unexpected extra argument ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} bukan nilai ya/tidak yang sah; yang dikenal: {states}"
    ),
    "file": "berkas",
    "directory": "folder",
    "path": "jalur",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulis.",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "Error: invalid input": "Galat: masukan tidak sah",
    "Repeat for confirmation": "Ulangi untuk konfirmasi",
    "Error: The two entered values do not match.": "Galat: kedua isian tidak sama.",
}

_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
)


def gettext(message: str) -> str:
    """The Indonesian text of a click message, or the message itself when it has none."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """`gettext` of the singular or plural form; Indonesian does not inflect, the table keeps both."""
    return gettext(singular if count == 1 else plural)


def install() -> None:
    """Make click speak Indonesian in this process (help, usage errors, prompts)."""
    for name in _MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
