"""Builds document.html: two 项目支出绩效自评表 of a 儋州市 town government on one web page.

Stands for a town's 自评结果公开 page holding each project's table as its own HTML <table>, one after the
other under '附件1' / '附件2' headings, in the central 财预〔2020〕10号 附件1 columns with 年度资金总额 followed
by '：' as some templates print it. No stored page held a 那大镇 table; rows and figures are ours. Both
defects are composed, after kinds issue 12 reports from real tables: in the first table an actual copies its
'≥' target; in the second the 年度资金总额 row is left at 0 / 0 / 0 and scored 0 while its 当年财政拨款 row
holds 24.00 / 24.00 / 23.52.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout8/hainan-danzhou-nada-zhen-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

UNIT = "儋州市那大镇人民政府"
HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
Row = list[C | str]


def table(project: str, total_row: Row, source_row: Row, goal: str, done: str, rows: list[Row], total: str) -> list[Row]:
    return [
        [C("项目名称", 2), C(project, 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C(UNIT, 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额：", *total_row],
        ["其中：当年财政拨款", *source_row, "—", "", "—"],
        ["上年结转资金", "", "", "", "—", "", "—"],
        ["其他资金", "", "", "", "—", "", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(goal, 4), C(done, 4)],
        [C("绩效指标", rs=len(rows) + 1), *HEAD],
        *rows,
        [C("总分", 6), "100", total, ""],
    ]


def sanitation() -> list[Row]:
    rows: list[Row] = [
        [C("产出指标", rs=4), "数量指标", "生活垃圾清运量", "≥5000吨", "5230吨", "20", "20", ""],
        ["质量指标", "村庄保洁覆盖率", "100%", "100%", "15", "15", ""],
        ["时效指标", "垃圾日产日清率", "≥95%", "≥95%", "15", "15", ""],
        ["成本指标", "保洁经费总成本", "≤35万元", "35万元", "10", "10", ""],
        ["效益指标", "社会效益指标", "村容村貌", "明显改善", "达成年度指标", "20", "20", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10", ""],
    ]
    return table(
        "乡村环境卫生整治经费",
        ["35.00", "35.00", "35.00", "10", "100%", "10"],
        ["35.00", "35.00", "35.00"],
        "完成全镇生活垃圾清运和村庄保洁，改善农村人居环境。",
        "全年清运生活垃圾5230吨，村庄保洁全覆盖。",
        rows,
        "100",
    )


def party() -> list[Row]:
    rows: list[Row] = [
        [C("产出指标", rs=2), "数量指标", "党员教育培训次数", "≥12次", "12次", "30", "30", ""],
        ["质量指标", "村级党组织活动覆盖率", "100%", "100%", "20", "20", ""],
        ["效益指标", "社会效益指标", "基层党组织凝聚力", "有效提升", "达成年度指标", "30", "30", ""],
        ["满意度指标", "服务对象满意度指标", "党员群众满意度", "≥90%", "95%", "10", "10", ""],
    ]
    return table(
        "基层党组织活动经费",
        ["0", "0", "0", "10", "0", "0"],
        ["24.00", "24.00", "23.52"],
        "保障村级党组织正常开展活动，加强党员教育管理。",
        "全年开展党员教育培训12次，各村党组织活动正常开展。",
        rows,
        "90",
    )


def main() -> None:
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{UNIT}2022年度项目支出绩效自评结果公开</title></head>
<body>
<div class="zw-title">{UNIT}2022年度项目支出绩效自评结果公开</div>
<div class="zw-info">发布日期：2023-08-30　浏览次数：</div>
<div class="zw-content">
<p>附件1</p>
<p style="text-align:center"><strong>项目支出绩效自评表</strong></p>
<p style="text-align:center">（2022年度）</p>
<table border="1" cellspacing="0" style="border-collapse:collapse">
{table_html(sanitation())}
</table>
<p>附件2</p>
<p style="text-align:center"><strong>项目支出绩效自评表</strong></p>
<p style="text-align:center">（2022年度）</p>
<table border="1" cellspacing="0" style="border-collapse:collapse">
{table_html(party())}
</table>
</div>
</body></html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
