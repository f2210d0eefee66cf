"""The command line: parse arguments, call the service, format, choose the exit code.

Each command group lives in its own module and registers on `app`; importing them here is what
makes them part of `jixiao`. Exit codes: 0 success, 1 a table could not be read (or review found
errors), 2 usage errors.
"""

from __future__ import annotations

# One import per line: each registers its commands on `app`.
from jixiao.cli import (
    accounts,  # noqa: F401  (user add/list/passwd/role/disable/enable/logout, audit verify/archive)
    backup,  # noqa: F401  (backup, restore)
    basic,  # noqa: F401
    evaluate,  # noqa: F401  (evaluate-template, evaluate)
    export,  # noqa: F401  (export: xlsx, pdf, json, csv)
    library,  # noqa: F401  (library build/show/suggest/list/export, --db: jixiao.cli.library_db)
    monitoring,  # noqa: F401  (monitor-template, monitor)
    orgs,  # noqa: F401  (org list/place: the hierarchy region → department → unit)
    parse,  # noqa: F401
    review,  # noqa: F401  (review, rules)
    store,  # noqa: F401  (db, import, user, serve, demo)
    stored_evaluation,  # noqa: F401  (evaluation show/monitoring/load/load-monitoring)
    workflow,  # noqa: F401  (table findings, table submit)
)
from jixiao.cli.app import app


def main() -> None:
    """Run the jixiao command line (the console-script entry point)."""
    app()


__all__ = ["app", "main"]
