"""Storage: SQLAlchemy schema, Alembic migrations, repository functions (no web imports)."""

# Registers the monitoring/self-evaluation tables on the shared MetaData wherever the store is used
# (migrations' env, the schema comparison test), not only where jixiao.store.evaluation is imported.
from jixiao.store import admin as _admin  # noqa: F401  (the rule_profiles table)
from jixiao.store import evaluation as _evaluation  # noqa: F401
from jixiao.store import library_schema as _library_schema  # noqa: F401
from jixiao.store import published as _published  # noqa: F401
