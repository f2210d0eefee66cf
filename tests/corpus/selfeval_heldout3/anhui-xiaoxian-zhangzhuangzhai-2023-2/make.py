"""Builds document.xlsx: the 安徽 衔接资金 绩效目标自评表 of a 萧县 town as the Excel attachment it publishes.

Stands for the form 萧县张庄寨镇人民政府 published for 2023 (see ../anhui-xiaoxian-zhangzhuangzhai-2023 for
the same form as page text): 全年预算数(A) / 全年执行数(B) / 分值 / 执行率(B/A) / 得分 with no 年初预算数, 分值
before 年度指标值, 一级 merged down with its group weight in the label, ★ core indicators followed by
'其中…' breakdown rows without 分值 or 得分. Project, texts and figures are our own.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout3/anhui-xiaoxian-zhangzhuangzhai-2023-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "对26户脱贫户、监测户发展特色种养业给予奖补,巩固脱贫成果"
DONE = "完成26户特色种养业奖补,其中1户种植作物因春季低温部分未成活"


def layout() -> list[list[C | str]]:
    return [
        ["项目名称", C("朱楼村特色种养补贴到户项目", 3), C("项目负责人及电话", 2), C("赵静0557-5788021", 3)],
        ["主管部门", C("县农业农村局", 3), C("实施单位", 2), C("张庄寨镇人民政府", 3)],
        [C("资金情况 (万元)", rs=4), C("", 2), "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", C("得分", 2)],
        [C("年度资金总额:", 2), "5.6", "5.6", "10", "100%", C("10", 2)],
        [C("其中:本年财政拨款", 2), "5.6", "5.6", "10", "100%", C("10", 2)],
        [C("其他资金", 2), "-", "-", "", "", C("", 2)],
        [C("年度总体目标", rs=2), C("年初设定目标", 4), C("年度总体目标完成情况综述", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [
            C("绩效指标", rs=10),
            "一级指标",
            "二级指标",
            "三级指标",
            "分值",
            "年度指标值",
            "全年实际值",
            "得分",
            "未完成原因及拟采取的改进措施",
        ],
        [C("产出指标 (50分)", rs=6), C("数量指标", rs=4), "★补助各类瓜果蔬菜种植面积", "20", "18亩", "18亩", "20", ""],
        ["其中露天蔬菜", "", "15亩", "15亩", "", ""],
        ["其中大棚蔬菜", "", "3亩", "3亩", "", ""],
        ["★补助家畜家禽养殖数量", "20", "120只", "120只", "20", ""],
        [C("质量指标", rs=2), "种植作物成活率", "5", "95%", "90%", "4", ""],
        ["养殖家畜家禽成活率", "5", "95%", "96%", "5", ""],
        [C("效益指标 (30分)", rs=2), "经济效益指标", "特色产业带动增加受益农户收入(总收入)", "20", "≥7万元", "7.4万元", "20", ""],
        ["社会效益指标", "受益人口数量", "10", "65人", "65人", "10", ""],
        ["满意度指标 (10分)", "服务对象满意度指标", "受益脱贫户满意度", "10", "≥95%", "97%", "10", ""],
        [C("总分", 4), "100", "", "", "99", ""],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("绩效目标自评表", "(2023年度)"))
