"""The registry documents itself: ids, texts, bases, suggestions, both tests per rule, the catalogue page."""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.review import RULES
from jixiao.review.registry import FAMILIES
from jixiao.review.report import catalogue_markdown

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_ids_are_unique_and_stable_in_form() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"JX-[CSBPGM]\d\d", i) for i in ids)


def test_every_rule_is_documented() -> None:
    for rule in RULES:
        assert rule.family in FAMILIES, rule.id
        for field in (rule.title, rule.text, rule.basis, rule.suggestion):
            assert field.strip() and _CJK.search(field), (rule.id, field)
        assert (rule.check is None) != (rule.batch_check is None), rule.id


def test_every_rule_has_a_test_where_it_fires_and_one_where_it_is_silent() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in HERE.glob("test_*.py"))
    for rule in RULES:
        assert f'assert_fires("{rule.id}"' in sources, f"{rule.id} has no test where it fires"
        assert f'assert_silent("{rule.id}"' in sources, f"{rule.id} has no test where it stays silent"


def test_the_catalogue_page_is_up_to_date() -> None:
    page = (ROOT / "docs" / "rule-catalogue.md").read_text(encoding="utf-8")
    assert page == catalogue_markdown(), "docs/rule-catalogue.md is out of date: run `make docs`"
