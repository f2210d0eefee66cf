"""`jixiao evaluate` on published self-evaluations: read each table, score it again, list the findings.

Auditing only: nothing is stored or written. A file that holds a target table instead is named as
such and pointed to `jixiao review`. Exit 0 when every file was read as a self-evaluation (findings
are the result, not a failure), 1 when a file could not be read or holds none.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table as RichTable

from jixiao.cli.common import EXIT_OK, EXIT_PROBLEM, err, out, print_diagnostics, read_one
from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.pipeline import (
    AUDIT_FORMAT,
    FROM_SENTENCES,
    NOT_SELFEVAL,
    UNSURE_COLUMNS,
    AuditResult,
    audit,
    audit_to_dict,
    diagnostic_dict,
    is_jixiao_form,
    money,
    plain,
    read_published_path,
)


def audit_files(files: list[Path], profile: str | None, as_json: bool) -> None:
    """Audit every published table of every file; print them (or JSON) and exit."""
    entries: list[dict[str, Any]] = []
    failed = False
    for file in files:
        tables, problems = ([], []) if is_jixiao_form(file) else read_published_path(file)
        if not tables:
            failed = True
            problem = _not_a_selfevaluation(file, problems)
            # the reader's other reasons (OCR damage beside cells run together) follow the first
            more = [diagnostic_dict(p) for p in problems if p.code.startswith("JX-R")]
            more = [d for d in more if d != problem]
            entries.append(
                {
                    "format": AUDIT_FORMAT,
                    "file": str(file),
                    "published": None,
                    "diagnostics": [problem, *more],
                }
            )
            if not as_json:
                err.print(f"{file}: {problem['code']} 错误 {problem['message']}")
                print_diagnostics([p for p in problems if p.code.startswith("JX-R")][1:])
            continue
        for table in tables:
            result = audit(table, profile)
            entry = audit_to_dict(result, str(file))
            # a table read without its indicators carries the reader's reason (JX-R04) beside the findings,
            # a row read in one of two equally fitting places the reader's note on it (JX-R31)
            unread = [] if table.indicators else list(problems)
            unread += [p for p in problems if p.source in table.ambiguous_rows]
            unsure = {i.source for i in table.indicators if i.unsure}
            unsure |= {f.source for f in table.funds if f.unsure}
            unread += [p for p in problems if p.code == UNSURE_COLUMNS and p.source in unsure]  # not audited
            unread += [p for p in problems if p.code == FROM_SENTENCES]  # read from a report's sentences
            entry["diagnostics"] = [*map(diagnostic_dict, unread), *entry["diagnostics"]]
            entries.append(entry)
            if not as_json:
                _print(str(file), result)
                print_diagnostics(unread)
    if as_json:
        out.print_json(json.dumps(entries, ensure_ascii=False))
    raise typer.Exit(EXIT_PROBLEM if failed else EXIT_OK)


def _not_a_selfevaluation(file: Path, problems: list[Diagnostic]) -> dict[str, Any]:
    """Why a file holds no published self-evaluation: our template, a target table, or nothing."""
    if is_jixiao_form(file):
        message = f"这是 jixiao 的自评表模板，请单独评分：jixiao evaluate {file}"
    else:
        targets, _ = read_one(str(file))
        if targets:
            names = "、".join(t.project.name for t in targets[:3])
            message = f"这是项目绩效目标表（{names}），不是自评表；审核目标表请用 jixiao review {file}"
        else:
            first = problems[0] if problems else None
            message = first.message if first is not None else "文件中没有找到项目支出绩效自评表"
            if first is not None and first.code != NOT_SELFEVAL:
                return diagnostic_dict(first)
    where = Diagnostic(NOT_SELFEVAL, Severity.ERROR, message, SourceRef(str(file)))
    return diagnostic_dict(where)


def _print(file: str, result: AuditResult) -> None:
    p = result.published
    computed = result.result
    title = f"{p.project}（{file}）"
    table = RichTable(title=title, show_lines=False)
    for header in ("指标", "分值", "表中得分", "重算得分", "计分说明"):
        table.add_column(header, overflow="fold")
    budget = computed.budget
    printed_budget = p.budget_score
    table.add_row(
        "预算执行",
        plain(budget.weight),
        "" if printed_budget is None else plain(printed_budget),
        money(budget.value),
        budget.explanation,
    )
    scored = {id(s.line): s for s in computed.lines}
    for printed, line in zip(p.indicators, result.evaluation.lines, strict=True):
        s = scored.get(id(line))
        table.add_row(
            printed.label,
            "" if line.weight is None else plain(line.weight),
            "" if printed.score is None else plain(printed.score),
            "不适用" if s is None else money(s.score.value),
            "" if s is None else s.score.explanation,
        )
    out.print(table)
    for choice in result.choices:
        out.print(f"  {choice}")
    printed_total = "未填" if p.total is None else plain(p.total)
    grade = f"，等级“{p.grade}”" if p.grade else ""
    out.print(f"  表中总分：{printed_total}{grade}；重算：{computed.explanation}")
    if result.diagnostics:
        print_diagnostics(result.diagnostics)
    elif any(i.unsure for i in p.indicators):
        out.print("  有的行单元格不能确定各在哪一列（见 JX-R34），这些行未据以核对算术，不能说数字自洽")
    else:
        out.print("  未发现问题：表中数字自洽，且与按规则重算一致")
