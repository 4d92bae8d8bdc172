"""`python -m etl` runs the omzien command (the same as the installed `omzien`)."""

from etl.cli import main

main()
