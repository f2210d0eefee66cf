"""Builds document.html: a 项目支出绩效自评表 of a 延吉市 department as a web page with an HTML table.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 吉林 county-level unit could post it:
the 偏差原因分析及改进措施 column stands between 实际完成值 and 分值 (not at the right edge), there is no
总分 row — the total and the grade are printed only in the 自评结论 row's sentence. No stored page held a
延吉市 table; rows and figures are ours. The table agrees with itself: one shortfall, with its reason.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout8/jilin-yanbian-yanji-minzheng-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

GOAL = "对城乡低保对象开展动态核查，按月足额发放低保金，保障困难群众基本生活。"
DONE = "全年核查低保对象2436户，低保金按月足额发放。"
REASON = "部分入户走访不及时，下年增加走访频次"
CONCLUSION = "本项目2022年度自评得分99.17分，自评等级为优。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("城乡最低生活保障工作经费", 7)],
        [C("主管部门", 2), C("延吉市民政局", 3), "实施单位", C("延吉市社会救助服务中心", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "80.00", "80.00", "76.00", "10", "95%", "9.5"],
        ["其中：当年财政拨款", "80.00", "80.00", "76.00", "—", "95%", "—"],
        ["上年结转资金", "", "", "", "—", "", "—"],
        ["其他资金", "", "", "", "—", "", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施", "分值", "得分"],
        [C("产出指标", rs=3), "数量指标", "低保对象动态核查户数", "≥2400户", "2436户", "", "20", "20"],
        ["质量指标", "低保金发放准确率", "100%", "100%", "", "15", "15"],
        ["时效指标", "低保金按月发放及时率", "100%", "100%", "", "15", "15"],
        [C("效益指标", rs=2), "社会效益指标", "困难群众基本生活保障水平", "有效保障", "达成年度指标", "", "20", "20"],
        ["可持续影响指标", "社会救助制度长效运行", "长期", "达成年度指标", "", "10", "10"],
        ["满意度指标", "服务对象满意度指标", "低保对象满意度", "≥90%", "87%", REASON, "10", "9.67"],
        [C("自评结论", 2), C(CONCLUSION, 7)],
    ]


def main() -> None:
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>延吉市民政局2022年度项目支出绩效自评表</title></head>
<body>
<div class="main">
<h2>延吉市民政局2022年度项目支出绩效自评表</h2>
<p class="info">发布时间：2023-07-14　来源：延吉市民政局</p>
<div class="TRS_Editor">
<p align="center"><b>项目支出绩效自评表</b></p>
<p align="center">（2022年度）</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
{table_html(layout())}
</table>
</div>
</div>
</body></html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
