"""Builds document.docx: two 项目支出绩效自评表 of a 宁德市蕉城区 department in one Word document.

Stands for a unit's 自评结果公开 attachment holding several projects' tables one after another, each under
a numbered paragraph ('一、家庭医生签约服务补助项目'), in the central 财预〔2020〕10号 附件1 columns, with every
weight and score written with '分' ('15分', '13.5分', '98.5分') and 执行率 as '96%'. No stored page held a
蕉城区 table; rows and figures are ours. The first table agrees with itself. The second is composed to
contradict itself: a count 1.31× its target scored 22分 of 20分 (no reason), so the 总分 101.6分 exceeds 100.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout8/fujian-ningde-jiaocheng-weijian-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

UNIT = "宁德市蕉城区卫生健康局"
IMPLEMENTER = "宁德市蕉城区基层卫生服务中心"
HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
Row = list[C | str]


def table(project: str, funds: Row, goal: str, done: str, rows: list[Row], total: str) -> list[Row]:
    return [
        [C("项目名称", 2), C(project, 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C(IMPLEMENTER, 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", *funds],
        ["其中：当年财政拨款", *funds[:3], "—", funds[4], "—"],
        ["上年结转资金", "", "", "", "—", "", "—"],
        ["其他资金", "", "", "", "—", "", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(goal, 4), C(done, 4)],
        [C("绩效指标", rs=len(rows) + 1), *HEAD],
        *rows,
        [C("总分", 6), "100分", total, ""],
    ]


def first() -> list[Row]:
    rows: list[Row] = [
        [C("产出指标", rs=4), "数量指标", "家庭医生签约服务人数", "≥4.5万人", "4.62万人", "15分", "15分", ""],
        ["质量指标", "重点人群签约服务覆盖率", "≥75%", "76.3%", "15分", "15分", ""],
        ["时效指标", "签约服务补助资金拨付及时率", "100%", "100%", "10分", "10分", ""],
        ["成本指标", "人均签约服务补助标准", "≤12元/人", "12元/人", "10分", "10分", ""],
        [C("效益指标", rs=2), "社会效益指标", "居民健康管理水平", "持续提升", "达成年度指标", "15分", "15分", ""],
        ["社会效益指标", "基层首诊就诊率", "≥60%", "54%", "15分", "13.5分", "部分居民仍习惯到上级医院就诊，下年加强签约服务宣传"],
        ["满意度指标", "服务对象满意度指标", "签约居民满意度", "≥90%", "93%", "10分", "10分", ""],
    ]
    return table(
        "家庭医生签约服务补助项目",
        ["60.00", "60.00", "60.00", "10分", "100%", "10分"],
        "为辖区居民提供家庭医生签约服务，重点人群签约覆盖率不低于75%。",
        "全年签约4.62万人，重点人群签约覆盖率76.3%。",
        rows,
        "98.5分",
    )


def second() -> list[Row]:
    rows: list[Row] = [
        [C("产出指标", rs=3), "数量指标", "孕产妇系统管理人数", "≥3000人", "3920人", "20分", "22分", ""],
        ["质量指标", "0-6岁儿童健康管理率", "≥90%", "92.1%", "15分", "15分", ""],
        ["时效指标", "项目资金拨付及时率", "100%", "100%", "15分", "15分", ""],
        [C("效益指标", rs=2), "社会效益指标", "妇幼健康知识知晓率", "≥80%", "85%", "15分", "15分", ""],
        ["可持续影响指标", "妇幼健康服务体系运行", "持续稳定", "达成年度指标", "15分", "15分", ""],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", "10分", "10分", ""],
    ]
    return table(
        "妇幼健康服务项目",
        ["45.00", "45.00", "43.20", "10分", "96%", "9.6分"],
        "做好孕产妇和儿童系统管理，提升妇幼健康服务水平。",
        "孕产妇系统管理3920人，0-6岁儿童健康管理率92.1%。",
        rows,
        "101.6分",
    )


if __name__ == "__main__":
    write_docx(
        [
            ("h", f"{UNIT}2023年度项目支出绩效自评结果"),
            ("p", "根据区财政局关于开展2023年度预算绩效自评工作的通知，现将我局项目支出绩效自评结果公开如下："),
            ("p", "一、家庭医生签约服务补助项目"),
            ("h", "项目支出绩效自评表"),
            ("p", "（2023年度）"),
            ("table", first()),
            ("p", "二、妇幼健康服务项目"),
            ("h", "项目支出绩效自评表"),
            ("p", "（2023年度）"),
            ("table", second()),
            ("p", f"{UNIT}　2024年6月"),
        ],
        HERE / "document.docx",
    )
