"""The house's layers, checked: every import in src/jixiao follows the table below, with no cycles.

Each part of the package may import only the parts listed for it (and itself). The faces (cli, web)
reach stored tables through `jixiao.service` and files through `jixiao.pipeline`, and otherwise
import only pure modules; readers and writers never import each other (their shared contracts are
in `jixiao.formats`); SQL lives in `jixiao.store` only; nothing below the faces imports a web
framework. Imports inside functions count as much as those at the top of a module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "jixiao"

# Pure modules anyone may use: records, the value grammar, the catalogue, the lifecycle, who may
# do what, the list's queries, the formats' contracts, the diff of two tables.
PURE = {
    "model",
    "values",
    "value_text",
    "value_units",
    "value_words",
    "value_dates",
    "value_numerals",
    "catalog",
    "workflow",
    "permissions",
    "queries",
    "formats",
    "diff",
    "evaluation",
}

LAYERS: dict[str, set[str]] = {
    "__version__": set(),
    "model": set(),
    "workflow": set(),
    "queries": set(),
    "value_text": {"model"},
    "value_units": set(),
    "value_words": {"model"},
    "value_dates": {"model"},
    "value_numerals": {"value_units", "value_words"},
    "values": {"model", "value_text", "value_units", "value_words", "value_dates", "value_numerals"},
    "catalog": {"model"},
    "diff": {"model", "values"},
    "permissions": {"workflow", "queries"},
    "formats": {"model", "values", "catalog"},
    "review": {"model", "values", "catalog"},
    # the 指标库's mining core: tables in (records), entries out; no reader, no store
    "library": {"model", "values", "catalog"},
    # the records the evaluation workbooks hold (SelfEvaluation, MonitoringSnapshot, profiles): what
    # readers fill, scoring computes on and writers print, so none of those three imports another
    "evaluation": {"model", "values", "catalog", "formats"},
    "scoring": {"model", "values", "catalog", "formats", "evaluation"},
    "readers": {"model", "values", "value_words", "catalog", "formats", "evaluation"},
    "writers": {"model", "values", "catalog", "formats", "evaluation", "workflow"},
    "store": {"model", "values", "catalog", "formats", "evaluation", "workflow", "queries"},
    "pipeline": {"readers", "review", "scoring", "writers", "model", "evaluation"},
    # the 指标库 over a database (service.library*) runs the pure mining core
    "service": PURE | {"readers", "review", "scoring", "writers", "store", "evaluation", "library"},
    "web": PURE | {"service"},
    # the command line also starts the web server (`jixiao serve`)
    "cli": PURE | {"service", "pipeline", "web", "__version__", "library"},
}

# Third-party packages only some parts may import.
FRAMEWORKS = {
    "sqlalchemy": {"store", "service"},  # the service holds transactions: Connection and Engine only
    "alembic": {"store"},
    "argon2": {"store"},
    "fastapi": {"web"},
    "starlette": {"web"},
    "typer": {"cli"},
    "rich": {"cli"},
}
SERVICE_SQLALCHEMY = {"Connection", "Engine"}


@dataclass(frozen=True)
class Import:
    importer: str  # jixiao.service.tables
    imported: str  # jixiao.store.listing, or sqlalchemy
    names: tuple[str, ...]
    line: int


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(module: str) -> bool:
    return (SRC / module.replace(".", "/") / "__init__.py").exists()


def _imports() -> Iterator[Import]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "alembic" in path.parts:
            continue  # migrations are the store's, run by Alembic
        importer = _module_name(path)
        package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield Import(importer, alias.name, (), node.lineno)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base])
                names = tuple(alias.name for alias in node.names)
                if base.strip(".") == "jixiao":  # ``from jixiao import values``: the part itself
                    for name in names:
                        yield Import(importer, f"jixiao.{name}", (), node.lineno)
                    continue
                yield Import(importer, base.strip("."), names, node.lineno)


def _part(module: str) -> str:
    """The layer a jixiao module belongs to: ``jixiao.service.tables`` → ``service``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


IMPORTS = list(_imports())


@pytest.mark.parametrize("part", sorted(LAYERS))
def test_each_part_imports_only_the_parts_below_it(part: str) -> None:
    wrong = sorted(
        f"{i.importer}:{i.line} imports {i.imported}"
        for i in IMPORTS
        if _part(i.importer) == part
        and i.imported.startswith("jixiao.")
        and _part(i.imported) not in LAYERS[part] | {part}
    )
    assert wrong == []


def test_every_part_is_in_the_layer_table() -> None:
    parts = {_part(_module_name(path)) for path in PACKAGE.rglob("*.py")} - {""}
    assert parts <= set(LAYERS)


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_frameworks_stay_in_their_part(framework: str) -> None:
    wrong = sorted(
        f"{i.importer}:{i.line} imports {i.imported}"
        for i in IMPORTS
        if i.imported.split(".")[0] == framework and _part(i.importer) not in FRAMEWORKS[framework]
    )
    assert wrong == []


def test_sql_lives_in_the_store() -> None:
    """The service may hold a transaction (Connection, Engine); queries, SQL text, errors: the store."""
    wrong = sorted(
        f"{i.importer}:{i.line} imports {i.imported} {i.names}"
        for i in IMPORTS
        if _part(i.importer) == "service"
        and i.imported.split(".")[0] == "sqlalchemy"
        and not (i.imported == "sqlalchemy" and set(i.names) <= SERVICE_SQLALCHEMY)
    )
    assert wrong == []


def _graph() -> dict[str, set[str]]:
    """Module → the jixiao modules it imports (``from pkg import sub`` counts as importing pkg.sub)."""
    graph: dict[str, set[str]] = {
        _module_name(p): set() for p in PACKAGE.rglob("*.py") if "alembic" not in p.parts
    }
    for i in IMPORTS:
        if not i.imported.startswith("jixiao"):
            continue
        targets = {i.imported}
        if _is_package(i.imported) and i.names:
            submodules = {f"{i.imported}.{name}" for name in i.names} & graph.keys()
            # ``from pkg import sub`` imports the submodule; the package only for names it defines
            targets = submodules | ({i.imported} if len(submodules) < len(i.names) else set())
        graph[i.importer] |= {t for t in targets if t in graph and t != i.importer}
    return graph


def test_no_import_cycles() -> None:
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert cycles == []


def test_no_module_is_over_500_lines() -> None:
    long = sorted(
        f"{path.relative_to(SRC)}: {n}"
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500
    )
    assert long == []
