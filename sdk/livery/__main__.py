"""``python -m livery`` runs the command line."""

from livery.cli import main

main()
