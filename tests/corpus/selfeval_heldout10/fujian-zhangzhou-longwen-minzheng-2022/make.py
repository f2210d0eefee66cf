"""Builds document.docx: a 项目支出绩效自评表 of a 漳州市龙文区 department in Word, as two Word tables.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 福建 district unit sets it in Word:
the head, fund block and 年度总体目标 in one Word table, and the indicator block with 总分 in a second
table after an empty paragraph (the form broken where the page broke), a 填报 line under it. No stored page
held a 龙文区 table; rows and figures are ours. The table agrees with itself; every indicator is at full
marks (a practice finding, composed).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout10/fujian-zhangzhou-longwen-minzheng-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

UNIT = "漳州市龙文区民政局"
GOAL = "按季足额发放80周岁以上老年人高龄津贴，保障高龄老年人基本生活。"
DONE = "全年为3265名高龄老年人按季发放高龄津贴，无错发漏发。"


def head() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("高龄老年人津贴", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C(UNIT, 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "96.00", "96.00", "96.00", "10", "100%", "10"],
        ["其中：当年财政拨款", "96.00", "96.00", "96.00", "—", "—", "—"],
        ["上年结转资金", "", "", "", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
    ]


def indicators() -> list[list[C | str]]:
    return [
        [C("绩效指标", rs=7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=3), "数量指标", "发放高龄津贴人数", "≥3200人", "3265人", "20", "20", ""],
        ["质量指标", "津贴发放准确率", "100%", "100%", "20", "20", ""],
        ["时效指标", "津贴按季发放及时率", "100%", "100%", "10", "10", ""],
        [C("效益指标", rs=2), "社会效益指标", "高龄老年人生活保障水平", "有效提升", "达成年度指标", "20", "20", ""],
        ["可持续影响指标", "敬老爱老社会氛围", "持续", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "高龄老年人满意度", "≥95%", "97%", "10", "10", ""],
        [C("总分", 6), "100", "100", ""],
    ]


if __name__ == "__main__":
    write_docx(
        [
            ("h", "项目支出绩效自评表"),
            ("p", "（2022年度）"),
            ("table", head()),
            ("p", ""),
            ("table", indicators()),
            ("p", "填报单位：漳州市龙文区民政局　　填报人：　　联系电话：　　填报日期：2023年5月"),
        ],
        HERE / "document.docx",
    )
