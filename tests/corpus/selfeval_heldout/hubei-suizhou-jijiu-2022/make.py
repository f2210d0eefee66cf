"""Build document.xlsx: Suizhou's 财政预算支出项目绩效目标自评表 (a workbook) for a first-aid centre.

Run from this folder: ``../../../../.venv/bin/python make.py``. Our own numbers; the layout is the
city's: project facts with 资金来源 columns 中央/省、地/本级/其他/合计/执行数/执行率, 填报日期 and
自评总分 above, then 项目权重/评价内容/分值/自评分/复核分/评价标准及依据 for 项目决策（2分）and
项目管理（13分）, then the 项目绩效（85分）block 一级/二级（with points）/指标名称/年初指标值/年终完成值/
自评分/复核分/评价标准. No separate budget score. The stored excerpt stops after the 质量指标 row; the
rows after it are ours and add up to the printed 98.
"""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

MANAGEMENT = [
    ("项目决策2分", "决策依据", "2", "2", "", "有项目年度工作计划或有上级文件或审批报告计2分，没有不得分。"),
    ("项目管理13分", "财务制度", "3", "3", "", "单位财务管理制度1分；项目管理制度1分；有制度执行佐证资料1分。"),
    ("", "组织机构", "2", "2", "", "有明确的绩效管理机构或专人负责2分。"),
    ("", "运行监管", "4", "3", "", "运行监管记录3分；填报项目支出绩效监控表1分。"),
    ("", "目标申报", "4", "3", "", "绩效目标全申报1分；绩效目标规范1分；按时申报2分，逾期扣1分。"),
]
PERFORMANCE = [
    ("产出指标40分", "数量指标15分", "派车次数", "15000次", "16820次", "15"),
    ("", "质量指标12分", "调度员上岗培训率", "100%", "100%", "12"),
    ("", "时效指标8分", "急救电话接听及时率", "≥95%", "98%", "8"),
    ("", "成本指标5分", "培训开办成本", "≤23.3万元", "23.3万元", "5"),
    ("效益指标35分", "社会效益指标20分", "急救平均反应时间", "≤15分钟", "13分钟", "20"),
    ("", "可持续影响指标15分", "急救网络持续运行", "持续运行", "持续运行", "15"),
    ("满意度指标10分", "服务对象满意度指标10分", "群众满意度", "≥90%", "95%", "10"),
]


def build() -> None:
    book = Workbook()
    ws = book.active
    ws.title = "自评表"
    ws.append(["随州市财政预算支出项目绩效目标自评表"])
    ws.append(["填报日期：2023年4月23日", "", "", "", "", "自评总分：", "98"])
    ws.append(["项目名称", "2022年卫生健康人才培养培训一次性开办费", "", "项目实施单位", "随州市急救中心"])
    ws.append(["项目主管单位", "随州市卫生健康委员会", "", "项目负责人", "（略）"])
    ws.append(["项目属性", "1、常年性□ 2、延续性□ 3、一次性☑ 4、新增性□"])
    ws.append(["项目资金来源", "中央（万元）", "省、地（万元）", "本级（万元）", "其他（万元）", "合计（万元）", "执行数（万元）", "执行率"])
    ws.append(["", "4.9", "18.4", "", "", "23.3", "23.3", "100%"])
    ws.append(["项目年度目标", "2022年市急救中心正式运行。"])
    ws.append(["项目权重", "评价内容", "分值", "自评分", "复核分", "评价标准及依据"])
    for row in MANAGEMENT:
        ws.append(list(row))
    ws.append(["项目年度目标：2022年急救中心正式运行。"])
    ws.append(["一级指标", "二级指标", "指标名称（三级指标）", "年初指标值", "年终完成值", "自评分", "复核分", "评价标准"])
    for level1, level2, name, target, actual, score in PERFORMANCE:
        ws.append([level1, level2, name, target, actual, score, "", "提供三级指标完成程度的佐证资料"])
    for line in ws.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    book.save(HERE / "document.xlsx")


if __name__ == "__main__":
    build()
