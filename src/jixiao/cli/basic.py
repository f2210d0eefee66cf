"""Small commands that need nothing else: the version."""

from __future__ import annotations

import typer

from jixiao.cli.app import app


@app.command()
def version() -> None:
    """打印版本号。"""
    from jixiao import __version__

    typer.echo(__version__)
