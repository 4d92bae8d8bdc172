"""`python -m etl` runs the omzien command (the same as the installed `omzien`).

An entry point, not part of the ETL layer: the layer contract in pyproject.toml lists it
as the one allowed upward import.
"""

from cli.main import main

main()
