"""Builds document.html: a 北京市怀柔区图书馆 (北京) target table on a portal page as an HTML <table>.

HTML page (make.py) with one <table>: 项目资金（万元） merged over two rows, labels 年度资金总额 | 其中：财政资金 | 其他资金
on one row and the amounts on the next; header 一级 | 二级 | 三级 (two columns) | 指标值.
Composed for the heldout16 set: texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout16/beijing-huairou-tushuguan-2025/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

LAYOUT: list[list[C | str | int | float]] = [
    ['项目名称', C('公共阅读推广及数字资源建设项目', cs=4)],
    ['主管部门', '北京市怀柔区文化和旅游局', '实施单位', C('北京市怀柔区图书馆', cs=2)],
    [C('项目资金（万元）', rs=2), '年度资金总额', '其中：财政资金', C('其他资金', cs=2)],
    ['126.30', '126.30', C('0', cs=2)],
    ['年度绩效目标', C('开展全民阅读推广活动，补充数字资源，提升公共图书馆服务效能。', cs=4)],
    ['一级指标', '二级指标', C('三级指标', cs=2), '指标值'],
    [C('产出指标', rs=5), C('数量指标', rs=2), C('举办阅读推广活动场次', cs=2), '≥120场'],
    [C('采购数字资源数据库', cs=2), '≥6个'],
    ['质量指标', C('数字资源平台可用率', cs=2), '≥99%'],
    ['时效指标', C('数字资源采购完成时间', cs=2), '2025年6月30日前'],
    ['成本指标', C('数字资源采购成本', cs=2), '≤68万元'],
    [C('效益指标', rs=2), '社会效益指标', C('年接待读者人次', cs=2), '≥35万人次'],
    ['可持续影响指标', C('全民阅读氛围', cs=2), '持续提升'],
    ['满意度指标', '服务对象满意度指标', C('读者满意度', cs=2), '≥95%'],
]
TITLE = ['北京市怀柔区图书馆2025年项目支出绩效目标']


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_北京市怀柔区人民政府</title></head>
<body>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 财政信息 &gt; 部门预决算</div>
<h1 class="title">{title}</h1>
<div class="info">发布日期：2025-02-21 来源：北京市怀柔区图书馆</div>
<div class="content">
<p style="text-align:center">项目支出绩效目标表（2025年度）</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%">
{table}
</table>
</div>
<div class="foot">【打印】【关闭】</div>
</body></html>
"""


def main() -> None:
    page = PAGE.format(title=TITLE[0], table=table_html(LAYOUT))
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
