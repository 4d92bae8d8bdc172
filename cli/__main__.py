"""`python -m cli` runs the omzien command (the same as the installed `omzien`)."""

from cli.main import main

main()
