"""Who may do what, persona × status × action, read as one table (jixiao.permissions).

Each line: the action, the persona, and the statuses in which the persona may do it —
d 草稿, s 已提交, r 退回, a 已通过, p 已公开; ``-`` for none. The table belongs to 用款单位 甲单位
under 主管部门 甲部门.
"""

from __future__ import annotations

import pytest

from jixiao import permissions
from jixiao.permissions import Access, Right
from jixiao.workflow import ANONYMOUS, Action, Principal, Role, Status, TableScope

PERSONAS = {
    "admin": Principal(1, "管理员", Role.ADMIN),
    "owner": Principal(2, "本单位填报人", Role.FILLER, unit="甲单位"),
    "other-filler": Principal(3, "他单位填报人", Role.FILLER, unit="乙单位"),
    "reviewer": Principal(4, "本部门审核人", Role.REVIEWER, departments=("甲部门",)),
    "other-reviewer": Principal(5, "他部门审核人", Role.REVIEWER, departments=("乙部门",)),
    "visitor": ANONYMOUS,
}
LETTERS = {
    "d": Status.DRAFT,
    "s": Status.SUBMITTED,
    "r": Status.RETURNED,
    "a": Status.APPROVED,
    "p": Status.PUBLISHED,
}

EXPECTED = """
view               admin           dsrap
view               owner           dsrap
view               other-filler    p
view               reviewer        dsrap
view               other-reviewer  p
view               visitor         p
edit               admin           dr
edit               owner           dr
edit               other-filler    -
edit               reviewer        -
edit               other-reviewer  -
edit               visitor         -
submit             admin           dr
submit             owner           dr
submit             other-filler    -
submit             reviewer        -
submit             other-reviewer  -
submit             visitor         -
return             admin           s
return             owner           -
return             reviewer        s
return             other-reviewer  -
return             visitor         -
approve            admin           s
approve            owner           -
approve            reviewer        s
approve            other-reviewer  -
publish            admin           a
publish            owner           -
publish            reviewer        a
publish            other-reviewer  -
adjust             admin           ap
adjust             owner           ap
adjust             other-filler    -
adjust             reviewer        -
adjust             other-reviewer  -
adjust             visitor         -
withdraw           admin           s
withdraw           owner           s
withdraw           other-filler    -
withdraw           reviewer        -
withdraw           other-reviewer  -
withdraw           visitor         -
import             admin           dr
import             owner           dr
import             other-filler    -
import             reviewer        -
import             other-reviewer  -
import             visitor         -
import_adjust      admin           sap
import_adjust      owner           sap
import_adjust      other-filler    -
import_adjust      reviewer        -
import_adjust      other-reviewer  -
import_adjust      visitor         -
evaluation_view    admin           dsrap
evaluation_view    owner           dsrap
evaluation_view    other-filler    -
evaluation_view    reviewer        dsrap
evaluation_view    other-reviewer  -
evaluation_view    visitor         -
evaluation_enter   admin           dsrap
evaluation_enter   owner           dsrap
evaluation_enter   reviewer        -
evaluation_enter   visitor         -
evaluation_adjust  admin           dsrap
evaluation_adjust  owner           -
evaluation_adjust  reviewer        dsrap
evaluation_adjust  other-reviewer  -
comment            admin           dsr
comment            owner           -
comment            reviewer        dsr
comment            other-reviewer  -
comment            visitor         -
resolve            admin           dsrap
resolve            owner           dsrap
resolve            reviewer        dsrap
resolve            other-filler    -
resolve            visitor         -
dismiss            admin           dsr
dismiss            owner           -
dismiss            reviewer        dsr
dismiss            other-reviewer  -
dismiss            visitor         -
link               admin           dsrap
link               owner           dsrap
link               other-filler    -
link               reviewer        -
link               visitor         -
"""


def _cases() -> list[tuple[str, str, Status, bool]]:
    cases = []
    for line in EXPECTED.strip().splitlines():
        right, persona, letters = line.split()
        allowed = {LETTERS[c] for c in letters if c != "-"}
        cases += [(right, persona, status, status in allowed) for status in Status]
    return cases


def _ask(right: Right, who: Principal, table: TableScope) -> bool:
    """The question each path asks, by the function that path calls."""
    access = permissions.evaluation_access(who, table.unit, table.department)
    asked = {
        Right.VIEW: lambda: permissions.can_view(who, table),
        Right.EDIT: lambda: permissions.can_edit(who, table),
        Right.ADJUST: lambda: permissions.can_adjust(who, table),
        Right.IMPORT: lambda: permissions.allowed(who, table, Right.IMPORT),
        Right.IMPORT_ADJUST: lambda: permissions.allowed(who, table, Right.IMPORT_ADJUST),
        Right.EVALUATION_VIEW: lambda: access.view,
        Right.EVALUATION_ENTER: lambda: access.enter,
        Right.EVALUATION_ADJUST: lambda: access.adjust,
    }
    if right in permissions.NOTE_RIGHTS:
        return permissions.may_note(who, table, right)
    if right in asked:
        return bool(asked[right]())
    return permissions.can_act(who, table, Action(right.value))


@pytest.mark.parametrize(("right", "persona", "status", "expected"), _cases())
def test_persona_status_action(right: str, persona: str, status: Status, expected: bool) -> None:
    table = TableScope(unit="甲单位", department="甲部门", status=status)
    assert _ask(Right(right), PERSONAS[persona], table) is expected


def test_every_right_and_persona_is_in_the_table() -> None:
    listed = {tuple(line.split()[:2]) for line in EXPECTED.strip().splitlines()}
    rights = {right for right, _ in listed}
    assert rights == {r.value for r in Right}
    for right in ("view", "edit", "submit", "adjust", "import", "evaluation_view"):
        assert {p for r, p in listed if r == right} == set(PERSONAS), right


@pytest.mark.parametrize(
    ("persona", "unit", "department", "expected"),
    [
        ("admin", "乙单位", "乙部门", True),
        ("owner", "甲单位", "甲部门", True),
        ("owner", "乙单位", "甲部门", False),  # a 填报人 imports only into their own unit
        ("reviewer", "乙单位", "甲部门", False),  # a 审核人 edits no table, so imports none
        ("other-reviewer", "甲单位", "甲部门", False),
        ("visitor", "甲单位", "甲部门", False),
    ],
)
def test_who_may_import_a_new_table(persona: str, unit: str, department: str, expected: bool) -> None:
    assert permissions.may_create(PERSONAS[persona], unit, department) is expected


def test_visibility_answers_as_can_view() -> None:
    """The list filter (`visibility`) and the per-table check (`can_view`) say the same."""
    for who in PERSONAS.values():
        seen = permissions.visibility(who)
        for status in Status:
            table = TableScope("甲单位", "甲部门", status)
            as_filter = (
                seen.everything
                or (seen.published and status is Status.PUBLISHED)
                or table.unit in seen.units
                or table.department in seen.departments
            )
            assert as_filter is permissions.can_view(who, table), (who.username, status)


def test_the_frame_and_the_page_get_decisions() -> None:
    owner, reviewer = PERSONAS["owner"], PERSONAS["reviewer"]
    page = permissions.decisions(owner, TableScope("甲单位", "甲部门", Status.APPROVED))
    assert (page.edit, page.adjust, page.actions) == (False, True, ())
    assert page.evaluation == Access(view=True, enter=True, adjust=False)
    assert permissions.decisions(reviewer, TableScope("甲单位", "甲部门", Status.SUBMITTED)).actions == (
        Action.RETURN,
        Action.APPROVE,
    )
    assert permissions.general(reviewer).queue and not permissions.general(reviewer).audit_log
    assert permissions.general(PERSONAS["admin"]).import_published


def test_only_administrators_administer() -> None:
    for persona, who in PERSONAS.items():
        assert permissions.may_administer(who) is (persona == "admin"), persona
        assert permissions.general(who).admin is (persona == "admin"), persona


@pytest.mark.parametrize("working", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.APPROVED])
def test_a_published_table_under_adjustment_stays_visible_and_only_its_own_see_the_draft(
    working: Status,
) -> None:
    table = TableScope("甲单位", "甲部门", working, public=True)
    for name, who in PERSONAS.items():
        assert permissions.can_view(who, table), name
        own = name in ("admin", "owner", "reviewer")
        assert permissions.sees_draft(who, table) is own, name


@pytest.mark.parametrize(
    ("persona", "status", "public", "published", "expected"),
    [
        ("owner", Status.DRAFT, False, False, "changed"),
        ("owner", Status.RETURNED, True, False, "draft"),  # the adjustment's draft, published stays
        ("owner", Status.SUBMITTED, False, False, "adjust"),
        ("owner", Status.APPROVED, False, False, "adjust"),
        ("owner", Status.PUBLISHED, True, False, "adjust"),
        ("owner", Status.PUBLISHED, True, True, "adjust"),  # a 填报人 never imports as 已公开
        ("admin", Status.PUBLISHED, True, False, "adjust"),
        ("admin", Status.PUBLISHED, True, True, "changed"),  # the publisher's own version
        ("other-filler", Status.DRAFT, False, False, None),
        ("reviewer", Status.SUBMITTED, False, False, None),
    ],
)
def test_what_a_reimport_does(
    persona: str, status: Status, public: bool, published: bool, expected: str | None
) -> None:
    table = TableScope("甲单位", "甲部门", status, public)
    assert permissions.import_effect(PERSONAS[persona], table, published, False) == expected
