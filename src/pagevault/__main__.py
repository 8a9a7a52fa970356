"""``python -m pagevault`` runs the command line."""

from pagevault.cli import main

main()
