"""The command line: parse arguments, call the service, format, choose the exit code."""

from __future__ import annotations

import typer

app = typer.Typer(help="jixiao（绩效）：项目绩效目标表的读取、审核、评分与公开", no_args_is_help=True)


@app.command()
def version() -> None:
    """打印版本号。"""
    from jixiao import __version__

    typer.echo(__version__)


def main() -> None:
    app()
