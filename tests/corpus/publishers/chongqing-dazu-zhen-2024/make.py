# ruff: noqa: E501  (the form's own long lines of Chinese text)
"""A district portal's 部门预算 page with a 项目支出绩效目标表 in it (HTML, UTF-8).

Stands for the pages 重庆市大足区 towns publish their budgets on (政务公开 > 预算/决算 > 街镇预决算):
the site's header, navigation and scripts; a metadata table (``[ 索引号 ]``, ``[ 发布机构 ]``…, itself
a ``<table>``); the 部门预算情况说明 in prose; a 收支预算总表 (a funds table); then the title line
and the target table inside the article's layout table (a table nested in a table), with
``rowspan``/``colspan``, ``<br>`` inside cells, ``&ge;``/``&nbsp;`` entities and ``<p>`` in cells; the
site footer (``扫一扫在手机打开当前页``) last. The page's frame is the portal's; the target table is
our rebuild of the 年度 form (项目资金（万元） 年度资金总额 / 其中：财政拨款 / 其他资金, 年度总体目标,
一级/二级/三级/指标值 with the value over two columns) — not checked against that page's own
table. Names, texts and values are our own.

Run: ``.venv/bin/python tests/corpus/publishers/chongqing-dazu-zhen-2024/make.py``
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

TREE = [
    ("产出指标", "数量指标", "高标准农田管护面积", "&ge;3200亩"),
    ("产出指标", "数量指标", "开展农技培训", "&ge;12期"),
    ("产出指标", "质量指标", "管护设施完好率", "&ge;95%"),
    ("产出指标", "时效指标", "资金拨付及时率", "=100%"),
    ("产出指标", "成本指标", "亩均管护成本", "&le;180元/亩"),
    ("效益指标", "经济效益指标", "带动农户增收", "&ge;150万元"),
    ("效益指标", "社会效益指标", "受益农户", "&ge;1100户"),
    ("满意度指标", "服务对象满意度指标", "受益农户满意度", "&ge;90%"),
]


def target_table() -> str:
    rows = [
        '<tr><td>项目名称</td><td colspan="5">高标准农田设施管护及农技服务</td></tr>',
        '<tr><td>项目主管部门</td><td colspan="2">重庆市大足区示范镇人民政府</td>'
        '<td>项目实施单位</td><td colspan="2">重庆市大足区示范镇农业服务中心</td></tr>',
        '<tr><td rowspan="3">项目资金<br>（万元）</td><td>年度资金总额</td><td colspan="4">185.00</td></tr>',
        '<tr><td>其中：财政拨款</td><td colspan="4">185.00</td></tr>',
        '<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;其他资金</td><td colspan="4">0.00</td></tr>',
        '<tr><td>年度总体目标</td><td colspan="5"><p>1.完成全镇3200亩高标准农田设施日常管护；</p>'
        "<p>2.开展农技培训12期，带动农户增收。</p></td></tr>",
        f'<tr><td rowspan="{len(TREE) + 1}">绩<br>效<br>指<br>标</td><td>一级指标</td><td>二级指标</td>'
        '<td>三级指标</td><td colspan="2">指标值</td></tr>',
    ]
    for i, (level1, level2, name, value) in enumerate(TREE):
        cells = ""
        if i == 0 or TREE[i - 1][0] != level1:
            cells += f'<td rowspan="{sum(1 for r in TREE if r[0] == level1)}">{level1}</td>'
        if i == 0 or TREE[i - 1][1] != level2:
            cells += f'<td rowspan="{sum(1 for r in TREE if r[1] == level2)}">{level2}</td>'
        rows.append(f'<tr>{cells}<td>{name}</td><td colspan="2">{value}</td></tr>')
    body = "\n".join(rows)
    return f'<table border="1" cellspacing="0" cellpadding="0" style="width:600px" class="MsoNormalTable">\n<tbody>\n{body}\n</tbody>\n</table>'


PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="重庆市大足区人民政府">
<meta name="ArticleTitle" content="重庆市大足区示范镇人民政府2024年部门预算情况说明">
<title>重庆市大足区示范镇人民政府2024年部门预算情况说明_重庆市大足区人民政府</title>
<link rel="stylesheet" href="/images/common.css">
<style>.zwxl-table td{padding:4px 8px}.TRS_Editor p{text-indent:2em}</style>
<script src="/images/jquery.min.js"></script>
<script>var pageTitle = "<table><tr><td>项目名称</td></tr></table>";</script>
</head>
<body>
<div class="top"><a href="/">中国政府网</a> | <a href="/">重庆市人民政府网</a> | 无障碍 | 敬老版 | 登录 | 注册</div>
<ul class="nav"><li>首页</li><li>走进大足</li><li>政务公开</li><li>政务服务</li><li>政民互动</li></ul>
<div class="crumb">您当前的位置: 首页&gt;政务公开&gt;法定主动公开内容&gt;预算/决算&gt;街镇预决算&gt;示范镇&gt; 预算</div>
<table class="zwxl-table">
<tr><td>[ 索引号 ]</td><td>11500111000000000X/2024-00007</td><td>[ 发文字号 ]</td><td></td></tr>
<tr><td>[ 主题分类 ]</td><td>财政</td><td>[ 体裁分类 ]</td><td>财政预算、决算</td></tr>
<tr><td>[ 发布机构 ]</td><td>大足区示范镇</td><td>[ 发布日期 ]</td><td>2024-03-06</td></tr>
</table>
<h1 class="zwxl-title">重庆市大足区示范镇人民政府2024年部门预算情况说明</h1>
<div class="TRS_Editor">
<p>一、单位基本情况</p>
<p>（一）职能职责。示范镇党委和人民政府设综合办事机构8个，负责全镇经济发展、社会事务和农业农村工作。</p>
<p>二、部门预算收支情况说明</p>
<p>2024年部门收支总预算2,860.45万元，详见下表。</p>
<p style="text-align:center">收支预算总表</p>
<p style="text-align:right">单位：万元</p>
<table border="1" cellspacing="0">
<tr><td colspan="2">收入</td><td colspan="2">支出</td></tr>
<tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>
<tr><td>一般公共预算拨款收入</td><td>2,860.45</td><td>农林水支出</td><td>1,120.30</td></tr>
<tr><td>政府性基金预算拨款收入</td><td>0.00</td><td>一般公共服务支出</td><td>1,740.15</td></tr>
<tr><td>收入总计</td><td>2,860.45</td><td>支出总计</td><td>2,860.45</td></tr>
</table>
<p>三、项目支出绩效目标情况</p>
<p>2024年本单位对重点项目设置了绩效目标，具体如下：</p>
<table width="100%"><tr><td>
<p style="text-align:center"><strong>2024年项目支出绩效目标表</strong></p>
{target}
</td></tr></table>
<p>四、名词解释</p>
<p>财政拨款收入：指区级财政当年拨付的资金。</p>
</div>
<div class="footer">
<p>主办：重庆市大足区人民政府办公室 &nbsp;&nbsp; 网站标识码：5001110000</p>
<p>扫一扫在手机打开当前页</p>
</div>
<script>document.write('<table><tr><td>一级指标</td></tr></table>');</script>
</body>
</html>
"""

if __name__ == "__main__":
    (HERE / "document.html").write_text(PAGE.replace("{target}", target_table()), encoding="utf-8")
