"""推荐指标 on the seed plus the corpus: a new project named like a corpus project family gets the
indicators that family uses, each with how many of its units use it and the value they set; the goal
text, the 项目类型 and the 主管部门 find similar projects too.

The corpus's hand-written goldens (tests/corpus/publishers/*/expected.json) are stored as published
tables in the open data format, beside the published seed; the library is built from the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from jixiao.permissions import OPERATOR
from jixiao.service import Service
from jixiao.store.library_schema import library_links
from jixiao.store.schema import orgs, perf_tables
from jixiao.workflow import Principal, Role
from tests.library.tables import corpus_documents
from tests.web.helpers import PASSWORD

SEED = Path(__file__).resolve().parent.parent / "corpus" / "dongguan_fulian_2025.json"
NO_VALUE = {"raw": "", "kind": "unknown", "op": None, "value": None, "unit": None}


def _stored(document: dict[str, Any]) -> dict[str, Any]:
    indicators = [
        {k: item.get(k) or "" for k in ("level1", "level2", "name")}
        | {"period": item.get("period") or NO_VALUE, "annual": item.get("annual") or NO_VALUE}
        for item in document["indicators"]
    ]
    goals = {"period": "", "annual": ""}
    return {
        "format": "jixiao.table/1",
        "project": document["project"],
        "goals": goals,
        "indicators": indicators,
    }


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    folder = tmp_path_factory.mktemp("recommend")
    corpus = folder / "corpus.json"
    documents = [_stored(d) for d in corpus_documents()]
    corpus.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    service = Service(f"sqlite:///{folder / 'library.sqlite'}")
    service.upgrade()
    assert service.import_path(corpus, published=True).created == len(documents)
    assert service.import_path(SEED, published=True).created == 17
    service.build_library(OPERATOR)
    yield service
    service.engine.dispose()


def _family_use(service: Service, word: str, unit: str | None = None) -> dict[str, set[str]]:
    """Entry code → the units whose stored tables named with ``word`` (of ``unit``, if given) use it,
    read from the links."""
    query = (
        select(library_links.c.code, orgs.c.name)
        .select_from(
            library_links.join(perf_tables, perf_tables.c.id == library_links.c.table_id).join(
                orgs, orgs.c.id == perf_tables.c.unit_id
            )
        )
        .where(perf_tables.c.name.contains(word), library_links.c.code.is_not(None))
    )
    if unit is not None:
        query = query.where(orgs.c.name == unit)
    used: dict[str, set[str]] = {}
    with service.engine.connect() as conn:
        for code, unit in conn.execute(query):
            used.setdefault(code, set()).add(unit)
    return used


@pytest.mark.parametrize(
    ("new_project", "family_word"),
    [
        ("2027年学前教育幼儿资助资金", "幼儿资助"),
        ("2027年义务教育学校校舍维修改造", "校舍维修"),
        ("省级水利专项资金（2027年第一批）", "水利专项"),
    ],
)
def test_a_project_named_like_a_family_gets_its_indicators_with_provenance(
    service: Service, new_project: str, family_word: str
) -> None:
    family = _family_use(service, family_word)
    assert sum(1 for units in family.values() if len(units) >= 2) >= 1  # the family shares indicators
    found = service.library_recommend(new_project)
    assert found["projects"] >= 2 and found["basis"].startswith("按项目名称找到")
    offered = {e["code"]: e for e in found["entries"]}
    assert offered and set(offered) <= set(family)  # only what the family uses
    shared = [code for code, units in family.items() if len(units) >= 2]
    assert set(shared) <= set(offered)  # and what several of its units use, all of it
    ranked = [len(family[e["code"]]) for e in found["entries"]]
    assert ranked == sorted(ranked, reverse=True)  # the most widely used first
    for entry in found["entries"]:
        units = len(family[entry["code"]])
        assert entry["reason"].startswith(f"{units} 个单位的 “{found['family']}”类项目使用")
        evidence = service.library_entry(entry["code"])
        assert evidence["provenance"]["publishers"] >= units  # traceable: the entry's own provenance


def test_goal_text_type_and_department_find_projects_the_name_does_not(service: Service) -> None:
    assert service.library_recommend("2027年晨光专项")["entries"] == []  # the name alone finds nothing
    goal = "为妇女与家庭提供支持服务，维护妇女合法权益，促进家庭和谐"
    by_goal = service.library_recommend("2027年晨光专项", goal=goal)
    assert by_goal["entries"] and "绩效目标" in by_goal["basis"]
    seed = json.loads(SEED.read_text(encoding="utf-8"))[0]["project"]
    seed_codes = set(_family_use(service, "", seed["unit"]))  # only the seed's tables state such goals
    assert {e["code"] for e in by_goal["entries"]} <= seed_codes

    typed = service.library_recommend(
        "2027年晨光专项", project_type=seed["type"], department=seed["department"]
    )
    assert typed["entries"] and "项目类型" in typed["basis"] and "主管部门" in typed["basis"]
    assert {e["code"] for e in typed["entries"]} <= seed_codes  # the seed's type and department


def test_a_retired_entry_is_no_longer_recommended(service: Service) -> None:
    """Runs last: it retires the family's most widely used entry."""
    project = "2027年学前教育幼儿资助资金"
    first = service.library_recommend(project)["entries"][0]
    curator = Principal(service.add_user("curator", PASSWORD, Role.ADMIN), "curator", Role.ADMIN)
    finance = Principal(service.add_user("finance", PASSWORD, Role.ADMIN), "finance", Role.ADMIN)
    request = service.library_request(curator, "retire", first["code"], {}, "并入统一指标")
    service.library_decide(finance, request["id"], True)  # 部门审核
    service.library_decide(OPERATOR, request["id"], True)  # 财政审定
    assert first["code"] not in {e["code"] for e in service.library_recommend(project)["entries"]}
    assert service.library_entry(first["code"])["tables_using_total"] >= 2  # the tables keep their link
