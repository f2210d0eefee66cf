"""Build document.pdf: the central-form 项目支出绩效自评表 as the Maoming report annexes it (a PDF).

Run from this folder: ``../../../../.venv/bin/python make.py``. Needs WeasyPrint and a CJK font.
Our own project and numbers; the 年度资金总额 row's 全年执行数 (52.30) is not the sum of its rows
(40 + 12 = 52), and the budget score was taken from that typed total.
"""

from pathlib import Path

from weasyprint import HTML

HERE = Path(__file__).resolve().parent

INDICATORS = (
    ("产出指标（50分）", "数量指标", "前期经费安排项目数", "20", "≥15个", "16个", "20", ""),
    ("", "质量指标", "前期成果质量合格率", "15", "≥95%", "100%", "15", ""),
    ("", "时效指标", "前期工作完成及时率", "15", "≥90%", "86%", "14.33", "2个项目用地调整，前期工作延后"),
    ("效益指标（30分）", "经济效益指标", "项目入库储备数", "30", "≥10个", "11个", "30", ""),
    ("满意度指标（10分）", "服务对象满意度指标", "项目单位满意度", "10", "≥90%", "92%", "10", ""),
)
SPANS = {"产出指标（50分）": 3, "效益指标（30分）": 1, "满意度指标（10分）": 1}


def rows() -> str:
    out = []
    for n, (l1, l2, name, weight, target, actual, score, reason) in enumerate(INDICATORS):
        side = f'<td rowspan="{len(INDICATORS)}">绩效指标</td>' if n == 0 else ""
        first = f'<td rowspan="{SPANS[l1]}">{l1}</td>' if l1 else ""
        cells = "".join(f"<td>{c}</td>" for c in (l2, name, weight, target, actual, score, reason))
        out.append(f"<tr>{side}{first}{cells}</tr>")
    return "\n".join(out)


def tr(*cells: str) -> str:
    """A table row; a cell written ``3|年度资金总额`` spans 3 columns."""
    out = []
    for cell in cells:
        span, _, text = cell.rpartition("|")
        out.append(f'<td colspan="{span}">{text}</td>' if span else f"<td>{text}</td>")
    return "<tr>" + "".join(out) + "</tr>"


REASON = "偏差原因分析及改进措施"


def head() -> str:
    dash = ("—", "—", "—")
    return "\n".join(
        [
            tr("2|项目名称", "7|重大项目前期工作经费"),
            tr("2|主管部门", "3|茂名市发展和改革局", "2|实施单位", "2|茂名市重点项目服务中心"),
            tr("3|项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
            tr("3|年度资金总额", "53.00", "53.00", "52.30", "10", "98.68%", "9.87"),
            tr("3|其中：当年财政拨款", "40.00", "40.00", "40.00", *dash),
            tr("3|上年结转资金", "13.00", "13.00", "12.00", *dash),
            tr(
                "绩效指标",
                "一级指标",
                "二级指标",
                "三级指标",
                "分值",
                "年度指标值",
                "实际完成值",
                "得分",
                REASON,
            ),
        ]
    )


def build() -> None:
    html = f"""<html><head><meta charset="utf-8"><style>
@page {{ size: A4 landscape; margin: 15mm; }}
body {{ font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 9pt; }}
h1 {{ text-align: center; font-size: 14pt; margin: 0; }} .c {{ text-align: center; }}
table {{ border-collapse: collapse; width: 100%; }} td {{ border: 0.6pt solid #000; padding: 2pt 3pt; }}
</style></head><body>
<h1>项目支出绩效自评表</h1><p class="c">（2021年度）</p>
<table>
{head()}
{rows()}
<tr><td colspan="7">总分</td><td>99.20</td><td></td></tr>
<tr><td colspan="2">自评等级</td><td colspan="7">优</td></tr>
</table></body></html>"""
    HTML(string=html).write_pdf(HERE / "document.pdf")


if __name__ == "__main__":
    build()
