"""The hierarchy of organisations: 财政区划 (region) → 主管部门 (department) → 用款单位 (unit).

A department that spends itself (部门本级) is its own tables' unit. A reviewer's scope is the subtree of
the organisations they are given (a region, a department): every organisation below them, themselves
included, read here with one recursive query on both databases; `jixiao.permissions` decides with it.
Imports place the organisations they create: a new department under the region 未知区划 (``000000``),
a new unit under the department its table names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, insert, or_, select, update

from jixiao.store.schema import orgs, perf_tables
from jixiao.store.table_keys import region_code_of, sync_children

UNKNOWN_REGION = "未知区划"
UNKNOWN_CODE = "000000"


class Kind(StrEnum):
    """What an organisation is in the hierarchy."""

    REGION = "region"  # 财政区划
    DEPARTMENT = "department"  # 主管部门
    UNIT = "unit"  # 用款单位

    @property
    def label(self) -> str:
        """The Chinese name of the kind."""
        return {"region": "财政区划", "department": "主管部门", "unit": "用款单位"}[self.value]


# The parent each kind may have.
PARENT_KIND = {Kind.DEPARTMENT: Kind.REGION, Kind.UNIT: Kind.DEPARTMENT}


@dataclass(frozen=True, slots=True)
class Org:
    """One organisation with its place in the hierarchy."""

    id: int
    name: str
    kind: Kind | None
    parent: str | None
    code: str | None


def subtree_ids(roots: Any) -> Any:
    """A SELECT of the ids of ``roots`` (a SELECT of org ids) and of every organisation below them."""
    tree = select(orgs.c.id).where(orgs.c.id.in_(roots)).cte("subtree", recursive=True)
    below = select(orgs.c.id).where(orgs.c.parent_id == tree.c.id)
    tree = tree.union(below)
    return select(tree.c.id)


def subtree_of_names(names: Sequence[str]) -> Any:
    """A SELECT of the ids of the named organisations and of every organisation below them."""
    return subtree_ids(select(orgs.c.id).where(orgs.c.name.in_(list(names))))


def subtree_names(conn: Connection, names: Sequence[str]) -> tuple[str, ...]:
    """The names of the named organisations and of everything below them, sorted."""
    if not names:
        return ()
    rows = conn.execute(
        select(orgs.c.name).where(orgs.c.id.in_(subtree_of_names(names))).order_by(orgs.c.name)
    )
    return tuple(rows.scalars())


def department_of(conn: Connection, unit: str | None) -> str | None:
    """The department a unit is placed under (a department spending itself: its own name), or None."""
    if not unit:
        return None
    parent = orgs.alias("parent")
    row = conn.execute(
        select(orgs.c.kind, parent.c.name.label("parent"), parent.c.kind.label("parent_kind"))
        .select_from(orgs.outerjoin(parent, parent.c.id == orgs.c.parent_id))
        .where(orgs.c.name == unit)
    ).first()
    if row is None:
        return None
    if row.kind == Kind.DEPARTMENT.value:
        return unit
    return str(row.parent) if row.parent_kind == Kind.DEPARTMENT.value else None


def unknown_region(conn: Connection) -> int:
    """The id of the region 未知区划 (code 000000), made if missing."""
    found = conn.execute(select(orgs.c.id).where(orgs.c.name == UNKNOWN_REGION)).scalar_one_or_none()
    if found is not None:
        return int(found)
    row = {"name": UNKNOWN_REGION, "kind": Kind.REGION.value, "code": UNKNOWN_CODE}
    return int(conn.execute(insert(orgs).returning(orgs.c.id), [row]).scalar_one())


def place_new(conn: Connection, pairs: Iterable[tuple[str | None, str | None]], ids: dict[str, int]) -> None:
    """Give organisations not yet placed their place from tables' (unit, department) pairs: the
    department under 未知区划, the unit under the department. Placed ones are left where they are."""
    departments = {d.strip() for _, d in pairs if d and d.strip()}
    unplaced = _unplaced(
        conn,
        [ids[name] for name in departments | {u.strip() for u, _ in pairs if u and u.strip()} if name in ids],
    )
    if not unplaced:
        return
    wanted = [ids[d] for d in departments if d in ids and ids[d] in unplaced]
    if wanted:
        region = unknown_region(conn)
        conn.execute(
            update(orgs).where(orgs.c.id.in_(wanted)).values(kind=Kind.DEPARTMENT.value, parent_id=region)
        )
    units: dict[int, int] = {}
    parent = orgs.alias("parent")
    for unit, department in pairs:
        if unit and department and unit.strip() != department.strip():
            uid, did = ids.get(unit.strip()), ids.get(department.strip())
            if uid in unplaced and uid not in wanted and did is not None:
                units[uid] = did
    if units:
        conn.execute(
            update(orgs)
            .where(and_(orgs.c.id == bindparam("b_id"), orgs.c.kind.is_(None)))
            .values(
                kind=Kind.UNIT.value,
                parent_id=bindparam("b_parent"),
                region_code=select(parent.c.region_code)
                .where(parent.c.id == bindparam("b_parent"))
                .scalar_subquery(),
            ),
            [{"b_id": uid, "b_parent": did} for uid, did in units.items()],
        )


def _unplaced(conn: Connection, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    rows = conn.execute(select(orgs.c.id).where(orgs.c.id.in_(ids), orgs.c.kind.is_(None)))
    return set(rows.scalars())


def all_orgs(conn: Connection) -> list[Org]:
    """Every organisation with its kind, parent and code, by name."""
    parent = orgs.alias("parent")
    rows = conn.execute(
        select(orgs.c.id, orgs.c.name, orgs.c.kind, orgs.c.code, parent.c.name.label("parent"))
        .select_from(orgs.outerjoin(parent, parent.c.id == orgs.c.parent_id))
        .order_by(orgs.c.name)
    )
    return [Org(r.id, r.name, Kind(r.kind) if r.kind else None, r.parent, r.code) for r in rows]


def get_org(conn: Connection, name: str) -> Org | None:
    """One organisation by name."""
    return next((o for o in all_orgs_named(conn, [name])), None)


def all_orgs_named(conn: Connection, names: Sequence[str]) -> list[Org]:
    """The named organisations (those that exist)."""
    parent = orgs.alias("parent")
    rows = conn.execute(
        select(orgs.c.id, orgs.c.name, orgs.c.kind, orgs.c.code, parent.c.name.label("parent"))
        .select_from(orgs.outerjoin(parent, parent.c.id == orgs.c.parent_id))
        .where(orgs.c.name.in_(list(names)))
    )
    return [Org(r.id, r.name, Kind(r.kind) if r.kind else None, r.parent, r.code) for r in rows]


def save_org(conn: Connection, name: str, kind: Kind, parent: str | None, code: str | None) -> None:
    """Create or move an organisation (the caller has checked the kinds and that no cycle results)."""
    parent_id = None
    if parent:
        parent_id = conn.execute(select(orgs.c.id).where(orgs.c.name == parent)).scalar_one()
    values = {"kind": kind.value, "parent_id": parent_id, "code": code}
    existing = conn.execute(select(orgs.c.id).where(orgs.c.name == name)).scalar_one_or_none()
    if existing is None:
        existing = conn.execute(insert(orgs).returning(orgs.c.id), [{"name": name, **values}]).scalar_one()
    else:
        conn.execute(update(orgs).where(orgs.c.id == existing).values(**values))
    refresh_regions(conn, int(existing))


def refresh_regions(conn: Connection, root_id: int) -> None:
    """Recompute ``orgs.region_code`` of an organisation and everything below it, then the keys of the
    tables whose unit or department is among them (after the organisation moved or got a new code)."""
    level = [root_id]
    parent = orgs.alias("parent")
    for _depth in range(8):  # top-down, one query per level (region → department → unit: three)
        if not level:
            break
        rows = conn.execute(
            select(orgs.c.id, orgs.c.kind, orgs.c.code, orgs.c.region_code, parent.c.region_code.label("up"))
            .select_from(orgs.outerjoin(parent, parent.c.id == orgs.c.parent_id))
            .where(orgs.c.id.in_(level))
        ).all()
        changes = []
        for row in rows:
            code = region_code_of(row.code) if row.kind == "region" else UNKNOWN_CODE
            if code == UNKNOWN_CODE:  # a department, a unit, or a region without a code: its parent's
                code = row.up or UNKNOWN_CODE
            if code != row.region_code:
                changes.append({"b_id": row.id, "b_code": code})
        if changes:
            conn.execute(
                update(orgs).where(orgs.c.id == bindparam("b_id")).values(region_code=bindparam("b_code")),
                changes,
            )
        level = list(conn.execute(select(orgs.c.id).where(orgs.c.parent_id.in_(level))).scalars())
    below = subtree_ids(select(orgs.c.id).where(orgs.c.id == root_id))
    unit, department = orgs.alias("unit"), orgs.alias("department")
    current = func.coalesce(
        select(unit.c.region_code).where(unit.c.id == perf_tables.c.unit_id).scalar_subquery(),
        select(department.c.region_code)
        .where(department.c.id == perf_tables.c.department_id)
        .scalar_subquery(),
        UNKNOWN_CODE,
    )
    moved = list(
        conn.execute(
            select(perf_tables.c.id).where(
                or_(perf_tables.c.unit_id.in_(below), perf_tables.c.department_id.in_(below))
            )
        ).scalars()
    )
    for start in range(0, len(moved), 500):
        chunk = moved[start : start + 500]
        conn.execute(
            update(perf_tables)
            .where(and_(perf_tables.c.id.in_(chunk), perf_tables.c.region_code != current))
            .values(region_code=current)
        )
        sync_children(conn, chunk)
