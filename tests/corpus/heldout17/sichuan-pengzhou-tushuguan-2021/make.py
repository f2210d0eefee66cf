"""Builds document.html: a 彭州市图书馆 (四川) target table on a portal page, names with footnote marks.

Composed from the ordinary 四川 项目支出绩效目标表 published as an HTML `<table>`: 项目名称 / 主管部门 | 实施单位 /
项目资金（万元） with 年度资金总额 | 其中：财政拨款 | 其他资金 / 年度目标 / 一级 | 二级 | 三级 | 指标值. Three
indicator names end in a circled-number footnote mark set as `<sup>①</sup>`; the notes follow the table
as paragraphs ('注：①…'). Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout17/sichuan-pengzhou-tushuguan-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

MARKS = {"[1]": "①", "[2]": "②", "[3]": "③"}
GOAL = "保障图书馆免费开放，新增馆藏图书，建设乡镇分馆，推进总分馆制和全民阅读。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("公共图书馆免费开放及总分馆建设经费", cs=5)],
    ["主管部门", C("彭州市文化广播电视和旅游局", cs=2), "实施单位", C("彭州市图书馆", cs=2)],
    ["项目资金（万元）", "年度资金总额", "55.30", "其中：财政拨款", "55.30", "其他资金：0"],
    ["年度目标", C(GOAL, cs=5)],
    ["一级指标", "二级指标", C("三级指标", cs=2), C("指标值", cs=2)],
    [C("产出指标", rs=5), "数量指标", C("新增馆藏图书[1]", cs=2), C("≥1.2万册", cs=2)],
    ["数量指标", C("建设乡镇分馆", cs=2), C("≥4个", cs=2)],
    ["质量指标", C("每周免费开放时长[2]", cs=2), C("≥56小时", cs=2)],
    ["时效指标", C("图书采购完成时间", cs=2), C("2021年9月底前", cs=2)],
    ["成本指标", C("分馆建设平均投入", cs=2), C("≤6万元/个", cs=2)],
    ["效益指标", "社会效益指标", C("年接待读者人次", cs=2), C("≥25万人次", cs=2)],
    ["满意度指标", "服务对象满意度指标", C("读者满意度[3]", cs=2), C("≥90%", cs=2)],
]
NOTES = [
    "注：①含纸质图书和期刊合订本。",
    "②法定节假日闭馆时间除外。",
    "③以第三方问卷调查结果为准。",
]


def table() -> str:
    text = table_html(LAYOUT)
    for key, mark in MARKS.items():
        text = text.replace(key, f"<sup>{mark}</sup>")
    return text


def page() -> str:
    notes = "\n".join(f"<p>{line}</p>" for line in NOTES)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>彭州市图书馆2021年项目支出绩效目标</title></head>
<body>
<div class="location">当前位置：首页 &gt; 政务公开 &gt; 预决算公开</div>
<h1>彭州市图书馆2021年项目支出绩效目标</h1>
<div class="source">发布日期：2021-03-05　信息来源：彭州市图书馆</div>
<div class="content">
<p style="text-align:center"><strong>项目支出绩效目标表</strong></p>
<p style="text-align:center">（2021年度）</p>
<table border="1" cellspacing="0" cellpadding="3">
{table()}
</table>
{notes}
</div>
<div class="foot">彭州市人民政府办公室主办　蜀ICP备00000000号</div>
</body></html>
"""


def main() -> None:
    (HERE / "document.html").write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
