"""Builds document.html: a 项目支出绩效自评表 of a 开封市祥符区 department as Word saves it as a web page.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) written in Word and published through
"另存为网页": every cell text wrapped in ``<p class=MsoNormal><span …>``, some labels split over two spans,
numbers in ``<span lang=EN-US>``, empty cells holding ``&nbsp;``, and the title in Word's paragraph styles.
No stored page held a 祥符区 table; rows and figures are ours. Composed contradiction (of the kind issue 12
reports from real tables): the 总分 (96.5) is two points under the sum of its own rows (98.5).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout10/henan-kaifeng-xiangfu-jiaoyu-2022/make.py``
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, place  # noqa: E402

UNIT = "开封市祥符区教育体育局"
GOAL = "改造农村薄弱学校校舍12000平方米以上，消除校舍安全隐患，改善农村学校办学条件。"
DONE = "完成8所农村学校校舍改造12400平方米，全部通过竣工验收。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("农村薄弱学校校舍改造项目", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("开封市祥符区教育体育局", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1250.00", "1250.00", "1187.50", "10", "95%", "9.5"],
        ["其中：当年财政拨款", "1250.00", "1250.00", "1187.50", "—", "—", "—"],
        ["上年结转资金", "", "", "", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), "数量指标", "改造农村学校校舍面积", "≥12000平方米", "12400平方米", "20", "20", ""],
        ["质量指标", "工程竣工验收合格率", "100%", "100%", "15", "15", ""],
        ["时效指标", "项目按期完工率", "100%", "90%", "10", "9", "两所学校因雨季施工延期，已于次年3月完工"],
        ["成本指标", "每平方米改造成本", "≤1000元", "985元", "5", "5", ""],
        [C("效益指标", rs=2), "社会效益指标", "农村学校办学条件", "明显改善", "达成年度指标", "20", "20", ""],
        ["可持续影响指标", "校舍安全隐患消除", "长期", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "94%", "10", "10", ""],
        [C("总分", 6), "100", "96.5", ""],
    ]


SPLIT = {"年度资金总额": ("年度资金", "总额"), "偏差原因分析及改进措施": ("偏差原因分析", "及改进措施")}
NUMBER = re.compile(r"^[\d.%≥≤]+")


def word_cell(text: str) -> str:
    """A cell's text as Word's web page writes it: a MsoNormal paragraph of spans."""
    if not text:
        return "<p class=MsoNormal align=center><span lang=EN-US>&nbsp;</span></p>"
    parts = SPLIT.get(text, (text,))
    spans = []
    for part in parts:
        number = NUMBER.match(part)
        if number and number.group() != part:
            spans.append(f"<span lang=EN-US style='font-size:10.5pt'>{html.escape(number.group())}</span>")
            part = part[number.end() :]
        elif number:
            spans.append(f"<span lang=EN-US style='font-size:10.5pt'>{html.escape(part)}</span>")
            continue
        spans.append(f"<span style='font-size:10.5pt;font-family:仿宋'>{html.escape(part)}</span>")
    return "<p class=MsoNormal align=center style='text-align:center'>" + "".join(spans) + "</p>"


def table() -> str:
    _, placed = place(layout())
    rows: dict[int, list[C]] = {}
    for r, _, cell in placed:
        rows.setdefault(r, []).append(cell)
    out = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>"]
    for r in sorted(rows):
        out.append(f" <tr style='mso-yfti-irow:{r};height:20.0pt'>")
        for cell in rows[r]:
            span = (f" colspan={cell.cs}" if cell.cs > 1 else "") + (f" rowspan={cell.rs}" if cell.rs > 1 else "")
            out.append(f"  <td{span} valign=middle style='border:solid windowtext 1.0pt'>\n  {word_cell(str(cell.text))}\n  </td>")
        out.append(" </tr>")
    out.append("</table>")
    return "\n".join(out)


def main() -> None:
    page = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 15">
<title>{UNIT}2022年度项目支出绩效自评表</title>
<style>p.MsoNormal{{margin:0cm;text-align:justify;font-size:10.5pt}}</style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:16.0pt;font-family:方正小标宋简体'>项目支出绩效自评表</span></b></p>
<p class=MsoNormal align=center style='text-align:center'><span style='font-family:楷体'>（</span><span lang=EN-US>2022</span><span style='font-family:楷体'>年度）</span></p>
{table()}
<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>
</div>
</body></html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
