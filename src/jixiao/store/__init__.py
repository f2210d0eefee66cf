"""Storage: SQLAlchemy schema, Alembic migrations, repository functions (no web imports)."""
