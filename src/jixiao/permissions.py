"""Who may do what: one table of party × action × status, and the questions every path asks it.

The party is who the caller is *to this table*: its 用款单位's 填报人 (``OWNER``), a 审核人 of its
主管部门 (``REVIEWER``), an administrator, another logged-in user (``OUTSIDER``) or a visitor. The
web pages, the JSON API, the command line, imports and monitoring/self-evaluation all ask the
functions below; templates get their answers as context values and never decide from role names.
Pure: no storage, no web.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jixiao.queries import Visibility
from jixiao.workflow import TRANSITIONS, Action, Principal, Role, Status, TableScope


class Party(StrEnum):
    """Who the caller is to one table."""

    ADMIN = "admin"  # 管理员
    OWNER = "owner"  # 填报人 of the table's 用款单位
    REVIEWER = "reviewer"  # 审核人 of the table's 主管部门
    OUTSIDER = "outsider"  # any other logged-in user
    VISITOR = "visitor"  # not logged in


class Right(StrEnum):
    """What one may do with one table."""

    VIEW = "view"
    EDIT = "edit"  # change a draft or returned table in place
    SUBMIT = "submit"
    RETURN = "return"
    APPROVE = "approve"
    PUBLISH = "publish"
    ADJUST = "adjust"  # 目标调整 of an approved or published table
    WITHDRAW = "withdraw"  # 撤回 a submission not yet reviewed
    COMMENT = "comment"  # a reviewer's comment on one indicator
    RESOLVE = "resolve"  # mark such a comment resolved
    DISMISS = "dismiss"  # dismiss a review finding with a reason (no longer blocks submission)
    LINK = "link"  # link the table to last year's table of the same project, or unlink it
    IMPORT = "import"  # store a file's version over a draft or returned table (new: `may_create`)
    IMPORT_ADJUST = "import_adjust"  # a file's version of a submitted or locked table: a 目标调整
    EVALUATION_VIEW = "evaluation_view"  # see monitoring and self-evaluation
    EVALUATION_ENTER = "evaluation_enter"  # 填报 monitoring data and actuals
    EVALUATION_ADJUST = "evaluation_adjust"  # 审核人扣减 of self-evaluation scores


ALL = frozenset(Status)
OPEN = frozenset({Status.DRAFT, Status.RETURNED})  # edited in place
LOCKED = frozenset({Status.APPROVED, Status.PUBLISHED})  # changed only by a 目标调整
REVIEWING = OPEN | {Status.SUBMITTED}  # the unit's or the reviewer's: comments and dismissals count
ADJUSTABLE = frozenset({Status.SUBMITTED, Status.APPROVED, Status.PUBLISHED})  # re-import: 目标调整
NONE: frozenset[Status] = frozenset()


def _moves(action: Action) -> frozenset[Status]:
    return TRANSITIONS[action][0]


# right → party → the statuses in which the party has the right. Monitoring and self-evaluation
# are the unit's and its department's only, even for a published table (rules of the brief).
RULES: dict[Right, dict[Party, frozenset[Status]]] = {
    Right.VIEW: {
        Party.ADMIN: ALL,
        Party.OWNER: ALL,
        Party.REVIEWER: ALL,
        Party.OUTSIDER: frozenset({Status.PUBLISHED}),
        Party.VISITOR: frozenset({Status.PUBLISHED}),
    },
    Right.EDIT: {Party.ADMIN: OPEN, Party.OWNER: OPEN},
    Right.SUBMIT: {Party.ADMIN: _moves(Action.SUBMIT), Party.OWNER: _moves(Action.SUBMIT)},
    Right.RETURN: {Party.ADMIN: _moves(Action.RETURN), Party.REVIEWER: _moves(Action.RETURN)},
    Right.APPROVE: {Party.ADMIN: _moves(Action.APPROVE), Party.REVIEWER: _moves(Action.APPROVE)},
    Right.PUBLISH: {Party.ADMIN: _moves(Action.PUBLISH), Party.REVIEWER: _moves(Action.PUBLISH)},
    Right.ADJUST: {Party.ADMIN: _moves(Action.ADJUST), Party.OWNER: _moves(Action.ADJUST)},
    Right.WITHDRAW: {Party.ADMIN: _moves(Action.WITHDRAW), Party.OWNER: _moves(Action.WITHDRAW)},
    # Review notes: the department's reviewer comments and dismisses while the table is with the unit
    # or in review; the unit sees the comments and marks them resolved. The link to last year's table
    # is a fact about the project, not the table's content: its owner keeps it right in any status.
    Right.COMMENT: {Party.ADMIN: REVIEWING, Party.REVIEWER: REVIEWING},
    Right.RESOLVE: {Party.ADMIN: ALL, Party.OWNER: ALL, Party.REVIEWER: ALL},
    Right.DISMISS: {Party.ADMIN: REVIEWING, Party.REVIEWER: REVIEWING},
    Right.LINK: {Party.ADMIN: ALL, Party.OWNER: ALL},
    # Importing over a stored table replaces its content while it could be edited in place; over a
    # submitted, approved or published table it is a 目标调整 that needs a reason and keeps the
    # published version public until the adjustment is published (jixiao.service.workflow).
    Right.IMPORT: {Party.ADMIN: OPEN, Party.OWNER: OPEN},
    Right.IMPORT_ADJUST: {Party.ADMIN: ADJUSTABLE, Party.OWNER: ADJUSTABLE},
    Right.EVALUATION_VIEW: {Party.ADMIN: ALL, Party.OWNER: ALL, Party.REVIEWER: ALL},
    Right.EVALUATION_ENTER: {Party.ADMIN: ALL, Party.OWNER: ALL},
    Right.EVALUATION_ADJUST: {Party.ADMIN: ALL, Party.REVIEWER: ALL},
}

WORKFLOW_RIGHTS = {
    Action.SUBMIT: Right.SUBMIT,
    Action.RETURN: Right.RETURN,
    Action.APPROVE: Right.APPROVE,
    Action.PUBLISH: Right.PUBLISH,
    Action.ADJUST: Right.ADJUST,
    Action.WITHDRAW: Right.WITHDRAW,
}

# The command line works on the database directly: it may do what an administrator may.
OPERATOR = Principal(user_id=None, username="命令行", role=Role.ADMIN)


def party(who: Principal, unit: str | None, department: str | None) -> Party:
    """Who ``who`` is to a table of ``unit`` under ``department``."""
    if who.role is Role.ADMIN:
        return Party.ADMIN
    if who.role is Role.FILLER and who.unit is not None and who.unit == unit:
        return Party.OWNER
    if who.role is Role.REVIEWER and in_scope(who, unit, department):
        return Party.REVIEWER
    return Party.VISITOR if who.role is None else Party.OUTSIDER


def in_scope(who: Principal, unit: str | None, department: str | None) -> bool:
    """Whether a table of ``unit`` under ``department`` lies in a reviewer's subtree (the one place the
    hierarchy region → department → unit is asked): its department or its unit is in it."""
    reach = who.scope or who.departments
    return (department is not None and department in reach) or (unit is not None and unit in reach)


def allowed(who: Principal, table: TableScope, right: Right) -> bool:
    """Whether ``who`` has ``right`` on the table in its current status.

    A table with a published version stays visible to whoever may see published tables while it is
    being adjusted (what they see is the published version: `sees_draft`)."""
    statuses = RULES[right].get(party(who, table.unit, table.department), NONE)
    if right is Right.VIEW and table.public and Status.PUBLISHED in statuses:
        return True
    return table.status in statuses


def sees_draft(who: Principal, table: TableScope) -> bool:
    """Whether ``who`` sees the table's working version (a 目标调整 under way) or only its published one."""
    return allowed(who, TableScope(table.unit, table.department, table.status), Right.VIEW)


def can_view(who: Principal, table: TableScope) -> bool:
    """See the table (lists, page, downloads)."""
    return allowed(who, table, Right.VIEW)


def can_edit(who: Principal, table: TableScope) -> bool:
    """Edit in place: drafts and returned tables of one's own unit (or any, for an admin)."""
    return allowed(who, table, Right.EDIT)


def can_act(who: Principal, table: TableScope, action: Action) -> bool:
    """Whether ``who`` may take the workflow ``action`` on the table now (status and party both)."""
    right = WORKFLOW_RIGHTS.get(action)
    return right is not None and allowed(who, table, right)


def may_note(who: Principal, table: TableScope, right: Right) -> bool:
    """Comment on an indicator, resolve a comment, dismiss a finding, or link the table across years
    (`Right.COMMENT`, `Right.RESOLVE`, `Right.DISMISS`, `Right.LINK`)."""
    return right in NOTE_RIGHTS and allowed(who, table, right)


NOTE_RIGHTS = frozenset({Right.COMMENT, Right.RESOLVE, Right.DISMISS, Right.LINK})


def can_adjust(who: Principal, table: TableScope) -> bool:
    """Start a 目标调整 of an approved or published table."""
    return allowed(who, table, Right.ADJUST)


def may_create(who: Principal, unit: str | None, department: str | None) -> bool:
    """Import a table of ``unit``: into one's own unit (填报人) or any (管理员). A 审核人 edits no
    table, so imports none: nobody imports into a unit or department they may not edit."""
    return party(who, unit, department) in (Party.ADMIN, Party.OWNER)


def import_effect(who: Principal, table: TableScope, published: bool, unchanged: bool) -> str | None:
    """What importing a file's version of a stored table does, or None when ``who`` may not.

    ``unchanged``: nothing. ``changed``: the stored table is replaced (open tables; or, for an
    administrator importing as 已公开, any). ``draft``: a new version of an adjustment still open, the
    published version staying public. ``adjust``: a 目标调整 of a submitted, approved or published
    table, which needs a reason.
    """
    if unchanged:
        return "unchanged"
    if published and may_import_published(who):
        return "changed"
    if allowed(who, table, Right.IMPORT):
        return "draft" if table.public else "changed"
    if allowed(who, table, Right.IMPORT_ADJUST):
        return "adjust"
    return None


def may_start_table(who: Principal) -> bool:
    """新建 on the web (blank, or a copy for a new year): a 填报人 for their unit, or an administrator."""
    return who.role is Role.ADMIN or (who.role is Role.FILLER and bool(who.unit))


def organisations_for(
    who: Principal, unit: str | None, department: str | None, stored: str | None = None
) -> tuple[str | None, str | None]:
    """The 用款单位 and 主管部门 a table ``who`` drafts, saves or imports gets. A 填报人's come from the
    account, not the form or the file: their unit, and its department in the hierarchy (a unit not
    placed yet keeps the stored table's department, or, for its first table, the one given, which
    then places it). So no 填报人 chooses who reviews their table. Others keep what they give."""
    if who.role is Role.FILLER:
        return who.unit, who.department or stored or department
    return unit, department


def may_edit_organisations(who: Principal) -> bool:
    """Whether the editor's 用款单位 and 主管部门 fields are the user's to fill (not a 填报人's)."""
    return who.role is not Role.FILLER


def may_import_published(who: Principal) -> bool:
    """Import tables straight as 已公开 (tables taken from published documents): administrators."""
    return who.role is Role.ADMIN


def may_import_published_evaluation(who: Principal) -> bool:
    """Store published 自评表 (documents already made public, stored as public): administrators.

    They name no table to edit and are shown to everyone, so only those who may import published
    tables may store them; 填报人 and 审核人 audit them without storing (``jixiao evaluate``)."""
    return may_import_published(who)


def may_manage_orgs(who: Principal) -> bool:
    """Place regions, departments and units in the hierarchy: administrators."""
    return who.role is Role.ADMIN


def may_see_queue(who: Principal) -> bool:
    """The review queue: 审核人 and administrators."""
    return who.role in (Role.REVIEWER, Role.ADMIN)


def may_administer(who: Principal) -> bool:
    """Users, organisations, rule profiles and the audit log's search and export: administrators."""
    return who.role is Role.ADMIN


def may_read_audit_log(who: Principal) -> bool:
    """The whole audit log (one table's entries follow `can_view`): administrators."""
    return who.role is Role.ADMIN


def visibility(who: Principal) -> Visibility:
    """Which tables ``who`` sees in lists and figures (the same answer as `can_view`, as a filter)."""
    if who.role is Role.ADMIN:
        return Visibility(everything=True)
    if who.role is Role.FILLER and who.unit:
        return Visibility(units=(who.unit,))
    if who.role is Role.REVIEWER:
        return Visibility(departments=who.departments)
    return Visibility()


def shares_public_view(who: Principal) -> bool:
    """Whether what ``who`` is shown may be shown to everyone else who shares it (the web keeps one
    copy of such pages: `jixiao.web.visitor_pages`): the visitor only, who sees the public tables
    alone; a signed-in user's pages are theirs."""
    return who.anonymous


def evaluation_visibility(who: Principal) -> Visibility | None:
    """The tables whose monitoring and self-evaluation ``who`` sees in figures; None: none at all."""
    if who.role is Role.ADMIN:
        return Visibility(everything=True)
    if who.role is Role.FILLER and who.unit:
        return Visibility(units=(who.unit,), published=False)
    if who.role is Role.REVIEWER and who.departments:
        return Visibility(departments=who.departments, published=False)
    return None


@dataclass(frozen=True, slots=True)
class Waiting:
    """Whose tables wait for ``who`` (待办): to fill or fix (草稿, 退回), to review (已提交), and whose
    monitoring and self-evaluation are due; None where nothing of that kind is theirs to do."""

    fill: Visibility | None = None
    review: Visibility | None = None
    evaluation: Visibility | None = None


def waiting_for(who: Principal) -> Waiting:
    """What ``who`` is expected to act on: the same parties as `RULES` (the owner edits and submits
    and enters monitoring and 自评; the department's reviewer, or an administrator, reviews)."""
    if who.role is Role.FILLER and who.unit:
        own = Visibility(units=(who.unit,), published=False)
        return Waiting(fill=own, evaluation=own)
    if who.role is Role.REVIEWER and who.departments:
        return Waiting(review=Visibility(departments=who.departments, published=False))
    if who.role is Role.ADMIN:
        return Waiting(review=Visibility(everything=True))
    return Waiting()


@dataclass(frozen=True, slots=True)
class Access:
    """Monitoring and self-evaluation of one table: see, 填报 (enter), 审核人扣减 (adjust)."""

    view: bool = False
    enter: bool = False
    adjust: bool = False


def evaluation_access(who: Principal, unit: str | None, department: str | None) -> Access:
    """What ``who`` may do with a table's monitoring and self-evaluation (the same in every status)."""
    p = party(who, unit, department)
    return Access(
        view=p in RULES[Right.EVALUATION_VIEW],
        enter=p in RULES[Right.EVALUATION_ENTER],
        adjust=p in RULES[Right.EVALUATION_ADJUST],
    )


@dataclass(frozen=True, slots=True)
class Decisions:
    """What the table page offers ``who``: decided here, shown by the templates as they are."""

    edit: bool
    adjust: bool
    actions: tuple[Action, ...]
    evaluation: Access
    comment: bool = False  # comment on an indicator
    resolve: bool = False  # mark a comment resolved
    dismiss: bool = False  # dismiss a finding
    link: bool = False  # link to last year's table, or unlink


def decisions(who: Principal, table: TableScope) -> Decisions:
    """Every answer the table page needs about one table."""
    return Decisions(
        edit=can_edit(who, table),
        adjust=can_adjust(who, table),
        actions=tuple(
            a
            for a in (Action.SUBMIT, Action.RETURN, Action.APPROVE, Action.PUBLISH)
            if can_act(who, table, a)
        ),
        evaluation=evaluation_access(who, table.unit, table.department),
        comment=may_note(who, table, Right.COMMENT),
        resolve=may_note(who, table, Right.RESOLVE),
        dismiss=may_note(who, table, Right.DISMISS),
        link=may_note(who, table, Right.LINK),
    )


@dataclass(frozen=True, slots=True)
class General:
    """What any page's frame offers ``who`` (menu entries, the import form's options)."""

    queue: bool
    audit_log: bool
    import_published: bool
    new_table: bool  # 新建 and 复制到新年度
    admin: bool = False  # 管理 (users, organisations, rule profiles)


def general(who: Principal) -> General:
    """The answers the pages' frame needs, for templates."""
    return General(
        may_see_queue(who),
        may_read_audit_log(who),
        may_import_published(who),
        may_start_table(who),
        may_administer(who),
    )


# ── 指标库 (issue 14): who may build, see drafts, request and approve ──────────────────────────────
# Requests to add, modify or retire an entry pass two approvals: the 主管部门 (a 审核人 of the
# requesting unit's department; an administrator when the request names no department) and then
# 财政 (an administrator). Nobody approves their own request, nor both stages of one request.

LIBRARY_DEPARTMENT = "department"  # 部门审核
LIBRARY_FINANCE = "finance"  # 财政审定


def may_build_library(who: Principal) -> bool:
    """Mine the library from the stored tables and seed it: administrators (and the command line)."""
    return who.role is Role.ADMIN


def may_see_library_drafts(who: Principal) -> bool:
    """Mined drafts and requests are for logged-in users; visitors see approved entries only."""
    return who.role is not None


def may_request_library(who: Principal) -> bool:
    """Ask to add, modify or retire an entry: a 填报人 for their unit, a 审核人, an administrator."""
    return who.role is Role.ADMIN or who.role is Role.REVIEWER or (who.role is Role.FILLER and bool(who.unit))


def may_see_library_requests(who: Principal) -> bool:
    """The approval queue of the library: 审核人 and administrators (a 填报人 sees their own requests)."""
    return who.role in (Role.REVIEWER, Role.ADMIN)


def may_decide_library(
    who: Principal,
    stage: str,
    department: str | None,
    requested_by: int | None,
    department_by: int | None,
) -> bool:
    """Whether ``who`` may approve or reject a library request at ``stage``."""
    if who.user_id is not None and who.user_id == requested_by:
        return False  # nobody approves their own request
    if stage == LIBRARY_DEPARTMENT:
        if who.role is Role.REVIEWER:
            return department is not None and department in who.departments
        return who.role is Role.ADMIN
    if stage == LIBRARY_FINANCE:
        two_people = who.user_id is None or who.user_id != department_by
        return who.role is Role.ADMIN and two_people
    return False
