"""Builds document.docx: a 项目支出绩效自评表 of 龙岩市新罗区文化体育和旅游局 in Word, with a footnote.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 福建 district unit publishes it in
Word: the funds with a 上年结转资金 row that has amounts, the table followed by a '注：' paragraph that states
the weight of each 一级指标. No stored page held a 新罗区 table; rows and figures are ours. Composed
contradiction (of the kind issue 12 reports from a real table): the footnote sets 产出 50 and 效益 30, the
table's rows give 产出 40 and 效益 40 (all weights still add to 100).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout11/fujian-longyan-xinluo-wenlv-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

UNIT = "龙岩市新罗区文化体育和旅游局"
GOAL = "开展送戏下乡120场以上，公共文化场馆免费开放，推进乡镇综合文化站达标建设。"
DONE = "全年送戏下乡126场，场馆免费开放306天，群众文化活动参与15.8万人次。"
NOTE = "注：一级指标分值按预算执行率10分、产出指标50分、效益指标30分、满意度指标10分设置。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("公共文化服务体系建设补助资金", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C(UNIT, 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "210.00", "230.00", "225.40", "10", "98%", "9.8"],
        ["其中：当年财政拨款", "180.00", "200.00", "195.40", "—", "—", "—"],
        ["上年结转资金", "30.00", "30.00", "30.00", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=2), "送戏下乡场次", "≥120场", "126场", "15", "15", ""],
        ["公共文化场馆免费开放天数", "≥300天", "306天", "10", "10", ""],
        ["质量指标", "乡镇综合文化站达标率", "≥95%", "85.5%", "10", "9", "两个文化站场地改造未完成，下年完成达标验收"],
        ["时效指标", "文化活动开展及时率", "100%", "100%", "5", "5", ""],
        [C("效益指标", rs=2), "社会效益指标", "群众文化活动参与人次", "≥15万人次", "15.8万人次", "20", "20", ""],
        ["可持续影响指标", "公共文化服务均等化水平", "稳步提升", "达成年度指标", "20", "20", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
        [C("总分", 6), "100", "98.8", ""],
    ]


if __name__ == "__main__":
    blocks: list[tuple[str, object]] = [
        ("h", "项目支出绩效自评表"),
        ("p", "（2022年度）"),
        ("table", layout()),
        ("p", NOTE),
        ("p", "填报单位：龙岩市新罗区文化体育和旅游局"),
    ]
    write_docx(blocks, HERE / "document.docx")
