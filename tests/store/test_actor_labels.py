"""Who did what on a table's page: `Service.actor_labels` names every account as 「角色 用户名」, the
same as the full account records do, on SQLite and PostgreSQL."""

from __future__ import annotations

from jixiao.service import Service
from jixiao.workflow import Role

PASSWORD = "a-long-enough-password-1"


def test_actor_labels_name_every_account_by_role(db_url: str) -> None:
    service = Service(db_url)
    filler = service.add_user("tianbao", PASSWORD, Role.FILLER, "东莞市妇女联合会")
    reviewer = service.add_user("shenhe", PASSWORD, Role.REVIEWER, None, ["东莞市妇女联合会"])
    labels = service.actor_labels()
    assert labels[filler] == "填报人 tianbao" and labels[reviewer] == "审核人 shenhe"
    assert labels == {u.id: f"{u.role.label} {u.username}" for u in service.users()}
