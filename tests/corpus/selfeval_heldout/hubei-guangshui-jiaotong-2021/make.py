"""Build document.pdf: Guangshui's 财政预算支出项目绩效目标自评表 for rural roads, as the PDF it published.

Run from this folder: ``../../../../.venv/bin/python make.py``. Needs WeasyPrint and a CJK font.
Our own numbers in the Suizhou-prefecture form (as the hospital's and the first-aid centre's):
资金来源 by level, 自评总分 95 above, 项目决策2分/项目管理13分 rows with 分值/自评分/复核分, then
项目绩效85分 with 二级 points in the labels. The stored excerpt ends after the 数量指标 row; the rows
after it are ours and add up to 95.
"""

from pathlib import Path

from weasyprint import HTML

HERE = Path(__file__).resolve().parent

MANAGEMENT = [
    ("项目决策 2 分", "决策依据", "2", "2", "有项目年度工作计划或有上级文件或审批报告计 2 分，没有不得分。"),
    ("项目管理 13 分", "财务制度", "3", "3", "单位财务管理制度 1 分；项目管理制度 1 分；有制度执行佐证资料 1 分。"),
    ("", "组织机构", "2", "2", "有明确的绩效管理机构或专人负责 2 分。"),
    ("", "运行监管", "4", "4", "运行监管记录 3 分；填报《项目支出绩效监控表》1 分。"),
    ("", "目标申报", "4", "4", "绩效目标全申报 1 分；绩效目标规范 1 分；按时申报 2 分。"),
]
PERFORMANCE = [
    ("产出指标 40 分", "数量指标 15 分", "乡村道路建设养护里程", "280 公里", "280 公里", "15", ""),
    ("", "质量指标 12 分", "农村公路建设验收合格率", "100%", "100%", "6", ""),
    ("", "", "农村公路养护验收合格率", "100%", "100%", "6", ""),
    ("", "时效指标 8 分", "养护任务完成及时率", "100%", "95%", "6", "汛期水毁抢修，部分路段养护延后"),
    ("", "成本指标 5 分", "每公里养护成本", "≤1.1 万元", "1.1 万元", "5", ""),
    ("效益指标 35 分", "社会效益指标 20 分", "群众出行条件改善", "明显改善", "明显改善", "20", ""),
    ("", "可持续影响指标 15 分", "农村公路优良路率", "≥85%", "80%", "12", "部分路段路面老化，明年安排大中修"),
    ("满意度指标 10 分", "服务对象满意度指标 10 分", "沿线群众满意度", "≥90%", "94%", "10", ""),
]


def build() -> None:
    def tr(*cells: str) -> str:
        return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    rows = [
        tr("项目名称", "乡村道路建设养护项目", "项目主管单位", "广水市交通运输局", "项目实施单位", "广水市交通运输局"),
        tr("项目属性", "1、常年性☑ 2、延续性□ 3、一次性□ 4、新增性□", "项目负责人", "（略）", "", ""),
        tr("项目资金来源", "中央（万元）", "省、地（万元）", "本级（万元）", "合计（万元）", "执行数（万元）", "执行率"),
        tr("", "", "", "308", "308", "308", "100%"),
        tr("项目年度目标", "1.完成乡村道路建设养护里程 280 公里；", "", "", "", ""),
        tr("项目权重", "评价内容", "分值", "自评分", "复核分", "评价标准及依据"),
    ]
    rows += [tr(w, name, weight, score, "", rule) for w, name, weight, score, rule in MANAGEMENT]
    rows.append(tr("一级指标", "二级指标", "指标名称（三级指标）", "年初指标值", "年终完成值", "自评分", "复核分", "评价标准"))
    rows += [tr(l1, l2, n, t, a, s, "", r) for l1, l2, n, t, a, s, r in PERFORMANCE]
    html = (
        "<html><head><meta charset='utf-8'><style>"
        "@page { size: A4 landscape; margin: 12mm }"
        "body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 9pt }"
        "table { border-collapse: collapse; width: 100% } td { border: 0.6pt solid #000; padding: 1.5mm }"
        "</style></head><body>"
        "<p>广水市财政预算支出项目绩效目标自评表</p>"
        "<p>填报日期：2022 年 8 月 10 日　　　　自评总分： 95</p>"
        f"<table>{''.join(rows)}</table></body></html>"
    )
    HTML(string=html).write_pdf(HERE / "document.pdf")


if __name__ == "__main__":
    build()
