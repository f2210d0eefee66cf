"""Builds document.xlsx: a 孝义 (山西) 农业农村局's target table as a performance system exports it.

Stands for the export whose columns were seen in a stored 山西 system definition (see the set's README):
一级指标 | 二级指标 | 三级指标名称 | 计算符号 | 年度指标值 | 计量单位, the 一级 and 二级 written again on
every row (a tree flattened, no merges); the comparator written as WORDS in its own column (大于等于,
等于, 小于等于, 定性); numbers stored as numbers. Project rows above the header. Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout13/shanxi-xiaoyi-nongye-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

ROWS: list[tuple[str, str, str, str, str | int | float, str]] = [
    ("产出指标", "数量指标", "高标准农田建设面积", "大于等于", 1.2, "万亩"),
    ("产出指标", "数量指标", "农机购置补贴发放户数", "大于等于", 350, "户"),
    ("产出指标", "质量指标", "项目工程验收合格率", "等于", 100, "%"),
    ("产出指标", "时效指标", "补贴资金兑付及时率", "大于等于", 95, "%"),
    ("产出指标", "成本指标", "亩均建设成本", "小于等于", 1500, "元/亩"),
    ("效益指标", "经济效益指标", "项目区粮食亩均增产", "大于等于", 50, "公斤"),
    ("效益指标", "生态效益指标", "项目区化肥使用量", "定性", "有所下降", ""),
    ("满意度指标", "服务对象满意度指标", "受益农户满意度", "大于等于", 90, "%"),
]


def layout() -> list[list[C | str | int | float]]:
    rows: list[list[C | str | int | float]] = [
        ["项目名称", C("高标准农田建设及农机购置补贴项目", 3), "预算年度", 2021],
        ["主管部门", C("孝义市农业农村局", 3), "年度资金总额(万元)", 1856.3],
        ["实施单位", C("孝义市农业技术推广中心", 3), "其中:财政资金(万元)", 1856.3],
        ["年度绩效目标", C("新建高标准农田1.2万亩,落实农机购置补贴政策,提高粮食综合生产能力。", 5)],
        ["一级指标", "二级指标", "三级指标名称", "计算符号", "年度指标值", "计量单位"],
    ]
    rows.extend(list(row) for row in ROWS)
    return rows


def main() -> None:
    write_xlsx(layout(), HERE / "document.xlsx", ("2021年项目支出绩效目标",), sheet="绩效目标")


if __name__ == "__main__":
    main()
