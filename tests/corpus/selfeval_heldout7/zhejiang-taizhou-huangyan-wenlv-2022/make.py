"""Builds document.html: a 项目支出绩效自评表 of a 台州市黄岩区 department as the 政务公开 page shows it.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) pasted from Word into a CMS page: an article
with 索引号 / 发布机构 lines, a bordered <table> whose cells hold <p><span> runs, full-width brackets, a fund
block where 当年财政拨款 and 上年结转资金 add up to the total, one shortfall with its reason. No stored page
held a 黄岩区 table; rows and figures are ours. The contradiction is composed: the rows add up to
9.5 + 89.56 = 99.06, the 总分 is printed 99.60 (two digits swapped).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout7/zhejiang-taizhou-huangyan-wenlv-2022/make.py``
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

GOAL = "补助农村文化礼堂日常运行,常态化开展文体活动,丰富农村群众精神文化生活。"
DONE = "补助文化礼堂46个,全年开展活动860场,群众参与10.6万人次。"
SHORT = "上半年部分礼堂受疫情影响暂停活动;下年加强活动计划管理"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("农村文化礼堂运行补助", 8)],
        [C("主管部门", 2), C("台州市黄岩区文化和广电旅游体育局", 3), "实施单位", C("台州市黄岩区文化馆", 4)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", "150.00", "150.00", "142.50", "10", "95.00%", C("9.5", 2)],
        ["其中：当年财政拨款", "120.00", "120.00", "112.50", "—", "93.75%", C("—", 2)],
        ["上年结转资金", "30.00", "30.00", "30.00", "—", "100.00%", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标（50分）", rs=4), C("数量指标", rs=2), "补助文化礼堂数量", "≥45个", "46个", "20", "20", C("", 2)],
        ["文化礼堂开展活动场次", "≥900场", "860场", "10", "9.56", C(SHORT, 2)],
        ["质量指标", "礼堂星级评定达标率", "≥90%", "92%", "10", "10", C("", 2)],
        ["时效指标", "补助资金拨付及时率", "100%", "100%", "10", "10", C("", 2)],
        [C("效益指标（30分）", rs=2), "社会效益指标", "群众文化活动参与人次", "≥10万人次", "10.6万人次", "15", "15", C("", 2)],
        ["可持续影响指标", "农村文化阵地长效运行", "长效运行", "礼堂均有专人管理,活动常态开展", "15", "15", C("", 2)],
        ["满意度指标（10分）", "服务对象满意度指标", "村民满意度", "≥90%", "94%", "10", "10", C("", 2)],
        [C("总分", 6), "100", "99.60", C("", 2)],
    ]


def word_cells(rows: str) -> str:
    """Each cell's text in the <p><span> runs a Word table keeps when pasted into a CMS editor."""
    return re.sub(
        r"(<td[^>]*>)(.*?)(</td>)",
        lambda m: f'{m[1]}<p style="text-align:center"><span style="font-size:12px">{m[2]}</span></p>{m[3]}',
        rows,
        flags=re.S,
    )


def main() -> None:
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>台州市黄岩区文化和广电旅游体育局2022年度项目支出绩效自评结果</title></head>
<body>
<div class="article">
<h1>台州市黄岩区文化和广电旅游体育局2022年度项目支出绩效自评结果</h1>
<div class="meta">索引号:黄岩文广旅体-2023-0012 发布机构:台州市黄岩区文化和广电旅游体育局 发布日期:2023-08-21</div>
<div class="content">
<p style="text-align:center"><strong>项目支出绩效自评表</strong></p>
<p style="text-align:center">（2022年度）</p>
<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">
<tbody>
{word_cells(table_html(layout()))}
</tbody>
</table>
<p>填报人:陈静怡 审核人:林伟 联系电话:0576-00000000</p>
</div>
</div>
</body></html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
