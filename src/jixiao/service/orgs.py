"""The hierarchy of organisations through the facade: 财政区划 → 主管部门 → 用款单位.

Administrators (and the command line, as the operator) place organisations; every change is written
to the audit log. A reviewer's scope is the subtree of their organisations; `jixiao.permissions`
asks it (`in_scope`) and `jixiao.store.orgs` reads it.
"""

from __future__ import annotations

from jixiao.permissions import OPERATOR, may_manage_orgs
from jixiao.service.base import ServiceBase
from jixiao.service.errors import Forbidden, Invalid
from jixiao.store import audit
from jixiao.store import orgs as repo
from jixiao.store.orgs import PARENT_KIND, Kind, Org
from jixiao.workflow import Principal

__all__ = ["Kind", "Org", "OrgService"]


class OrgService(ServiceBase):
    """List and place organisations."""

    def hierarchy(self) -> list[Org]:
        """Every organisation with its kind, parent and code."""
        with self.engine.connect() as conn:
            return repo.all_orgs(conn)

    def place_org(
        self,
        name: str,
        kind: Kind,
        parent: str | None = None,
        code: str | None = None,
        by: Principal | None = None,
    ) -> Org:
        """Create an organisation or move it under ``parent``: a department under a region, a unit
        under a department, a region under a region or nowhere. Invalid, in Chinese, otherwise."""
        by = by or OPERATOR
        if not may_manage_orgs(by):
            raise Forbidden("只有管理员可以维护单位和部门")
        name, parent = name.strip(), (parent or "").strip() or None
        if not name:
            raise Invalid("请填写单位、部门或区划的名称")
        if code is not None and not (code.isdigit() and len(code) in (6, 9, 12)):
            raise Invalid(f"财政区划代码应为 6、9 或 12 位数字：{code}")
        with self.engine.begin() as conn:
            if parent is not None:
                found = repo.all_orgs_named(conn, [parent])
                if not found:
                    raise Invalid(f"找不到上级：{parent}")
                wanted = PARENT_KIND.get(kind, Kind.REGION)
                if found[0].kind is not wanted:
                    raise Invalid(f"{kind.label}的上级应是{wanted.label}，而“{parent}”是{_label(found[0])}")
                if parent in repo.subtree_names(conn, [name]):
                    raise Invalid(f"不能把“{name}”放到它自己的下级“{parent}”之下")
            elif kind is not Kind.REGION:
                raise Invalid(f"{kind.label}需要上级（{PARENT_KIND[kind].label}）")
            before = repo.all_orgs_named(conn, [name])
            repo.save_org(conn, name, kind, parent, code)
            detail = {
                "name": name,
                "kind": kind.value,
                "parent": [before[0].parent if before else None, parent],
                "code": code,
            }
            audit.record(conn, by.user_id, "org_place", "org", None, detail)
            self._cache.clear()
            return repo.all_orgs_named(conn, [name])[0]


def _label(org: Org) -> str:
    return org.kind.label if org.kind else "未分类的单位"
