"""`python -m etl` runs the omzien command (the same as the installed `omzien`).

The ETL layer sits below the CLI and does not import it: this entry point hands the
process over to `python -m cli` with the same arguments.
"""

import os
import sys

os.execv(sys.executable, [sys.executable, "-m", "cli", *sys.argv[1:]])
