"""Write test tables in the seed's own text format and review them.

`table()` builds a tab-separated 项目绩效目标表 like the published seed. The header block has a fixed
length, so the first indicator row is always line `FIRST_ROW` (15). Rows are written with `` | ``
between cells for readability and turned into tabs, exactly as the seed has them.

A test states which (rule id, line) pairs it expects through `assert_fires` / `assert_silent`; the
registry test reads the test sources to check that every rule has both.
"""

from __future__ import annotations

from jixiao.model import Diagnostic
from jixiao.readers.text import read_text
from jixiao.review import DEFAULT_PROFILE, Profile, review_batch

FIRST_ROW = 15

# A clean table: every rule stays silent on it (tested in test_runner.py).
GOOD_ROWS = """
 | 成本指标 | 经济成本指标 | 预算控制数 | ≤100000元 | ≤100000元
 | 产出指标 | 数量指标 | 举办培训班 | ≥2期 | ≥2期
 |  | 质量指标 | 培训出勤率 | ≥95% | ≥95%
 |  | 时效指标 | 培训完成时间 | 2025年12月 | 2025年12月
 | 效益指标 | 社会效益 | 培训人次 | ≥300人次 | ≥300人次
 | 满意度指标 | 服务对象满意度 | 学员满意度 | ≥90% | ≥90%
"""

GOOD_GOAL = "举办妇女干部培训班2期，培训300人次，提高妇女干部综合素质。"


def cells(text: str) -> str:
    """Rows written with `` | `` between cells → tab-separated lines (blank lines at the ends dropped)."""
    lines = text.strip("\n").split("\n")
    return "\n".join("\t".join(c.strip() for c in line.split("|")) for line in lines)


def table(
    rows: str = GOOD_ROWS,
    *,
    name: str = "妇女干部培训经费",
    start: str = "2025",
    end: str = "2025",
    budget: str = "100,000.00",
    period_goal: str = GOOD_GOAL,
    annual_goal: str = GOOD_GOAL,
    project_type: str = "其他特定目标类（部门职能类）",
) -> str:
    header = f"""项目绩效目标表

项目名称 | {name}
项目类型 | {project_type}
项目等级 | 二级项目
主管部门 | 东莞市妇女联合会
用款单位 | 东莞市妇女联合会
实施周期 | 起始年度 | {start} | 到期年度 | {end}
2025年预算金额(元) | {budget}
总体绩效目标 | 实施周期总目标
 | {period_goal}
 | 2025年度目标
 | {annual_goal}
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 实施周期指标值 | 年度指标值
"""
    return cells(header) + "\n" + cells(rows) + "\n"


def review_text(text: str, profile: Profile = DEFAULT_PROFILE) -> list[Diagnostic]:
    tables, diagnostics = read_text(text, "t.txt")
    assert tables, f"the test table could not be read: {diagnostics}"
    return [f for review in review_batch(tables, profile) for f in review.findings]


def pairs(text: str, rule_id: str, profile: Profile = DEFAULT_PROFILE) -> list[tuple[str, int | None]]:
    return [(f.code, f.source.line) for f in review_text(text, profile) if f.code == rule_id]


def assert_fires(rule_id: str, text: str, lines: list[int], profile: Profile = DEFAULT_PROFILE) -> None:
    """The rule reports exactly these lines, in this order."""
    assert pairs(text, rule_id, profile) == [(rule_id, line) for line in lines]


def assert_silent(rule_id: str, text: str, profile: Profile = DEFAULT_PROFILE) -> None:
    assert pairs(text, rule_id, profile) == []


def row(n: int) -> int:
    """The source line of the n-th indicator row (1-based) in a `table()`."""
    return FIRST_ROW + n - 1
