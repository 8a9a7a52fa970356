"""``python -m pagevault`` runs the command line."""

from pagevault.entry import main

main()
