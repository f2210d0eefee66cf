"""Builds document.pdf: the 湖南 项目绩效目标表 form of 宁乡市坝塘镇 (published as a PDF/Word file), with a
project of our own, long-term and annual indicator tables one after the other.
Run: .venv/bin/python make.py (from this folder). Needs WeasyPrint and a CJK font (Noto CJK)."""

from pathlib import Path

from weasyprint import HTML

HERE = Path(__file__).resolve().parent

LONG = (
    ("产出指标", "数量指标", "新建污水主管网长度", "6.5公里"),
    ("", "质量指标", "管网工程验收合格率", "100%"),
    ("", "时效指标", "项目完工时间", "2022年12月底前"),
    ("", "成本指标", "管网铺设单位成本", "≤130万元/公里"),
    ("", "…", "", ""),
    ("效益指标", "社会效益指标", "集镇生活污水收集率", "≥90%"),
    ("", "生态效益指标", "集镇内河水质", "明显改善"),
    ("", "可持续影响指标", "管网设计使用年限", "≥30年"),
    ("", "社会公众或服务对象满意度指标", "集镇居民满意度", "≥90%"),
)
YEAR = (
    ("产出指标", "数量指标", "新建污水主管网长度", "3.2公里"),
    ("", "质量指标", "管网工程验收合格率", "100%"),
    ("", "时效指标", "项目完工时间", "2021年12月底前"),
    ("", "成本指标", "管网铺设单位成本", "≤130万元/公里"),
    ("", "…", "", ""),
    ("效益指标", "社会效益指标", "集镇生活污水收集率", "≥75%"),
    ("", "生态效益指标", "集镇内河水质", "有所改善"),
    ("", "可持续影响指标", "管网设计使用年限", "≥30年"),
    ("", "社会公众或服务对象满意度指标", "集镇居民满意度", "≥85%"),
)


def block(title, rows):
    out = [
        '<tr><td rowspan="%d" class="side">%s</td><td>一级指标</td><td>二级指标</td><td>指标内容</td><td>指标值</td><td>备注</td></tr>'
        % (len(rows) + 1, title)
    ]
    spans = {"产出指标": 5, "效益指标": 4}
    for l1, l2, name, val in rows:
        first = '<td rowspan="%d">%s</td>' % (spans[l1], l1) if l1 else ""
        out.append("<tr>%s<td>%s</td><td>%s</td><td>%s</td><td></td></tr>" % (first, l2, name, val))
    return "\n".join(out)


def build():
    html = (
        """<html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10pt; }
h1 { text-align: center; font-size: 15pt; margin: 0; } .c { text-align: center; }
table { border-collapse: collapse; width: 100%; } td { border: 0.6pt solid #000; padding: 2pt 3pt; }
td.side { width: 14mm; }
</style></head><body>
<h1>项目绩效目标表</h1><p class="c">(2021年度)</p>
<p>填报单位(盖章):宁乡市坝塘镇人民政府</p>
<table>
<tr><td colspan="2">项目名称</td><td colspan="4">集镇雨污分流管网改造</td></tr>
<tr><td colspan="2">项目属性</td><td colspan="4">新增项目□ 延续项目√</td></tr>
<tr><td colspan="2">主管部门</td><td>坝塘镇</td><td>主管部门编码</td><td colspan="2"></td></tr>
<tr><td colspan="2">项目单位</td><td>坝塘镇</td><td>项目负责人</td><td>刘强</td><td>联系电话</td></tr>
<tr><td colspan="2">项目起止时间</td><td colspan="4">2021-2022</td></tr>
<tr><td colspan="2">年度资金总额及构成</td><td colspan="4">总额860.5万元<br/>一、财政拨款:620.5万元(其中:上级财政资金:500万元;本级财政:120.5万元)<br/>二、自有资金:0万元<br/>三、其他:240万元</td></tr>
<tr><td colspan="2">项目概况</td><td colspan="4">对集镇老街及新区主干道实施雨污分流改造,新建污水主管网并接入镇污水处理站</td></tr>
<tr><td rowspan="3">项目立项情况</td><td>项目立项的依据</td><td colspan="4">宁乡市乡镇污水治理三年行动方案</td></tr>
<tr><td>项目申报的可行性</td><td colspan="4">已完成管网勘察和初步设计</td></tr>
<tr><td>项目申报的必要性</td><td colspan="4">集镇雨污合流,汛期污水外溢,影响内河水质</td></tr>
<tr><td rowspan="3">项目实施进度计划</td><td colspan="3">项目实施内容</td><td>开始时间</td><td>完成时间</td></tr>
<tr><td colspan="3">1 管网勘察设计</td><td>2021</td><td>2021</td></tr>
<tr><td colspan="3">2、主管网铺设</td><td>2021</td><td>2022</td></tr>
<tr><td rowspan="2">项目绩效目标</td><td colspan="2">长期目标</td><td colspan="3">年度目标</td></tr>
<tr><td colspan="2">集镇实现雨污分流,生活污水收集率达到90%以上</td><td colspan="3">完成主管网铺设3.2公里,生活污水收集率达到75%</td></tr>
"""
        + block("长期绩效指标", LONG)
        + "\n"
        + block("年度绩效指标", YEAR)
        + """
</table>
<p>填报人:            联系电话:            填报日期:</p>
</body></html>"""
    )
    HTML(string=html).write_pdf(HERE / "document.pdf")


if __name__ == "__main__":
    build()
