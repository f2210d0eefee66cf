"""Builds document.xlsx: a 长葛市人力资源和社会保障局 (河南) project target table as an Excel attachment.

Composed, with one element the corpus did not hold: the comparator stands in its own column headed
'运算符' in ASCII forms ('>=', '<=', '='; '定性' for a qualitative row), between 三级指标 and 指标值, and
the unit in a 计量单位 column after it; 指标值 holds numbers. Otherwise the ordinary 河南 县级 form: title,
'单位名称：… 单位：万元', 项目名称 / 主管部门 | 实施单位 / 项目资金 over three rows / 年度绩效目标. Texts and
figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout18/henan-changge-renshe-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "开展职业技能培训，落实就业创业补贴政策，促进城镇新增就业和重点群体稳定就业。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("就业创业及职业技能提升补贴项目", cs=5)],
    ["主管部门", C("长葛市人力资源和社会保障局", cs=2), "实施单位", C("长葛市公共就业服务中心", cs=2)],
    [C("项目资金", rs=3), "年度资金总额", C(450, cs=4)],
    ["其中：财政拨款", C(450, cs=4)],
    ["其他资金", C(0, cs=4)],
    ["年度绩效目标", C(GOAL, cs=5)],
    ["一级指标", "二级指标", "三级指标", "运算符", "指标值", "计量单位"],
    [C("产出指标", rs=5), C("数量指标", rs=2), "职业技能培训人数", ">=", 3000, "人"],
    ["新增城镇就业人数", ">=", 5200, "人"],
    ["质量指标", "培训后取证率", ">=", 80, "%"],
    ["时效指标", "补贴资金审核发放时间", "<=", 30, "工作日"],
    ["成本指标", "人均培训补贴标准", "<=", 1500, "元"],
    [C("效益指标", rs=2), C("社会效益指标", rs=2), "城镇调查失业率", "<=", 5.5, "%"],
    ["重点群体就业帮扶", "定性", "持续加强", ""],
    ["满意度指标", "服务对象满意度指标", "参训人员满意度", ">=", 90, "%"],
]
TITLE = ["2024年项目支出绩效目标表", "单位名称：长葛市人力资源和社会保障局                    单位：万元"]


def main() -> None:
    write_xlsx(LAYOUT, HERE / "document.xlsx", TITLE, sheet="Sheet1")


if __name__ == "__main__":
    main()
