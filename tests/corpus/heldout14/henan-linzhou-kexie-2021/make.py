"""Builds document.html: a 林州 (河南) county-level 科学技术协会's target table saved from Excel as a web page.

The ordinary 河南 项目支出绩效目标申报表 (2021) as a unit fills it in Excel and publishes it with
另存为网页: 项目名称 / 主管部门及代码 / 实施单位, 项目资金 (万元) merged down over 年度资金总额 / 其中：财政拨款 /
其他资金, 年度绩效目标, then 一级 | 二级 | 三级 | 指标值 with 一级 and 二级 merged down. Texts and figures are
ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout14/henan-linzhou-kexie-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

GOAL = "开展全民科学素质提升行动,举办科普宣传活动,建设社区科普e站,提高公民具备科学素质比例。"
LAYOUT: list[list[C | str | int | float]] = [
    [C("项目支出绩效目标申报表", cs=4)],
    [C("（2021年度）", cs=4)],
    ["项目名称", C("全民科学素质提升及科普惠民经费", cs=3)],
    ["主管部门及代码", "[218]林州市科学技术协会", "实施单位", "林州市科学技术协会"],
    [C("项目资金\n（万元）", rs=3), "年度资金总额", C(35, cs=2)],
    ["其中：财政拨款", C(35, cs=2)],
    ["其他资金", C(0, cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), C("数量指标", rs=3), "举办科普宣传活动", "≥20场次"],
    ["建设社区科普e站", "≥6个"],
    ["发放科普资料", "≥1.5万份"],
    ["质量指标", "科普活动覆盖乡镇（街道）比例", "100%"],
    ["时效指标", "科普e站建成时间", "2021年10月底前"],
    [C("效益指标", rs=2), "社会效益指标", "公民具备科学素质比例", "≥11%"],
    ["可持续影响指标", "基层科普服务能力", "持续增强"],
    ["满意度指标", "服务对象满意度指标", "参与群众满意度", "≥90%"],
]


def page() -> str:
    return f"""<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<style>
.xl66 {{mso-number-format:General; white-space:normal;}}
.xl67 {{text-align:center; white-space:normal;}}
</style>
</head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=760 style='border-collapse:collapse;table-layout:fixed;width:570pt'>
 <col width=120 span=4 style='width:90pt'>
{table_html(LAYOUT, excel_classes=True)}
</table>
</body>
</html>
"""


def main() -> None:
    (HERE / "document.html").write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
