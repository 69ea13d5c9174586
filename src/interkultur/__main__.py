"""``python -m interkultur`` runs the CLI."""

from .cli import run

run()
