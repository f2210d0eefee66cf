"""The command line: parse arguments, call the service, format, choose the exit code.

Each command group lives in its own module and registers on `app`; importing them here is what
makes them part of `jixiao`. Exit codes: 0 success, 1 a table could not be read (or review found
errors), 2 usage errors.
"""

from __future__ import annotations

from jixiao.cli import basic, parse  # noqa: F401  (registers commands)
from jixiao.cli import evaluate as _evaluate  # noqa: F401  (scoring commands)
from jixiao.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
