"""Builds document.html: a 部门整体支出绩效自评表 of a 拉萨市城关区 department on a web page.

Stands for the 部门整体 self-evaluation as a district unit publishes it as one HTML <table>: 部门（单位）名称
in place of 项目名称, 年度主要任务 beside 年度履职目标, and a fund block whose total row is followed by two
groups of sources, '按收入性质分' (财政拨款 / 其他资金) and '按支出性质分' (基本支出 / 项目支出), each group
adding up to the total on its own. No stored page held a 城关区 table; rows and figures are ours. The table
agrees with itself.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout9/xizang-lasa-chengguan-weijian-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

UNIT = "拉萨市城关区卫生健康委员会"
TASKS = "做好辖区基本公共卫生服务、家庭医生签约、传染病防控和妇幼健康服务，保障委机关和所属单位正常运转。"
DONE = "完成基本公共卫生服务十二类项目，家庭医生签约2.6万人，传染病报告及时率100%。"


def layout() -> list[list[C | str]]:
    return [
        [C("部门（单位）名称", 2), C(UNIT, 7)],
        [C("年度预算资金（万元）", 2, 6), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1860.00", "1920.00", "1881.60", "10", "98%", "9.8"],
        ["按收入性质分：财政拨款", "1860.00", "1920.00", "1881.60", "—", "", "—"],
        ["其他资金", "", "", "", "—", "", "—"],
        ["按支出性质分：基本支出", "1200.00", "1210.00", "1210.00", "—", "", "—"],
        ["项目支出", "660.00", "710.00", "671.60", "—", "", "—"],
        [C("年度总体目标", 1, 2), C("年度主要任务", 4), C("年度履职目标完成情况", 4)],
        [C(TASKS, 4), C(DONE, 4)],
        [C("年度绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=2), "家庭医生签约服务人数", "≥2.5万人", "2.6万人", "15", "15", ""],
        ["免费孕前优生健康检查人数", "≥800人", "760人", "10", "9.5", "部分育龄群众外出务工未能参检，下年加强宣传动员"],
        ["质量指标", "传染病报告及时率", "100%", "100%", "15", "15", ""],
        ["时效指标", "公共卫生项目资金拨付及时率", "100%", "100%", "10", "10", ""],
        [C("效益指标", rs=2), "社会效益指标", "辖区居民健康素养水平", "≥25%", "26.3%", "20", "20", ""],
        ["可持续影响指标", "基层医疗卫生服务能力", "持续提升", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "辖区群众满意度", "≥90%", "92%", "10", "10", ""],
        [C("总分", 6), "100", "99.3", ""],
        [C("自评等级", 2), C("优", 7)],
    ]


def main() -> None:
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{UNIT}2022年度部门整体支出绩效自评表</title></head>
<body>
<div class="article-title">{UNIT}2022年度部门整体支出绩效自评结果</div>
<div class="article-meta">来源：{UNIT}　发布时间：2023-09-12</div>
<div class="article-body">
<p style="text-align:center"><b>部门整体支出绩效自评表</b></p>
<p style="text-align:center">（2022年度）</p>
<table border="1" cellspacing="0" cellpadding="2">
{table_html(layout())}
</table>
</div>
</body></html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
