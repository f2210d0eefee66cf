"""Every rule of the audit registry (JX-A…) fires on a small text table and stays silent on a clean one.

The tables are written as the published ones are (``|``-separated, central 10号 form; one Sichuan
table for its own rule), read by the published-table reader and audited with the implied profile.
"""

from __future__ import annotations

import pytest

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import audit
from jixiao.scoring.audit_checks import ARITHMETIC, PRACTICE, REGISTRY, RESCORE

ROWS = [
    "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 100人次 | 30 | 30 |",
    " | 质量指标 | 培训合格率 | ≥90% | 95% | 20 | 20 |",
    "效益指标 | 社会效益指标 | 政策知晓度 | 明显提高 | 部分达成年度指标并具有一定效果 | 30 | 21 "
    "| 宣传覆盖不足，下年增加场次",
    "满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% | 92% | 10 | 10 |",
]


def central(
    rows: list[str] | None = None,
    total_row: str = "年度资金总额 | 10 | 10 | 10 | 10 | 100% | 10",
    fund_row: str = "其中：当年财政拨款 | 10 | 10 | 10 | | |",
    total: str = "91",
    grade: str = "优",
    note: str = "",
) -> str:
    lines = [
        "项目支出绩效自评表",
        "项目名称 | 基层干部政策培训",
        "主管部门 | 某县财政局 | 实施单位 | 某县财政局",
        "项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
        total_row,
        fund_row,
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施",
        *(ROWS if rows is None else rows),
        f"总分 | {total}",
        f"自评等级 | {grade}",
    ]
    if note:
        lines.append(note)
    return "\n".join(lines) + "\n"


def sichuan(executed: str, rate: str, score: str, reason: str) -> str:
    return (
        "\n".join(
            [
                "部门预算项目支出绩效自评表(2023年度) | |",
                "项目名称 | 档案数字化 |",
                "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 "
                "| 权重 | 得分 | 原因",
                f"总额 | 20 | 20 | {executed} | {rate} | 10 | {score} | {reason}",
                f"其中:财政资金 | 20 | 20 | {executed} | {rate} | / | / |",
                "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 "
                "| 权重 | 得分 | 未完成原因分析",
                "产出指标 | 数量指标 | 数字化档案卷数 | ≥ | 5000 | 卷 | 5000 | 50 | 50 |",
                "效益指标 | 社会效益指标 | 查档利用效率 | ≥ | 95 | % | 90 | 40 | 37.89 | 老旧档案识别率低",
                "合计 | 100 |",
            ]
        )
        + "\n"
    )


def with_row(n: int, row: str) -> list[str]:
    rows = list(ROWS)
    rows[n] = row
    return rows


FIRES: dict[str, str] = {
    "JX-A01": central(total="95"),
    "JX-A02": central(
        with_row(0, "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 130人次 | 30 | 32 | 超额完成"), total="93"
    ),
    "JX-A03": central(fund_row="其中：当年财政拨款 | 12 | 10 | 10 | | |"),
    "JX-A04": central(total_row="年度资金总额 | 10 | 10 | 10 | 10 | 90% | 10"),
    "JX-A05": central(total_row="年度资金总额 | 10 | 10 | 10 | 10 | 100% | 8", total="89"),
    "JX-A06": central(
        with_row(0, "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 100人次 | 35 | 35 |"), total="96"
    ),
    "JX-A07": central(note="注：一级指标分值按产出指标60分、效益指标20分、满意度指标10分设置。"),
    "JX-A08": central(
        with_row(0, "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 100人次 | 30 | 9 |"), total="70", grade="中"
    ),
    "JX-A09": central(grade="差"),
    "JX-A10": central(with_row(1, " | 质量指标 | 培训合格率 | ≥90% | 85% | 20 | 20 |")),
    "JX-A11": central(with_row(1, " | 质量指标 | 培训合格率 | ≥90% | 85% | 20 | 20 |")),
    "JX-A12": central(
        [
            "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 100人次 | 30 | 48 |",
            " | 质量指标 | 培训合格率 | ≥90% | 95% | 20 |  |",
            *ROWS[2:],
        ],
        total="89",
    ),
    "JX-A21": central(
        with_row(2, "效益指标 | 社会效益指标 | 政策知晓度 | 明显提高 | 达成年度指标 | 30 | 30 |"), total="100"
    ),
    "JX-A22": central(with_row(0, "产出指标 | 数量指标 | 培训人次 | ≥100人次 | ≥100人次 | 30 | 30 |")),
    "JX-A23": central(with_row(0, "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 完成 | 30 | 30 |")),
    "JX-A24": central(
        with_row(
            2, "效益指标 | 社会效益指标 | 政策知晓度 | 明显提高 | 部分达成年度指标并具有一定效果 | 30 | 21 |"
        )
    ),
    "JX-A25": central(with_row(0, "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 130人次 | 30 | 30 |")),
    "JX-A26": central(
        [r.replace("| 100人次 | 30 | 30 |", "|  | 30 |  |") for r in ROWS[:1]]
        + [" | 质量指标 | 培训合格率 | ≥90% |  | 20 |  |"],
        total="",
        grade="",
    ),
    "JX-A27": central(
        with_row(
            2,
            "效益指标 | 社会效益指标 | 政策知晓度 | 明显提高 | 部分达成年度指标并具有一定效果 "
            "| 30 | 28 | 宣传不足",
        ),
        total="98",
    ),
    "JX-A28": sichuan("17", "85.00%", "8.5", ""),
    "JX-A29": central(["产出指标 | 成本指标 | 培训成本控制数 | ≤10万元 | 10万元 | 90 | 90 |"], total="100"),
}


def codes(text: str) -> list[str]:
    tables = read_published_text(text, "自评表.txt")
    assert len(tables) == 1
    return audit(tables[0]).codes()


def test_the_clean_tables_raise_nothing() -> None:
    assert codes(central()) == []
    assert codes(sichuan("17", "85.00%", "8.5", "设备到货延迟，尾款次年支付")) == []


def test_every_rule_has_a_firing_case() -> None:
    assert sorted(FIRES) == sorted(rule.code for rule in REGISTRY)


@pytest.mark.parametrize("code", sorted(FIRES))
def test_rule_fires(code: str) -> None:
    assert code in codes(FIRES[code])


def test_rules_have_kind_basis_and_suggestion() -> None:
    for rule in REGISTRY:
        assert rule.kind in (ARITHMETIC, RESCORE, PRACTICE)
        assert "财预〔2020〕10号" in rule.basis
        assert rule.suggestion and rule.rule_text


def test_findings_name_the_place_and_the_province() -> None:
    table = read_published_text(FIRES["JX-A28"], "自评表.txt")[0]
    finding = next(d for d in audit(table).diagnostics if d.code == "JX-A28")
    assert "510000_0013zp" in (finding.basis or "")
    double = read_published_text(FIRES["JX-A08"], "自评表.txt")[0]
    where = next(d for d in audit(double).diagnostics if d.code == "JX-A08").source
    assert str(where) == "自评表.txt:8"


def test_total_difference_says_how_much_and_which_way() -> None:
    table = read_published_text(FIRES["JX-A11"], "自评表.txt")[0]
    result = audit(table)
    message = next(d.message for d in result.diagnostics if d.code == "JX-A11")
    assert "高于按规则重算的89.89" in message and "相差1.11分" in message
    assert result.difference is not None and result.difference > 0


def test_share_columns_without_weights_are_weighed_by_their_share() -> None:
    text = central(
        [
            "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 100人次 | | 60 |",
            "效益指标 | 社会效益指标 | 政策知晓度 | 明显提高 | 达成年度指标 | | 30 |",
        ],
        total="100",
    ).replace("| 分值 | 得分 |", "| 权重占比 | 折算得分 |")
    text = text.replace("| 100人次 | | 60 |", "| 100人次 | 66.67% | 60 |")
    text = text.replace("| 达成年度指标 | | 30 |", "| 达成年度指标 | 33.33% | 30 |")
    [table] = read_published_text(text, "自评表.txt")
    result = audit(table)
    assert any("权重占比" in c for c in result.choices)
    assert result.result.total == 100
