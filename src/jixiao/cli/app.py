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
def _root(ctx: typer.Context) -> None:
    """jixiao（绩效）：项目绩效目标表的读取、审核、评分与公开。"""
    # The command line acts as the operator of the local database: the audit log names the
    # operating-system user who ran it, and "cli" as the source.
    import getpass
    from functools import partial

    from jixiao.service import reset_audit_context, set_audit_context

    try:
        operator = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a bare container)
        operator = "unknown"
    ctx.call_on_close(partial(reset_audit_context, set_audit_context(actor=operator[:120], address="cli")))
