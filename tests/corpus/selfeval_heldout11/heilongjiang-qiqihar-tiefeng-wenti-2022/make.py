"""Builds document.docx: a 项目支出绩效自评表 of 齐齐哈尔市铁锋区文体广电和旅游局 in Word.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 黑龙江 district unit publishes it in
Word, one table under a title paragraph, a 填报单位 line below. No stored page held a 铁锋区 table; rows and
figures are ours. The table agrees with itself (rows add up to the 总分), but not with the rules, composed
after kinds issue 12 reports: a row short of its target (1800 of ≥2000 小时) given full marks with no reason,
and so every indicator at full marks.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout11/heilongjiang-qiqihar-tiefeng-wenti-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

UNIT = "齐齐哈尔市铁锋区文体广电和旅游局"
GOAL = "维护全民健身路径85处以上，公共体育场馆全年开放2000小时以上，提高群众健身参与率。"
DONE = "全年维护健身路径88处，公共体育场馆开放1800小时，群众健身参与率42%。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("全民健身设施维护补助", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("齐齐哈尔市铁锋区全民健身服务中心", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "120.00", "120.00", "117.60", "10", "98%", "9.8"],
        ["其中：当年财政拨款", "120.00", "120.00", "117.60", "—", "—", "—"],
        ["上年结转资金", "", "", "", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=2), "维护健身路径数量", "≥85处", "88处", "20", "20", ""],
        ["公共体育场馆开放时长", "≥2000小时", "1800小时", "15", "15", ""],
        ["质量指标", "健身器材维护合格率", "≥95%", "97%", "15", "15", ""],
        ["时效指标", "维护任务完成及时率", "100%", "100%", "10", "10", ""],
        ["效益指标", "社会效益指标", "群众健身参与率", "≥40%", "42%", "20", "20", ""],
        ["满意度指标", "服务对象满意度指标", "健身群众满意度", "≥90%", "94%", "10", "10", ""],
        [C("总分", 6), "100", "99.8", ""],
    ]


if __name__ == "__main__":
    blocks: list[tuple[str, object]] = [
        ("h", "项目支出绩效自评表"),
        ("p", "（2022年度）"),
        ("table", layout()),
        ("p", "填报单位（盖章）：" + UNIT + "　　填报日期：2023年4月"),
    ]
    write_docx(blocks, HERE / "document.docx")
