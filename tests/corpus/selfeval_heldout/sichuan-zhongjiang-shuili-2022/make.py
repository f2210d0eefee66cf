"""Build document.docx: a Sichuan county's 衔接资金 绩效目标自评表 as its Word attachment lays it out.

Run from this folder: ``../../../../.venv/bin/python make.py``. Our own project and numbers; the
layout is the real one's: 资金情况 with 全年预算数(A)/全年执行数(B)/分值/执行率(B/A)/得分, then 分值
*before* 年度指标值 and 全年实际值, group weights in the 一级 labels (产出指标(70分), 效益指标(20分))
that contradict the footnote (产出50、效益30), so the weights add to 110 under a total of 100; most
actuals copy the target text (≥266米).
"""

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent

INDICATORS = [
    ("产出指标(70分)", "数量指标", "安装坡面水标尺", "10", "≥300米", "≥300米", "10"),
    ("", "", "水标尺宽度", "10", "≥50厘米", "≥50厘米", "10"),
    ("", "质量指标", "项目(工程)验收合格率", "20", "100%", "100%", "20"),
    ("", "时效指标", "及时(按期)开工率", "10", "≥90%", "≥90%", "10"),
    ("", "", "及时(按期)完工率", "10", "≥90%", "≥90%", "10"),
    ("", "成本指标", "项目计划总投资", "10", "24万元", "24万元", "10"),
    ("效益指标(20分)", "社会效益指标", "受益脱贫(含监测对象)户人口数", "10", "≥1200人", "≥1200人", "10"),
    ("", "", "群众生产生活条件改善状况", "10", "显著提升", "显著提升", "10"),
    ("满意度指标(10分)", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", "10", "≥95%", "≥95%", "10"),
]


def build() -> None:
    document = Document()
    document.add_paragraph("附件：2022年财政衔接资金实施项目绩效自评表")
    document.add_paragraph("绩效目标自评表")
    document.add_paragraph("（2022年度）")
    table = document.add_table(rows=0, cols=8)
    table.style = "Table Grid"

    def row(*values: str) -> None:
        cells = table.add_row().cells
        for n, value in enumerate(values):
            cells[n].text = value

    row("项目名称", "某县农业水价综合改革小型水库水标尺制作安装", "", "", "", "", "", "")
    row("项目负责人及电话", "（略）", "", "", "", "", "", "")
    row("主管部门", "中江县水利局", "", "", "实施单位", "中江县水利局", "", "")
    row("资金情况（万元）", "", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", "")
    row("", "年度资金总额：", "24", "24", "10", "100.00%", "10", "")
    row("", "其中：本年财政拨款", "24", "24", "", "", "", "")
    row("", "其他资金", "", "", "", "", "", "")
    row("年度总体目标", "年初设定目标", "", "", "年度总体目标完成情况综述", "", "", "")
    row("", "对项目区小型水库加装水位计量设施，夯实农业用水计量基础", "", "", "已完成项目区水标尺安装", "", "", "")
    row("绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分")
    for level1, level2, name, weight, target, actual, score in INDICATORS:
        row("", level1, level2, name, weight, target, actual, score)
    row("总分", "", "", "", "100", "", "", "100")
    document.add_paragraph(
        "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分，"
        "各部门根据各项指标重要程度确定三级指标的分值，得分最高不能超过该指标分值上限。"
    )
    document.save(str(HERE / "document.docx"))


if __name__ == "__main__":
    build()
