"""The `stance` command line: the commands in `stance.cli.commands`, `summary` and `report` in `stance.cli.report`."""

from stance.cli.commands import app, main

__all__ = ["app", "main"]
