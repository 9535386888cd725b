"""`python -m zi_sheets.cli`: the `zi-sheets` command."""

import sys

from zi_sheets.cli.commands import main

sys.exit(main())
