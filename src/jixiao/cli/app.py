"""The Typer application object; command modules register themselves on it."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="jixiao（绩效）：项目绩效目标表的读取、审核、评分与公开",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """jixiao（绩效）：项目绩效目标表的读取、审核、评分与公开。"""
