"""Reviews and the rule catalogue as plain data (the JSON form) and as Markdown (the catalogue page).

The JSON form is public (docs/review-json.md): one object per table, ``format`` ``jixiao.review/1``.
Fields may be added; the documented ones keep their meaning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.review.profiles import DEFAULT_PROFILE, PROFILES, Profile
from jixiao.review.registry import FAMILIES, RULES, RULES_BY_ID, Rule
from jixiao.review.runner import RULE_CRASHED, TableReview

REVIEW_FORMAT = "jixiao.review/1"


def _source_dict(source: SourceRef) -> dict[str, Any]:
    return {
        "file": source.file,
        "line": source.line,
        "sheet": source.sheet,
        "cell": source.cell,
        "page": source.page,
    }


def finding_to_dict(finding: Diagnostic) -> dict[str, Any]:
    """A finding as a JSON-ready dict, with its rule's title and family and its place."""
    rule = RULES_BY_ID.get(finding.code)
    return {
        "rule": finding.code,
        "severity": finding.severity.value,
        "title": rule.title if rule else None,
        "family": rule.family if rule else None,
        "file": finding.source.file,
        "line": finding.source.line,
        "sheet": finding.source.sheet,
        "cell": finding.source.cell,
        "page": finding.source.page,
        "where": str(finding.source),
        "indicator": finding.indicator,
        "message": finding.message,
        "basis": finding.basis,
        "suggestion": finding.suggestion,
    }


def review_to_dict(
    review: TableReview,
    profile: Profile = DEFAULT_PROFILE,
    shown: Iterable[Diagnostic] | None = None,
    reading: Sequence[Diagnostic] = (),
) -> dict[str, Any]:
    """One table's review; ``shown`` limits the findings listed (the counts are always complete)."""
    project = review.table.project
    listed = list(review.findings if shown is None else shown)
    return {
        "format": REVIEW_FORMAT,
        "project": project.name,
        "year": project.year,
        "budget": None if project.budget is None else f"{project.budget:.2f}",
        "source": _source_dict(review.table.source),
        "profile": profile.name,
        "outcome": review.outcome.value,
        "reason": review.reason,
        "counts": {s.value: review.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)},
        "findings": [finding_to_dict(f) for f in listed],
        "reading": [finding_to_dict(d) for d in reading],
    }


def rule_to_dict(rule: Rule, profile: Profile = DEFAULT_PROFILE) -> dict[str, Any]:
    """A rule as a JSON-ready dict, with the severity and on/off state the profile gives it."""
    return {
        "id": rule.id,
        "severity": profile.severity_of(rule.id, rule.severity).value,
        "enabled": profile.enabled(rule.id),
        "title": rule.title,
        "family": rule.family,
        "scope": "batch" if rule.is_batch else "table",
        "text": rule.text,
        "basis": rule.basis,
        "suggestion": rule.suggestion,
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def catalogue_markdown(rules: Sequence[Rule] = RULES) -> str:
    """The rule catalogue page (docs/rule-catalogue.md), generated from the registry."""
    out = [
        "# 审核规则目录（rule catalogue）",
        "",
        "由 `jixiao rules --markdown` 从规则注册表生成（`make docs`），请勿手工编辑；"
        "注册表改动而本页未更新时测试会失败。",
        "",
        "严重程度：错误（error）须修改；警告（warning）应修改或说明；提示（info）供核实。"
        "审核配置可关闭规则或改变严重程度（见 docs/review-json.md）。",
        "",
        "## 审核配置（profiles）",
        "",
        "| 名称 | 说明 | 与默认不同的设置 |",
        "|---|---|---|",
    ]
    for profile in PROFILES.values():
        changes = [f"{rid} → {sev.label}" for rid, sev in profile.severities]
        changes += [f"{rid} 关闭" for rid in sorted(profile.disabled)]
        out.append(f"| `{profile.name}` | {_cell(profile.title)} | {'；'.join(changes) or '—'} |")
    out += ["", "## 规则一览", "", "| 编号 | 严重程度 | 类别 | 名称 |", "|---|---|---|---|"]
    for rule in rules:
        out.append(
            f"| [{rule.id}](#{rule.id.lower()}) | {rule.severity.label} | {rule.family} | {rule.title} |"
        )
    for family in FAMILIES:
        members = [r for r in rules if r.family == family]
        if not members:
            continue
        out += ["", f"## {family}"]
        for rule in members:
            scope = "（跨表检查：同一批读入的所有表）" if rule.is_batch else ""
            out += [
                "",
                f"### {rule.id}",
                "",
                f"**{rule.title}** — {rule.severity.label}（{rule.severity.value}）{scope}",
                "",
                rule.text,
                "",
                f"- 依据：{rule.basis}",
                f"- 建议：{rule.suggestion}",
            ]
    out += [
        "",
        "## 规则出错",
        "",
        f"`{RULE_CRASHED}`（错误）：某条规则执行时出错。审核不会中断，出错的规则作为一条发现列出，"
        "写明规则编号和异常；其余规则的结果仍然有效。",
        "",
    ]
    return "\n".join(out)
