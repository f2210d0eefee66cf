"""The Chinese name of every action the system records in the audit log, and of the things it acts on.

One registry for the audit page, its filter and its CSV export: the table's workflow actions take their
names from `jixiao.workflow.ACTION_LABELS` (as the 流转记录 shows them), the others are named here.
`tests/service/test_audit_names.py` reads every place in the code that writes an audit record and
fails when an action has no name here.
"""

from __future__ import annotations

from jixiao.workflow import Action

# the table's workflow: submit, return, approve, publish, adjust, import, edit, create, withdraw and the
# review notes (comment, resolve, dismiss, link)
TABLE_ACTION_LABELS = {action.value: action.label for action in Action}

OTHER_ACTION_LABELS = {
    # accounts and sessions
    "login": "登录",
    "lockout": "登录暂停",
    "logout": "退出",
    "logout_all": "退出所有设备",
    "denied": "拒绝访问",
    "password": "修改密码",
    "user_add": "添加用户",
    "user_role": "修改角色、单位或部门",
    "user_disable": "停用用户",
    "user_enable": "启用用户",
    # organisations and the year's rules
    "org_add": "添加单位或部门",
    "org_rename": "单位或部门改名",
    "org_place": "调整单位所属部门",
    "profile": "修改审核与评分配置",
    # exports and the audit log itself
    "export": "导出",
    "audit_export": "导出审计日志",
    "audit_archive": "归档审计日志",
    # review notes not in the workflow's list
    "unlink": "取消关联上年表",
    # monitoring and self-evaluation
    "monitoring": "保存运行监控",
    "self_evaluation": "保存单位自评",
    "evaluation_adjust": "审核调整自评分数",
    # the indicator library
    "library_build": "生成指标库",
    "library_request": "申请新增或修改指标",
    "library_approve": "批准指标申请",
    "library_reject": "驳回指标申请",
}

AUDIT_ACTION_LABELS: dict[str, str] = {**TABLE_ACTION_LABELS, **OTHER_ACTION_LABELS}

# what an audit record is about (its ``entity``)
ENTITY_LABELS = {
    "table": "表",
    "user": "用户",
    "org": "单位或部门",
    "profile": "年度配置",
    "request": "请求",
    "audit": "审计日志",
    "library": "指标库",
    "library_request": "指标申请",
    "published_evaluation": "公开的自评表",
}


def action_label(action: str) -> str:
    """The Chinese name of an audited action; an action missing here still reads as Chinese."""
    return AUDIT_ACTION_LABELS.get(action, f"其他操作（{action}）")


def entity_label(entity: str) -> str:
    """The Chinese name of what an audit record is about."""
    return ENTITY_LABELS.get(entity, f"其他对象（{entity}）")


__all__ = ["AUDIT_ACTION_LABELS", "ENTITY_LABELS", "action_label", "entity_label"]
