"""Run the command line: `python -m dpa_compare …`."""

from dpa_compare.cli import main

main()
