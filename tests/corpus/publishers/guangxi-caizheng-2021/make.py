# ruff: noqa: E501  (the form's own long lines of Chinese text)
"""广西 财政支出绩效目标申报表 (2021年度): the form as an Excel-exported web page, and as xlsx, docx, PDF.

Stands for the 2021 budget form a 广西 unit published as a web page saved from Excel (``另存为网页``,
``sqb.files/sheet001.htm``, GB2312): the title, ``(2021年度)`` and ``填报单位:`` are rows of the table
itself; 主管部门编码 and 主管部门名称 apart; 项目起止时间 as ``YYYYMMDD 到 YYYYMMDD``; 项目资金申请(万元) with
资金总额 over six source rows (一般公共预算拨款 … 上年结余收入); narrative rows with ``(450字内)`` in their
labels; 长期目标 beside 年度目标; then one block 项目年度绩效目标衡量指标 whose columns are 一级指标 |
二级指标 | 分值 | 指标内容 | 指标值 | 评分细则 — the indicator's name stands in the 二级指标 column, the
一级 are 投入/过程/产出/效益 (the old four-part tree), and each row has a weight and a scoring rule.
Names, texts and values are our own.

Run: ``.venv/bin/python tests/corpus/publishers/guangxi-caizheng-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _build import C, table_html, write_docx, write_pdf, write_xlsx  # noqa: E402

# (一级, [(二级 = the indicator, 分值, 指标内容, 指标值, 评分细则)])
TREE = [
    ("投入指标", [
        ("资金到位率", 5, "资金到位率=实际到位资金/计划投入资金×100%", "=100%", "到位率100%得5分，每低5个百分点扣1分"),
        ("预算执行率", 10, "当年实际支出占预算的比例", "≥90%", "达到90%得10分，每低1个百分点扣1分"),
    ]),
    ("过程指标", [
        ("资金使用合规性", 10, "是否专款专用、专账核算", "专款专用", "有违规使用不得分"),
    ]),
    ("产出指标", [
        ("教师培训人次", 15, "全年组织乡村教师集中培训的人次", "≥480人次", "按完成比例得分"),
        ("培训考核合格率", 15, "参训教师考核合格的比例", "≥95%", "每低1个百分点扣1分"),
    ]),
    ("效益指标", [
        ("课堂教学能力", 25, "参训教师课堂教学能力变化", "明显提升", "根据听课评议结果评分"),
        ("参训教师满意度", 20, "问卷调查满意的比例", "≥90%", "每低1个百分点扣1分"),
    ]),
]  # fmt: skip

SOURCES = [
    ("一般公共预算拨款:", 96), ("政府性基金预算拨款:", 0), ("国有资本经营预算拨款:", 0),
    ("纳入财政专户管理的收入:", 0), ("未纳入财政专户管理的收入:", 0), ("上年结余收入:", 0),
]  # fmt: skip


def layout() -> list[list[C | str | int]]:
    rows: list[list[C | str | int]] = [
        [C("财政支出绩效目标申报表", 7)],
        [C("(2021年度)", 7)],
        [C("填报单位:示范市第三职业技术学校", 7)],
        ["项目名称", C("乡村教师教学能力提升培训", 3), "项目类型", C("专项业务类", 2)],
        ["主管部门编码", C("451213", 3), "主管部门名称", C("示范市教育局", 2)],
        ["项目实施单位", C("示范市第三职业技术学校", 2), "项目负责人", "黄志强", "联系电话", "0771-56××××××"],
        ["项目起止时间(如20190101)", C("20210101", 3), "到", C("20211231", 2)],
        [C("项目资金申请(万元)", rs=7), "资金总额:", C(96, 5)],
        *[[label, C(amount, 5)] for label, amount in SOURCES],
        ["单位职能概述(450字内)", C("承担全市中等职业教育和乡村教师继续教育培训任务。", 6)],
        ["项目概况(450字内)", C("分四期组织乡村中小学教师开展集中培训和跟岗研修。", 6)],
        [C("项目立项情况", rs=3), "项目立项的依据(450字内)", C("市教育局乡村教师支持计划年度任务。", 5)],
        ["项目申报的可行性(450字内)", C("学校具备培训场地、师资和往年组织经验。", 5)],
        ["项目申报的必要性(450字内)", C("乡村教师课堂教学能力仍需系统提升。", 5)],
        ["项目实施进度计划(450字内)", C("3月、5月、9月、11月各举办一期，每期5天。", 6)],
        [C("项目绩效目标", rs=2), C("长期目标(450字内)", 3), C("年度目标(450字内)", 3)],
        [C("建立乡村教师常态化培训机制，整体提升乡村学校教学质量。", 3),
         C("全年培训乡村教师480人次以上，考核合格率95%以上。", 3)],
    ]  # fmt: skip
    count = sum(len(items) for _, items in TREE)
    header = ["一级指标", "二级指标", "分值", "指标内容(150字内)", "指标值(150字内)", "评分细则(150字内)"]
    rows.append([C("项目年度绩效目标衡量指标", rs=count + 1), *header])
    for level1, items in TREE:
        for i, (name, weight, content, value, rule) in enumerate(items):
            row: list[C | str | int] = [C(level1, rs=len(items))] if i == 0 else []
            rows.append([*row, name, weight, content, value, rule])
    return rows


EXCEL_PAGE = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 11">
<link id=Main-File rel=Main-File href="../sqb.htm">
<link rel=File-List href=filelist.xml>
<link rel=Stylesheet href=stylesheet.css>
<style>
<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
.xl66 {mso-style-parent:style0; white-space:normal; border:.5pt solid windowtext;}
.xl67 {mso-style-parent:style0; text-align:center; white-space:normal; border:.5pt solid windowtext;}
-->
</style>
<![if !supportTabStrip]><script language="JavaScript">
<!--
function fnUpdateTabs()
 {
  if (parent.window.g_iIEVer>=4) {
   if (parent.document.readyState=="complete"
    && parent.frames['frTabs'].document.readyState=="complete")
   parent.fnSetActiveSheet(0);
  else
   window.setTimeout("fnUpdateTabs();",150);
 }
}
if (window.name!="frSheet")
 window.location.replace("../sqb.htm");
else
 fnUpdateTabs();
//-->
</script>
<![endif]>
</head>

<body link=blue vlink=purple class=xl65>

<table x:str border=0 cellpadding=0 cellspacing=0 width=960 style='border-collapse:
 collapse;table-layout:fixed;width:720pt'>
 <col class=xl65 width=120 style='mso-width-source:userset;width:90pt'>
 <col class=xl65 width=140 span=6 style='mso-width-source:userset;width:105pt'>
{rows}
 <![if supportMisalignedColumns]>
 <tr height=0 style='display:none'>
  <td width=120 style='width:90pt'></td>
  <td width=140 style='width:105pt'></td>
 </tr>
 <![endif]>
</table>

</body>

</html>
"""

if __name__ == "__main__":
    page = EXCEL_PAGE.replace("{rows}", table_html(layout(), excel_classes=True))
    (HERE / "document.html").write_bytes(page.encode("gbk"))
    write_xlsx(layout(), HERE / "document.xlsx")
    write_docx([("table", layout())], HERE / "document.docx")
    write_pdf(layout(), HERE / "document.pdf")
