"""Every basis a user reads names the official document (or says 实践做法), never the developers'
rules.md: the rule catalogues, the profiles, the findings and scoring explanations, the templates."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jixiao.evaluation import profiles as scoring_profiles
from jixiao.review import profiles as review_profiles
from jixiao.review.registry import RULES
from jixiao.review.runner import review_batch
from jixiao.scoring import evaluate
from jixiao.scoring.audit_checks import REGISTRY as AUDIT_REGISTRY
from jixiao.scoring.checks import REGISTRY as CHECK_REGISTRY
from jixiao.scoring.selfeval import evaluation_from_table
from tests.seed import seed_tables

SRC = Path(__file__).resolve().parents[1] / "src" / "jixiao"
BARE_SECTION = re.compile(r"§")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.name not in ("check", "batch_check", "run", "catalogue"):
                yield from _strings(getattr(value, item.name))
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _clean(texts: Iterator[str], where: str) -> None:
    bad = [t for t in texts if "rules.md" in t or BARE_SECTION.search(t)]
    assert not bad, f"{where}: {bad[:3]}"


def test_rule_catalogues_and_profiles_name_official_texts() -> None:
    _clean(_strings(RULES), "审核规则")
    _clean(_strings(CHECK_REGISTRY), "自评检查")
    _clean(_strings(AUDIT_REGISTRY), "自评表核算规则")
    _clean(_strings(list(review_profiles.PROFILES.values())), "审核配置")
    _clean(_strings(list(scoring_profiles.PROFILES.values())), "评分方案")
    for rule in RULES:
        assert rule.text and "rules.md" not in rule.text


def test_bases_say_practice_in_plain_words() -> None:
    bases = [r.basis for r in RULES] + [c.basis for c in CHECK_REGISTRY]
    assert all(("〔" in b and "号" in b) or "实践做法" in b or "地方" in b for b in bases), [
        b for b in bases if not (("〔" in b and "号" in b) or "实践做法" in b or "地方" in b)
    ]


def test_findings_and_scoring_explanations_of_the_seed() -> None:
    tables = seed_tables()
    for result in review_batch(tables):
        _clean(_strings(result.findings), "审核发现")
    for table in tables:
        scored = evaluate(evaluation_from_table(table))
        _clean(_strings(scored), "评分说明")


def test_templates_and_static_text() -> None:
    for path in [*(SRC / "web" / "templates").rglob("*.html"), *(SRC / "web" / "static").glob("*.js")]:
        text = path.read_text(encoding="utf-8")
        assert "rules.md" not in text and "§" not in text, path.name


def test_generated_rule_catalogue_doc() -> None:
    doc = (SRC.parents[1] / "docs" / "rule-catalogue.md").read_text(encoding="utf-8")
    assert "rules.md" not in doc and "§" not in doc
