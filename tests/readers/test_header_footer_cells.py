"""Issue 11, header and footer cells never become indicators (documents of our own in the layouts of real
published pages):

1. an empty column group's sub-headers: ``采集数据项`` spanning two columns over ``数据项1 | 数据项2`` on
   the row under the header (a 吉林 专项经费 form, the group filled in during the year);
2. a portal's last line ``主办：某区人民政府  技术支持：某中心`` under a table copied from a page.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.readers.detect import read_any
from jixiao.readers.text import read_text

GROUP_HTML = """<html><body><div>乡镇综合文化站免费开放经费绩效目标表</div>
<table><tr><td>项目名称</td><td>乡镇综合文化站免费开放经费</td><td>预算年度</td><td>2020年</td></tr>
<tr><td>主管部门</td><td>某市文化广电和旅游局</td><td>实施单位</td><td>某市文化馆</td></tr>
<tr><td>预算资金(万元)</td><td>24.00</td><td>其中:本级财政</td><td>24.00</td></tr></table>
<table>
<tr><td rowspan=2>一级指标</td><td rowspan=2>二级指标</td><td rowspan=2>三级指标</td>
<td rowspan=2>计量单位</td><td rowspan=2>目标值</td><td colspan=2>{group}</td></tr>
<tr><td>{first}</td><td>{second}</td></tr>
<tr><td rowspan=2>产出指标</td><td>数量指标</td><td>免费开放文化站数</td><td>个</td><td>≥12</td>
<td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>质量指标</td><td>开放时长达标率</td><td>%</td><td>≥95%</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>%</td><td>≥90%</td>
<td>&nbsp;</td><td>&nbsp;</td></tr>
</table></body></html>"""


def _read(tmp_path: Path, group: str, first: str, second: str) -> list[str]:
    path = tmp_path / "culture.html"
    path.write_text(GROUP_HTML.format(group=group, first=first, second=second), encoding="utf-8")
    (table,), _ = read_any(path)
    return [i.name for i in table.indicators]


def test_an_empty_column_groups_sub_headers_are_no_indicators(tmp_path: Path) -> None:
    assert _read(tmp_path, "采集数据项", "数据项1", "数据项2") == [
        "免费开放文化站数",
        "开放时长达标率",
        "群众满意度",
    ]


def test_a_value_sub_header_is_still_read_as_the_value_columns(tmp_path: Path) -> None:
    # 指标值 over 2019年实际值 | 2020年目标值: a sub-header of known roles, kept for the value columns
    names = _read(tmp_path, "指标值", "2019年实际值", "2020年目标值")
    assert names == ["免费开放文化站数", "开放时长达标率", "群众满意度"]


PORTAL_PAGE = """当前位置：首页 > 信息公开 > 财政预决算
某区司法局2021年部门预算项目绩效目标表
项目名称    人民调解工作经费
主管部门    某区司法局    实施单位    某区人民调解中心
年度资金总额（万元）    18.5
一级指标    二级指标    三级指标    指标值
产出指标    数量指标    调解矛盾纠纷件数    ≥300件
满意度指标    服务对象满意度指标    当事人满意度    ≥90%

【打印本页】  【关闭窗口】
主办：某区人民政府  技术支持：某区融媒体中心
"""


def test_a_portal_footer_line_is_no_indicator() -> None:
    (table,), _ = read_text(PORTAL_PAGE, file="page.txt")
    assert [i.name for i in table.indicators] == ["调解矛盾纠纷件数", "当事人满意度"]
