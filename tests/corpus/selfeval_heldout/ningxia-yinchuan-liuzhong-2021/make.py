"""Build document.docx: a Yinchuan 本级部门项目支出绩效自评表 (Word) in the city's four-part framework.

Run from this folder: ``../../../../.venv/bin/python make.py``. Our own numbers; the layout is the
real one's: 自评得分 in the header, 项目资金 with 年初预算数/调整预算数(A)/全年执行数(B)/执行率(B/A),
then 项目决策(10分)/项目管理(25分)/项目产出(30分)/项目效益(35分) with 分值 before 指标值(A) and
全年实际值(B); 预算执行率 is an indicator row of 项目管理 (100% executed, scored 9 of 10). The rows
add to 94 under a 自评得分 of 98 — as in the real table, whose rows cannot reach its 98.
"""

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent

ROWS = [
    ("项目决策(10分)", "项目目标", "目标完整性", "4", "—", "目标明确、内容细化、目标量化", "4"),
    ("", "项目立项", "相关性", "2", "—", "按照学校管理标准对学校进行管理", "2"),
    ("", "", "可行性", "2", "—", "实际工作需求", "2"),
    ("", "", "适当性", "2", "—", "有资金测算标准", "2"),
    ("项目管理(25分)", "投入管理", "预算执行率", "10", "—", "100%", "9"),
    ("", "财务管理", "财务管理制度有效性", "7", "—", "财务制度健全，严格执行制度，会计核算规范", "7"),
    ("", "项目实施", "绩效监控有效性", "2", "—", "持续有效", "2"),
    ("", "", "管理制度有效性", "6", "—", "严格执行相关管理制度", "6"),
    ("项目产出(30分)", "数量指标(10分)", "保障学生人数", "10", "2410人", "2410人", "10"),
    ("", "质量指标(5分)", "公用经费标准", "5", "符合相关文件要求", "符合相关文件要求", "5"),
    ("", "时效指标(5分)", "公用经费完成时间", "5", "2021年12月完成", "2021年12月完成", "4"),
    ("", "成本指标(10分)", "办公所需成本", "4", "16万元", "16万元", "4"),
    ("", "", "维修（维护）所需成本", "3", "33万元", "33万元", "3"),
    ("", "", "绿化、水电费等成本", "3", "16.2万元", "16.2万元", "3"),
    ("项目效益(35分)", "社会效益指标", "改善学校的办学条件", "15", "效果显著", "改善学校的办学条件", "13"),
    ("", "可持续影响指标", "社会认可的办学环境", "10", "持续", "社会认可的办学环境", "8"),
    ("", "服务对象满意度指标(10分)", "学生和教师满意度", "10", "≥90%", "96%", "10"),
]


def build() -> None:
    document = Document()
    document.add_paragraph("银川市本级部门项目支出绩效自评表（2021年）")
    table = document.add_table(rows=0, cols=8)
    table.style = "Table Grid"

    def row(*values: str) -> None:
        cells = table.add_row().cells
        for n, value in enumerate(values):
            cells[n].text = value

    row("项目名称", "初中公用经费", "", "主管部门", "银川市教育局", "", "自评得分", "98")
    row("实施单位", "银川市第六中学", "", "", "", "", "财政审核评分", "")
    row("项目资金（万元）", "", "年初预算数", "调整预算数（A）", "全年执行数（B）", "执行率（B/A）", "", "")
    row("", "年度资金总额", "66.2", "66.2", "66.2", "100%", "", "")
    row("年度总体目标", "年初设定目标", "保障学校正常工作运行", "", "年度总体目标完成情况", "完成", "", "")
    row("一级指标", "二级指标", "三级指标", "分值", "指标值（A）", "全年实际值（B）", "得分", "未完成原因分析及改进措施")
    for level1, level2, name, weight, target, actual, score in ROWS:
        row(level1, level2, name, weight, target, actual, score, "")
    document.save(str(HERE / "document.docx"))


if __name__ == "__main__":
    build()
