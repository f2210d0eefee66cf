"""Builds document.html: an 安徽 '指标1：' 项目支出绩效自评表 of a 芜湖市繁昌区 department on a web page.

Stands for the 安徽 form of the 项目支出绩效自评表 (each 三级指标 numbered '指标1：', '指标2：' with the unused
numbered rows left empty) published as an HTML table rather than as text: rowspans over the 一级 and 二级
cells, empty '指标2：' rows inside them. No stored page held a 繁昌区 table; rows and figures are ours.
Composed contradiction: the 执行率 (94%) and the budget score (9.4) do not follow the amounts (42.00 of
50.00 is 84%).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout9/anhui-wuhu-fanchang-chengguan-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

UNIT = "芜湖市繁昌区城市管理局"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("城区环卫保洁作业经费", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("芜湖市繁昌区环境卫生管理所", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "50.00", "50.00", "42.00", "10", "94%", "9.4"],
        ["其中：当年财政拨款", "50.00", "50.00", "42.00", "—", "—", "—"],
        ["上年结转资金", "", "", "", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C("完成城区道路清扫保洁和垃圾清运，保持城区市容环境整洁。", 4), C("城区道路清扫保洁265万平方米，垃圾日产日清。", 4)],
        [C("绩效指标", rs=10), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=6), C("数量指标", rs=2), "指标1：城区道路清扫保洁面积", "≥260万平方米", "265万平方米", "20", "20", ""],
        ["指标2：", "", "", "", "", ""],
        [C("质量指标", rs=2), "指标1：道路保洁质量达标率", "≥95%", "96%", "15", "15", ""],
        ["指标2：", "", "", "", "", ""],
        [C("时效指标", rs=2), "指标1：垃圾清运日产日清率", "100%", "98%", "15", "14.7", "节假日垃圾量激增，已增加清运车次"],
        ["指标2：", "", "", "", "", ""],
        [C("效益指标", rs=2), "社会效益指标", "指标1：城市市容环境", "明显改善", "达成年度指标", "20", "20", ""],
        ["可持续影响指标", "指标1：环卫作业长效机制", "长期", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "指标1：市民满意度", "≥90%", "91%", "10", "10", ""],
        [C("总分", 6), "100", "99.1", ""],
    ]


def main() -> None:
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{UNIT}2022年度项目支出绩效自评表</title></head>
<body>
<h2>{UNIT}2022年度项目支出绩效自评情况</h2>
<p>发布时间：2023-07-20　来源：{UNIT}</p>
<div class="TRS_Editor">
<p align="center"><strong>项目支出绩效自评表</strong></p>
<p align="center">（2022年度）</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%">
{table_html(layout())}
</table>
</div>
</body></html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
