"""Builds document.pdf: a 四会市市场监督管理局 (广东) target table, comparators typed full-width.

Composed from the ordinary 广东 项目支出绩效目标表 printed to PDF: title, '单位：万元'; 项目名称 / 主管部门 |
实施单位 / 项目资金 with 年度资金总额 | 其中：财政拨款 | 其他资金 / 年度绩效目标 / 一级 | 二级 | 三级 | 指标值.
The comparators are typed as two full-width characters ('＞＝', '＜＝') or one ('＝'), as a Chinese input
method in full-width mode writes them. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout17/guangdong-sihui-shijian-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "完成年度食品安全监督抽检和农贸市场快检任务，及时核查处置不合格食品，守住不发生重大食品安全事故底线。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("食品安全抽检监测经费", cs=5)],
    ["主管部门", C("四会市市场监督管理局", cs=2), "实施单位", C("四会市市场监督管理局", cs=2)],
    ["项目资金", "年度资金总额", "120", "其中：财政拨款", "120", "其他资金：0"],
    ["年度绩效目标", C(GOAL, cs=5)],
    ["一级指标", "二级指标", C("三级指标", cs=2), C("指标值", cs=2)],
    [C("产出指标", rs=5), "数量指标", C("食品安全监督抽检批次", cs=2), C("＞＝1200批次", cs=2)],
    ["数量指标", C("农贸市场食品快检数量", cs=2), C("＞＝6000批次", cs=2)],
    ["质量指标", C("抽检任务完成率", cs=2), C("＝100%", cs=2)],
    ["时效指标", C("不合格食品核查处置及时率", cs=2), C("＞＝95%", cs=2)],
    ["成本指标", C("每批次监督抽检平均费用", cs=2), C("＜＝800元", cs=2)],
    ["效益指标", "社会效益指标", C("重大食品安全事故发生数", cs=2), C("＝0起", cs=2)],
    ["满意度指标", "服务对象满意度指标", C("群众食品安全满意度", cs=2), C("＞＝85%", cs=2)],
]
TITLE = ["四会市市场监督管理局2024年项目支出绩效目标表", "单位：万元"]


def main() -> None:
    write_pdf(LAYOUT, HERE / "document.pdf", TITLE)


if __name__ == "__main__":
    main()
