"""Builds document.docx: the 大庆市部门预算项目支出绩效目标申报表 form (a .doc template published blank),
filled with a project of our own. Run: .venv/bin/python make.py (from this folder)."""

from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
COLS = 7


def merge(table, r0, c0, r1, c1, text=None):
    cell = table.cell(r0, c0).merge(table.cell(r1, c1))
    if text is not None:
        cell.text = text
    return cell


def put(table, r, c, text):
    table.cell(r, c).text = text


def build():
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_paragraph("附1:")
    doc.add_paragraph("大庆市部门预算项目支出绩效目标申报表")
    doc.add_paragraph("( 2019 年度)")
    doc.add_paragraph("编制单位(盖章):大庆市城市管理综合执法局")
    rows = 28
    t = doc.add_table(rows=rows, cols=COLS)
    t.style = "Table Grid"
    # 项目基本情况 rows 0-3
    merge(t, 0, 0, 3, 0, "项目基本情况")
    put(t, 0, 1, "项目名称")
    put(t, 0, 2, "城管执法记录设备更新")
    put(t, 0, 3, "项目负责人")
    put(t, 0, 4, "刘海洋")
    put(t, 0, 5, "联系电话")
    put(t, 0, 6, "0459-0000000")
    put(t, 1, 1, "项目类别")
    merge(
        t,
        1,
        2,
        1,
        6,
        "1.重大课题(规划)□ 2.网络运行维护□ 3.考核奖励□ 4.大型培训□ 5.重大宣传活动□ 6.执法办案□ "
        "7.大宗印刷□ 8.奖学助学□ 9.庆典、节会、论坛、商业演出□ 10.房租□ 11.设备购置■ 12.交通工具购置□ "
        "13.专用材料购置□ 14.房屋建筑物购建□ 15.大型修缮□ 16.信息网络购建□ 17.物资储备□ 18.转移支付□ 19.其他□",
    )
    put(t, 2, 1, "项目属性")
    merge(t, 2, 2, 2, 6, "新增项目□ 延续项目■")
    put(t, 3, 1, "项目计划实施时间")
    merge(t, 3, 2, 3, 6, "2019年 1 月 1 日 至 2019 年 12 月 31 日")
    merge(t, 4, 0, 4, 1, "项目申请原因(包括设立依据、可行性及必要性)")
    merge(
        t,
        4,
        2,
        4,
        6,
        "依据《城市管理执法办法》关于执法全过程记录的要求,现有执法记录仪使用年限已满、故障率高,需分批更新,保障执法行为规范可查。",
    )
    merge(t, 5, 0, 5, 1, "以前年度项目绩效情况")
    merge(t, 5, 2, 5, 6, "2018年更新执法记录仪420台,执法全过程记录覆盖率达到85%,执法投诉较上年下降8%。")
    # 项目资金情况 rows 6-13
    merge(t, 6, 0, 13, 0, "项目资金情况")
    merge(t, 6, 1, 9, 1, "资金来源 (万元)")
    put(t, 6, 2, "项目")
    put(t, 6, 3, "上年度预算安排")
    put(t, 6, 4, "上年度实际执行")
    merge(t, 6, 5, 6, 6, "本年度申请金额")
    for r, vals in (
        (7, ("合计", "120", "118.5", "150")),
        (8, ("财政拨款", "120", "118.5", "150")),
        (9, ("其他资金", "——", "——", "")),
    ):
        put(t, r, 2, vals[0])
        put(t, r, 3, vals[1])
        put(t, r, 4, vals[2])
        merge(t, r, 5, r, 6, vals[3])
    merge(t, 10, 1, 13, 1, "项目支出内容及明细预算(万元)")
    for r, vals in (
        (10, ("项目", "上年度预算安排", "上年度实际执行", "本年度申请金额", "资金测算依据及说明")),
        (11, ("合计", "120", "118.5", "150", "")),
        (12, ("1.执法记录仪购置", "60", "59.2", "80", "400台×2000元")),
        (13, ("2.移动执法终端购置", "60", "59.3", "70", "350台×2000元")),
    ):
        for c, v in enumerate(vals):
            put(t, r, 2 + c, v)
    # 绩效目标情况 rows 14-17
    merge(t, 14, 0, 17, 0, "绩效目标情况")
    merge(t, 14, 1, 16, 1, "预期目标")
    put(t, 14, 2, "内容")
    merge(t, 14, 3, 14, 6, "部门(单位)申报")
    put(t, 15, 2, "预期提供的公共产品和服务的数量")
    merge(t, 15, 3, 15, 6, "更新执法记录仪400台、移动执法终端350台,年内完成采购和验收。")
    put(t, 16, 2, "预期效果")
    merge(t, 16, 3, 16, 6, "执法全过程记录覆盖率达到95%以上,执法投诉下降10%以上。")
    put(t, 17, 1, "保障绩效目标实现的措施")
    merge(
        t,
        17,
        2,
        17,
        6,
        "组织机构:成立设备更新工作专班。 管理制度:执法记录仪使用管理规定。 质量控制:按政府采购程序验收。",
    )
    # 绩效指标 rows 18-26
    merge(t, 18, 0, 26, 0, "绩效指标")
    merge(t, 18, 1, 18, 2, "指标名称")
    merge(t, 18, 3, 19, 3, "上年度实际水平")
    merge(t, 18, 4, 19, 4, "本年度计划水平")
    merge(t, 18, 5, 19, 6, "指标内容/计算公式")
    put(t, 19, 1, "二级指标")
    put(t, 19, 2, "三级指标")
    ind = (
        (
            "目标完成程度",
            (
                ("执法记录仪配备数量", "420台", "400台", "按采购合同验收数量"),
                ("设备验收合格率", "100%", "100%", "合格数/采购数×100%"),
                ("采购完成时间", "2018年6月", "2019年9月底前", "合同约定交货时间"),
            ),
        ),
        (
            "项目实施效益",
            (
                ("执法全过程记录覆盖率", "85%", "≥95%", "记录案件数/执法案件数×100%"),
                ("执法投诉下降率", "8%", "≥10%", "(上年投诉数-本年投诉数)/上年投诉数"),
                ("执法对象满意度", "90%", "≥92%", "抽样问卷调查"),
            ),
        ),
    )
    r = 20
    for l2, rows3 in ind:
        merge(t, r, 1, r + len(rows3) - 1, 1, l2)
        for name, last, plan, how in rows3:
            put(t, r, 2, name)
            put(t, r, 3, last)
            put(t, r, 4, plan)
            merge(t, r, 5, r, 6, how)
            r += 1
    merge(t, 26, 1, 26, 6, "")
    merge(t, 27, 0, 27, 1, "财政主管业务科室审核意见")
    merge(t, 27, 2, 27, 6, "")
    doc.add_paragraph("填报人:          填报日期:")
    doc.save(HERE / "document.docx")


if __name__ == "__main__":
    build()
