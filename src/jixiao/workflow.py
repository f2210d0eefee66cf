"""The lifecycle of a table: statuses, roles, actions and their transitions; pure data, no storage.

草稿 → 已提交 → 退回 (with the reviewer's comment) / 已通过 → 已公开. 退回 goes back to the unit, which
fixes and submits again. An approved or published table is locked: changing it is a 目标调整
(adjustment) that keeps the old version, needs a reason, and sends the table back for review.
Who may take which step is decided in `jixiao.permissions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """Where a table is in its workflow: draft, submitted, returned, approved, published."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        """The Chinese name of the status."""
        return STATUS_LABELS[self]

    @property
    def editable(self) -> bool:
        """Drafts and returned tables are edited in place; others are locked."""
        return self in (Status.DRAFT, Status.RETURNED)

    @property
    def locked(self) -> bool:
        """Approved and published tables change only through a 目标调整."""
        return self in (Status.APPROVED, Status.PUBLISHED)


STATUS_LABELS = {
    Status.DRAFT: "草稿",
    Status.SUBMITTED: "已提交",
    Status.RETURNED: "退回",
    Status.APPROVED: "已通过",
    Status.PUBLISHED: "已公开",
}


class Role(StrEnum):
    """What a user is: 填报人, 审核人 or 管理员."""

    FILLER = "filler"  # 填报人: staff of a spending unit
    REVIEWER = "reviewer"  # 审核人: reviews the units of their departments
    ADMIN = "admin"  # 管理员

    @property
    def label(self) -> str:
        """The Chinese name of the role."""
        return ROLE_LABELS[self]


ROLE_LABELS = {Role.FILLER: "填报人", Role.REVIEWER: "审核人", Role.ADMIN: "管理员"}


class Action(StrEnum):
    """What can be done to a table (submit, return, approve, publish, edit…), as recorded in its events."""

    SUBMIT = "submit"
    RETURN = "return"
    APPROVE = "approve"
    PUBLISH = "publish"
    ADJUST = "adjust"
    IMPORT = "import"
    EDIT = "edit"
    CREATE = "create"  # 新建 on the web, blank or copied from another table
    WITHDRAW = "withdraw"  # 撤回: the unit takes back a submission not yet reviewed
    # notes that move no status (recorded in the 流转记录 with the status the table had)
    COMMENT = "comment"  # a reviewer's comment on one indicator
    RESOLVE = "resolve"  # that comment marked resolved
    DISMISS = "dismiss"  # a finding dismissed by the reviewer, with the reason
    LINK = "link"  # linked to last year's table of the same project, or unlinked

    @property
    def label(self) -> str:
        """The Chinese name of the action."""
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.SUBMIT: "提交",
    Action.RETURN: "退回",
    Action.APPROVE: "通过",
    Action.PUBLISH: "公开",
    Action.ADJUST: "目标调整",
    Action.IMPORT: "导入",
    Action.EDIT: "保存草稿",
    Action.CREATE: "新建",
    Action.WITHDRAW: "撤回",
    Action.COMMENT: "指标意见",
    Action.RESOLVE: "意见已处理",
    Action.DISMISS: "驳回审核发现",
    Action.LINK: "关联上年表",
}

# The notes among the actions: they leave the status as it is.
NOTES = frozenset({Action.COMMENT, Action.RESOLVE, Action.DISMISS, Action.LINK})

# action → (statuses it starts from, status it leads to)
TRANSITIONS: dict[Action, tuple[frozenset[Status], Status]] = {
    Action.SUBMIT: (frozenset({Status.DRAFT, Status.RETURNED}), Status.SUBMITTED),
    Action.RETURN: (frozenset({Status.SUBMITTED}), Status.RETURNED),
    Action.APPROVE: (frozenset({Status.SUBMITTED}), Status.APPROVED),
    Action.PUBLISH: (frozenset({Status.APPROVED}), Status.PUBLISHED),
    Action.ADJUST: (frozenset({Status.APPROVED, Status.PUBLISHED}), Status.SUBMITTED),
    Action.WITHDRAW: (frozenset({Status.SUBMITTED}), Status.DRAFT),
}


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is asking: a logged-in user, or nobody (``anonymous``)."""

    user_id: int | None
    username: str
    role: Role | None
    unit: str | None = None
    departments: tuple[str, ...] = ()
    # what the hierarchy adds (jixiao.store.orgs), read with the account: a reviewer's ``scope`` is
    # every organisation in the subtrees of ``departments`` (empty: just those); a 填报人's
    # ``department`` is the 主管部门 their unit lies under (None: not placed yet)
    scope: tuple[str, ...] = ()
    department: str | None = None
    # the password is past the policy's age: every page but the account page asks for a new one
    password_expired: bool = False
    # the password was set by an administrator: every page but the account page asks for their own
    password_must_change: bool = False

    @property
    def anonymous(self) -> bool:
        """True for a visitor without a session."""
        return self.user_id is None

    @property
    def role_label(self) -> str:
        """The Chinese name of the caller's role, 访客 for a visitor."""
        return self.role.label if self.role else "访客"


ANONYMOUS = Principal(user_id=None, username="", role=None)


@dataclass(frozen=True, slots=True)
class TableScope:
    """The organisations a table belongs to and its status, as far as permissions care.

    ``status`` is the working status: during a 目标调整 of a published table, the adjustment's.
    ``public``: a published version exists (and stays public during the adjustment).
    """

    unit: str | None
    department: str | None
    status: Status
    public: bool = False
