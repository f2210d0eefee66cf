"""Build document.docx: a Xiangyang hospital's 财政项目绩效自评表 in the Hubei 20 + 80 form (Word).

Run from this folder: ``../../../../.venv/bin/python make.py``. Our own project and numbers; the
layout is the real one's: 单位名称/填报日期 above, 项目类别/属性/类型 tick boxes, 预算执行情况（万元）（20分）
with 预算数(A)/执行数(B)/执行率(B/A)/得分(20分*执行率), 年度绩效目标（80分）with 年初目标值(A)/
实际完成值(B)/得分 and a score per row (no weight column). The stored excerpt ends after six rows;
the last two rows (效益 and 满意度) are ours, and so is the total, which the rows add up to.
"""

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent

ROWS = [
    ("产出指标", "数量指标", "成本控制", "不超过预算", "不超过预算", "10"),
    ("", "质量指标", "保证财政建设补助专款专用", "专款专用", "专款专用", "10"),
    ("", "成本指标", "每年财政补助", "800万元", "800万元", "10"),
    ("", "时效指标", "建设周期", "1年", "1年", "10"),
    ("效益指标", "经济效益", "新院区医疗收入", "4亿元", "5.1亿元", "10"),
    ("", "可持续性", "院区建成后可持续为周边群众提供医疗服务", "服务范围扩大", "服务范围扩大", "10"),
    ("", "社会效益", "新院区门诊服务人次", "≥30万人次", "33万人次", "10"),
    ("满意度指标", "服务对象满意度", "患者满意度", "≥90%", "93%", "10"),
]


def build() -> None:
    document = Document()
    document.add_paragraph("2021年度财政项目绩效自评表")
    document.add_paragraph("单位名称：襄阳市某医院　　填报日期：2022年3月18日")
    table = document.add_table(rows=0, cols=6)
    table.style = "Table Grid"

    def row(*values: str) -> None:
        cells = table.add_row().cells
        for n, value in enumerate(values):
            cells[n].text = value

    row("项目名称", "院区建设补助", "主管部门", "襄阳市卫生健康委", "项目实施单位", "襄阳市中心医院")
    row("项目类别", "1、部门预算项目☑ 2、财政专项□ 3、市对下转移支付项目□", "", "", "", "")
    row("项目属性", "1、持续性项目□ 2、新增性项目☑", "项目类型", "1、常年性项目□ 2、延续性项目☑ 3、一次性项目□", "", "")
    row("预算执行情况（万元）（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）", "")
    row("年度财政资金总额", "800", "800", "100%", "20", "")
    row("年度绩效目标（80分）", "", "", "", "", "")
    row("一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分")
    for values in ROWS:
        row(*values)
    row("总分", "", "", "", "", "100")
    document.save(str(HERE / "document.docx"))


if __name__ == "__main__":
    build()
