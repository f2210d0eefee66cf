# ruff: noqa: E501  (the form's own long lines of Chinese text)
"""A whole 部门预算公开 Word document: prose, a funds table and two 项目绩效目标表 (docx).

Stands for the way 东莞市 departments publish their 2025 budgets (the seed, tests/corpus/
dongguan_fulian_2025.txt, is one of them, copied out as text): a .docx with the department's
duties and budget explained in prose, a 项目支出预算表 whose columns are 项目名称 | 预算金额 (a funds
table that also says 项目名称, and is not a target table), then one 项目绩效目标表 per project in the
municipal layout — 项目类型, 项目等级, 主管部门, 用款单位, 实施周期 起始年度/到期年度, ``2025年预算金额(元)``,
总体绩效目标 with 实施周期总目标 and 2025年度目标, indicators with 实施周期指标值 and 年度指标值 — each under
its own title paragraph, and notes after the tables. Names, texts and values are our own.

Run: ``.venv/bin/python tests/corpus/publishers/guangdong-dongguan-bumenyusuan-2025/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _build import C, write_docx  # noqa: E402

FUNDS = [
    ["项目名称", "预算金额（元）", "其中：财政拨款（元）"],
    ["社区青少年心理健康服务", "1,360,000.00", "1,360,000.00"],
    ["非遗传承人口述史整理", "425,000.00", "425,000.00"],
    ["合计", "1,785,000.00", "1,785,000.00"],
]


def target_table(
    name: str, budget: str, goals: tuple[str, str], tree: list[tuple[str, str, str, str, str]]
) -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C(name, 5)],
        ["项目类型", C("其他事业发展性支出", 5)],
        ["项目等级", C("二级项目", 5)],
        ["主管部门", C("东莞市示范文化服务中心", 5)],
        ["用款单位", C("东莞市示范文化服务中心", 5)],
        ["实施周期", "起始年度", "2023", "到期年度", C("2027", 2)],
        ["2025年预算金额(元)", C(budget, 5)],
        [C("总体绩效目标", rs=4), C("实施周期总目标", 5)],
        [C(goals[0], 5)],
        [C("2025年度目标", 5)],
        [C(goals[1], 5)],
        [C("绩效指标", rs=len(tree) + 1), "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"],
    ]
    previous = ("", "")
    for level1, level2, indicator, period, annual in tree:
        spans = [r for r in tree if r[0] == level1]
        row: list[C | str] = []
        if level1 != previous[0]:
            row.append(C(level1, rs=len(spans)))
        if (level1, level2) != previous:
            row.append(C(level2, rs=sum(1 for r in spans if r[1] == level2)))
        rows.append([*row, indicator, period, annual])
        previous = (level1, level2)
    return rows


FIRST = target_table(
    "社区青少年心理健康服务",
    "1,360,000.00",
    ("目标1：建立覆盖全市社区的青少年心理健康服务网络。目标2：心理危机个案得到及时干预。",
     "目标1：开展心理健康讲座和团体辅导，服务青少年不少于6000人次。目标2：跟进高风险个案并按时结案。"),
    [
        ("产出指标", "数量指标", "心理健康讲座场次", "≥300场", "≥60场"),
        ("产出指标", "数量指标", "团体辅导服务人次", "≥30000人次", "≥6000人次"),
        ("产出指标", "质量指标", "个案跟进结案率", "≥95%", "≥95%"),
        ("成本指标", "经济成本指标", "预算控制数", "≤6800000元", "≤1360000元"),
        ("效益指标", "社会效益指标", "青少年心理求助渠道知晓率", "≥80%", "≥70%"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "≥90%"),
    ],
)  # fmt: skip

SECOND = target_table(
    "非遗传承人口述史整理",
    "425,000.00",
    ("完成全市市级以上非遗代表性传承人口述史的采集、整理和出版。",
     "完成12位传承人的口述史采集和文字整理。"),
    [
        ("产出指标", "数量指标", "采集传承人口述史", "≥60人", "≥12人"),
        ("产出指标", "时效指标", "年度整理任务完成时间", "2027年12月前", "2025年12月前"),
        ("成本指标", "经济成本指标", "预算控制数", "≤2125000元", "≤425000元"),
        ("效益指标", "社会效益指标", "口述史资料公开利用", "持续开放", "向公众开放查阅"),
        ("满意度指标", "服务对象满意度指标", "传承人满意度", "≥90%", "≥90%"),
    ],
)  # fmt: skip

if __name__ == "__main__":
    write_docx(
        [
            ("h", "东莞市示范文化服务中心2025年部门预算"),
            ("p", "第一部分 部门概况"),
            ("p", "一、主要职能。本中心负责全市公共文化服务的组织实施，承担青少年公益服务和非物质文化遗产保护的具体工作。"),
            ("p", "二、部门预算单位构成。本部门预算仅含本级预算，无下属预算单位。"),
            ("p", "第二部分 2025年部门预算情况说明"),
            ("p", "2025年本部门收支预算总额为1,785,000.00元，全部为项目支出，具体项目如下表。"),
            ("p", "项目支出预算表"),
            ("p", "单位：元"),
            ("table", FUNDS),
            ("p", "第三部分 项目绩效目标"),
            ("p", "按照全面实施预算绩效管理的要求，本部门对全部项目设定了绩效目标，公开如下。"),
            ("h", "项目绩效目标表"),
            ("table", FIRST),
            ("h", "项目绩效目标表"),
            ("table", SECOND),
            ("p", "第四部分 名词解释"),
            ("p", "项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
        ],
        HERE / "document.docx",
    )  # fmt: skip
