"""During a 目标调整 the people who work on it see the adjustment's own findings, placed (and the
reviewer's dismissals applied), not the published version's; visitors keep the published version's."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from jixiao.service import Conflict, SeenFinding
from jixiao.values import parse_target
from jixiao.workflow import ANONYMOUS
from tests.store.test_adjustment_public import _published


def test_the_adjustment_shows_its_own_findings(db_url: str, seed_path: Path) -> None:
    service, people, table_id = _published(db_url, seed_path)
    owner, reviewer = people["owner"], people["reviewer"]
    published = service.table_view(owner, table_id)
    assert "JX-M03" not in {f.code for f in published.findings}
    items = tuple(
        replace(i, annual=parse_target("120%", i.name)) if i.name == "社工证持有率" else i
        for i in published.table.indicators
    )
    changed = replace(published.table, indicators=items)
    service.save(owner, table_id, changed, published.row.lock_version, reason="持证口径调整")

    for who in (owner, reviewer):
        view = service.table_view(who, table_id)
        assert view.row.adjusting
        found = [f for f in view.findings if f.code == "JX-M03"]
        assert found and found[0].place == "产出指标／质量指标／社工证持有率"
    assert "JX-M03" not in {f.code for f in service.table_view(ANONYMOUS, table_id).findings}
    seen = SeenFinding(view.row.current_version, found[0].code, found[0].place)
    service.dismiss_finding(reviewer, table_id, found[0].id, "持证人次口径可超过100%", seen)
    dismissed = [f for f in service.table_view(reviewer, table_id).findings if f.code == "JX-M03"]
    assert dismissed[0].dismissed and dismissed[0].dismissed["reason"] == "持证人次口径可超过100%"


def test_the_adjustment_is_reviewed_by_its_years_profile(db_url: str, seed_path: Path) -> None:
    """An administrator switched JX-M03 off for the year: the adjustment under way, reviewed on each
    view (its findings are not stored until it is published), follows that profile like stored tables."""
    from jixiao.permissions import OPERATOR
    from jixiao.service.rule_profiles import default_settings, form_values

    service, people, table_id = _published(db_url, seed_path)
    owner = people["owner"]
    published = service.table_view(owner, table_id)
    items = tuple(
        replace(i, annual=parse_target("120%", i.name)) if i.name == "社工证持有率" else i
        for i in published.table.indicators
    )
    service.save(owner, table_id, replace(published.table, indicators=items), published.row.lock_version,
                 reason="持证口径调整")  # fmt: skip
    assert "JX-M03" in {f.code for f in service.table_view(owner, table_id).findings}
    year = published.table.project.year
    assert year is not None
    form = {k: v for k, v in form_values(default_settings()).items() if v and k != "rule-JX-M03"}
    service.set_rule_profile(OPERATOR, year, form)
    view = service.table_view(owner, table_id)
    assert view.row.adjusting and "JX-M03" not in {f.code for f in view.findings}


def test_a_page_opened_before_the_adjustment_cannot_dismiss_another_finding(
    db_url: str, seed_path: Path
) -> None:
    """The race: a reviewer opened the published table's page; the owner then started a 目标调整,
    whose findings are numbered anew, so the number on the stale page names another finding of the
    draft. The dismissal carries what the page showed and is refused; nothing is dismissed."""
    service, people, table_id = _published(db_url, seed_path)
    owner, reviewer = people["owner"], people["reviewer"]
    stale = service.table_view(reviewer, table_id)
    items = tuple(
        replace(i, annual=parse_target("120%", i.name)) if i.name == "社工证持有率" else i
        for i in stale.table.indicators
    )
    changed = replace(stale.table, indicators=items)
    service.save(owner, table_id, changed, stale.row.lock_version, reason="持证口径调整")

    now = {f.id: (f.code, f.place) for f in service.table_view(reviewer, table_id).findings}
    shown = next(f for f in stale.findings if f.id in now and now[f.id] != (f.code, f.place))
    seen = SeenFinding(stale.row.current_version, shown.code, shown.place)
    with pytest.raises(Conflict, match="表已被修改"):
        service.dismiss_finding(reviewer, table_id, shown.id, "这条不是问题", seen)
    after = service.table_view(reviewer, table_id)
    assert not any(f.dismissed for f in after.findings)
    assert all(e.action != "dismiss" for e in after.events)

    # the same number on a page of the draft as it is now dismisses the finding shown there
    current = next(f for f in after.findings if f.id == shown.id)
    fresh = SeenFinding(after.row.current_version, current.code, current.place)
    service.dismiss_finding(reviewer, table_id, shown.id, "这条不是问题", fresh)
    dismissed = [f for f in service.table_view(reviewer, table_id).findings if f.dismissed]
    assert [(f.code, f.place) for f in dismissed] == [(current.code, current.place)]
