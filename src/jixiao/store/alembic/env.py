"""Alembic environment: runs the migrations against the URL jixiao passes in (see store/db.py)."""

from __future__ import annotations

from alembic import context

from jixiao.store.db import get_engine
from jixiao.store.schema import metadata
from jixiao.store.search import include_name

config = context.config


def run_migrations_online() -> None:
    """Run the migrations on a connection to the configured database."""
    engine = get_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
