"""The core never imports the web framework or the database layer (style.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "jixiao"
CORE = ["model.py", "catalog.py", "values.py", "readers", "writers", "review", "scoring"]
FORBIDDEN = ("fastapi", "starlette", "sqlalchemy", "alembic", "jixiao.store", "jixiao.web", "jixiao.service")


def _modules(entry: str) -> list[Path]:
    path = SRC / entry
    if path.is_dir():
        return sorted(path.rglob("*.py"))
    return [path] if path.exists() else []


@pytest.mark.parametrize(
    "path", [p for entry in CORE for p in _modules(entry)], ids=lambda p: str(p.relative_to(SRC))
)
def test_core_module_imports_no_web_or_database_code(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    bad = sorted(name for name in imported if name.startswith(FORBIDDEN))
    assert bad == [], f"{path.name} imports {bad}"
