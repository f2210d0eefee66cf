"""Builds document.xlsx: two 项目支出绩效自评表 of a 渭南市临渭区 department stacked on one Excel sheet.

Stands for a 陕西 district unit's workbook holding every project's self-evaluation on the same sheet, one
table under the other with an empty row and the second table's own title rows between them, in the central
财预〔2020〕10号 附件1 columns with amounts as Excel numbers. No stored page held a 临渭区 table; rows and
figures are ours. The first table agrees with itself; the second's defect is composed, of a kind issue 12
reports from real tables: an actual copies its target ('≥1500户') and the row still takes full marks.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout9/shaanxi-weinan-linwei-nongye-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

UNIT = "渭南市临渭区农业农村局"
Cell = C | str | int | float
Row = list[Cell]
HEAD: Row = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def table(project: str, funds: list[Row], goal: str, done: str, rows: list[Row], total: Cell) -> list[Row]:
    return [
        ["项目名称", C(project, 8)],
        ["主管部门", C(UNIT, 3), "实施单位", C(UNIT, 4)],
        [C("项目资金（万元）", rs=5), C("", 2), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        *funds,
        [C("年度总体目标", rs=2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(goal, 4), C(done, 4)],
        [C("绩效指标", rs=len(rows) + 1), *HEAD],
        *rows,
        [C("总分", 6), 100, total, ""],
    ]


def farmland() -> list[Row]:
    funds: list[Row] = [
        [C("年度资金总额", 2), 85, 85, 85, 10, "100%", 10],
        [C("其中：当年财政拨款", 2), 85, 85, 85, "—", "100%", "—"],
        [C("上年结转资金", 2), "", "", "", "—", "", "—"],
        [C("其他资金", 2), "", "", "", "—", "", "—"],
    ]
    rows: list[Row] = [
        [C("产出指标", rs=3), "数量指标", "管护高标准农田面积", "≥3.2万亩", "3.2万亩", 20, 20, ""],
        ["质量指标", "灌排设施完好率", "≥90%", "91%", 20, 20, ""],
        ["时效指标", "管护任务完成时限", "2023年12月底前", "2023年11月完成", 10, 10, ""],
        [C("效益指标", rs=2), "经济效益指标", "项目区粮食亩均增产", "≥30公斤", "28公斤", 20, 18.67, "夏季持续干旱，部分地块减产；下年加强抗旱灌溉设施管护"],
        ["可持续影响指标", "农田设施长效运行", "长期", "达成年度指标", 10, 10, ""],
        ["满意度指标", "服务对象满意度指标", "项目区农户满意度", "≥90%", "94%", 10, 10, ""],
    ]
    return table(
        "高标准农田建设管护经费", funds,
        "对已建成高标准农田开展日常管护，保障灌排设施正常运行，稳定粮食产能。",
        "管护高标准农田3.2万亩，灌排设施完好率91%。",
        rows, 98.67,
    )


def sanitation() -> list[Row]:
    funds: list[Row] = [
        [C("年度资金总额", 2), 120, 120, 117.6, 10, "98%", 9.8],
        [C("其中：当年财政拨款", 2), 100, 100, 97.6, "—", "97.6%", "—"],
        [C("上年结转资金", 2), 20, 20, 20, "—", "100%", "—"],
        [C("其他资金", 2), "", "", "", "—", "", "—"],
    ]
    rows: list[Row] = [
        [C("产出指标", rs=3), "数量指标", "改造农村户厕数量", "≥1500户", "≥1500户", 20, 20, ""],
        ["质量指标", "改厕验收合格率", "≥95%", "97%", 15, 15, ""],
        ["时效指标", "奖补资金拨付及时率", "100%", "100%", 15, 15, ""],
        [C("效益指标", rs=2), "社会效益指标", "农村人居环境", "明显改善", "达成年度指标", 20, 20, ""],
        ["生态效益指标", "农村生活污水治理率", "≥40%", "42%", 10, 10, ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", 10, 10, ""],
    ]
    return table(
        "农村人居环境整治奖补资金", funds,
        "实施农村户厕改造和生活污水治理，改善农村人居环境。",
        "完成农村户厕改造，生活污水治理率42%。",
        rows, 99.8,
    )


def layout() -> list[Row]:
    return [
        *farmland(),
        [""] * 9,
        [C("项目支出绩效自评表", 9)],
        [C("（2023年度）", 9)],
        *sanitation(),
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "（2023年度）"), sheet="项目自评")
