"""Layouts of published 自评表 first seen on the second held-out set (tests/corpus/selfeval_heldout2):
each fund row's label on its own line above its amounts, a 全年执行 column without 数, … Each test
reads a table of our own in that layout and checks the printed figures as printed.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_published import read_published_text

LABEL_OVER_AMOUNTS = """项目支出绩效自评表 |
| ( 2024年度) |
项目名称 | 乡村道路养护补助 |
主管部门 | 某县交通运输局 | 实施单位 | 某县公路养护站 |
项目资金 (万元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 |
| 60 | 57 | 10 | 95.00% | 9 |
其中:当年财政拨款 |
| 60 | 57 | 10 | 95.00% | 9 |
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
|
产出指标 | 数量指标 | 养护农村公路里程 | ≥120公里 | 121公里 | 50 | 50 | 无 |
效益指标 | 社会效益指标 | 通行条件改善 | 明显改善 | 明显改善 | 30 | 30 | 无 |
满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90% | 93% | 10 | 10 | 无 |
总分 | 100 | 99 |
"""


def test_a_fund_label_on_its_own_line_takes_the_amounts_of_the_next_line() -> None:
    (table,) = read_published_text(LABEL_OVER_AMOUNTS, "label-over-amounts.txt")
    total = next(f for f in table.funds if f.is_total)
    assert (total.initial, total.budget, total.executed) == (None, Decimal(60), Decimal(57))
    assert (total.weight, total.rate, total.score) == (Decimal(10), Decimal("95.00"), Decimal(9))
    assert [f.label for f in table.funds] == ["年度资金总额", "当年财政拨款"]
    assert table.budget_score == Decimal(9)
    assert [i.score for i in table.indicators] == [Decimal(50), Decimal(30), Decimal(10)]
    assert total.source.line == 7  # the label's line, where the row starts


EXECUTED_WITHOUT_SHU = """项目支出绩效自评表
项目名称 | 文化惠民演出 | | | | | |
项目资金(万元) | | 年初预算数 | 全年预算数 | 全年执行 | 分值 | 执行率 | 得分
| 年度资金总额 | | 25 | 25 | 10 | 100% | 10
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
产出指标 | 数量指标 | 送戏下乡场次 | 30场 | 30场 | 45 | 45
效益指标 | 社会效益指标 | 群众文化生活改善 | 明显 | 明显 | 35 | 35
满意度指标 | 服务对象满意度指标 | 观众满意度 | ≥95% | 97% | 10 | 10
总分 | 100 | 100
"""


def test_a_full_year_executed_column_printed_without_shu_is_the_executed_amount() -> None:
    (table,) = read_published_text(EXECUTED_WITHOUT_SHU, "executed.txt")
    (total,) = table.funds
    assert (total.budget, total.executed, total.rate, total.score) == (
        Decimal(25),
        Decimal(25),
        Decimal(100),
        Decimal(10),
    )


WHOLE_DEPARTMENT = """某区水利局2024年度部门整体绩效自评表
主管部门 | 某区水利局 | 部门联系人 | 王某 | 联系电话 | 12345678
自评总分(分) | | 96.40
资金(万元) | | | 年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率 | 执行率权重 | 执行率得分
年度总金额 | | | 1200.00 | 1300.00 | 1248.00 | 96.00% | 10 | 9.60
其中财政拨款 | | | 1200.00 | 1300.00 | 1248.00 | 96.00% | |
绩效指标 | 指标名称 | 计量单位 | 指标性质 | 指标值 | 指标权重(分) | 全年完成值 | 指标得分(分) | 说明
| 河道巡查里程 | 公里 | ≥ | 300 | 30 | 310 | 30 |
| 水利工程安全运行率 | % | = | 100 | 30 | 100 | 30 |
| 小型水库除险加固座数 | 座 | ≥ | 5 | 20 | 4 | 16.8 | 一座因征地延期
| 服务对象满意度 | % | ≥ | 90 | 10 | 95 | 10 |
"""


def test_a_whole_department_table_is_read_with_its_rate_weight_and_rate_score_columns() -> None:
    (table,) = read_published_text(WHOLE_DEPARTMENT, "whole-department.txt")
    total = next(f for f in table.funds if f.is_total)
    assert total.label == "年度总金额"
    assert (total.initial, total.budget, total.executed) == (
        Decimal("1200.00"),
        Decimal("1300.00"),
        Decimal("1248.00"),
    )
    assert (total.rate, total.weight, total.score) == (Decimal("96.00"), Decimal(10), Decimal("9.60"))
    assert table.total == Decimal("96.40")
    assert [(i.name, i.weight, i.actual, i.score) for i in table.indicators][2] == (
        "小型水库除险加固座数",
        Decimal(20),
        "4",
        Decimal("16.8"),
    )
    assert [i.score for i in table.indicators] == [Decimal(30), Decimal(30), Decimal("16.8"), Decimal(10)]


def _double_spaced(cells: list[str]) -> str:
    """A page saved as text: one cell per line, an empty line after each, spaces for an empty cell."""
    return "\n\n".join(cells) + "\n"


WRAPPED_CELLS = [
    "某县农业农村局部门整体支出绩效自评表",
    "(2022年度)",
    "预算单位名称",
    "某县农业农村局",
    "年度预",
    "算申请",
    "(万元)",
    "年初",
    "预算数",
    "全年预算数",
    "全年",
    "执行数",
    "分值",
    "执行率",
    "得分",
    "年度资金总额",
    "500.00万元",
    "520.00万元",
    "416.00万元",
    "10",
    "80%",
    "8",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度",
    "指标值",
    "实际",
    "完成值",
    "分值",
    "得分",
    "偏差原因",
    "分析及",
    "改进措施",
    "产出指标",
    "(50)",
    "数量",
    "指标",
    "高标准农田建设面积",
    "2万亩",
    "2万亩",
    "30",
    "30",
    " ",
    "农机购置补贴户数",
    "800户",
    "800户",
    "10",
    "10",
    "成本",
    "指标",
    "建设补助",
    "每亩1500",
    "每亩1500",
    "10",
    "10",
    " ",
    "效益指标",
    "30分)",
    "经济效",
    "益指标",
    "粮食增产",
    "500吨",
    "450吨",
    "30",
    "27",
    " ",
    "满意度",
    "指标",
    "(10分)",
    "服务对象",
    "满意度指",
    "标",
    "农户满意度",
    "≥90%",
    "93%",
    "10",
    "10",
    " ",
    "总分",
    "100",
    "95",
]


def test_double_spaced_cells_wrapped_over_lines_are_read_as_the_table() -> None:
    (table,) = read_published_text(_double_spaced(WRAPPED_CELLS), "wrapped.txt")
    (total,) = table.funds
    assert (total.initial, total.budget, total.executed) == (
        Decimal("500.00"),
        Decimal("520.00"),
        Decimal("416.00"),
    )
    assert (total.weight, total.rate, total.score) == (Decimal(10), Decimal(80), Decimal(8))
    read = [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert read == [
        ("数量指标", "高标准农田建设面积", "2万亩", "2万亩", Decimal(30), Decimal(30)),
        ("数量指标", "农机购置补贴户数", "800户", "800户", Decimal(10), Decimal(10)),
        ("成本指标", "建设补助", "每亩1500", "每亩1500", Decimal(10), Decimal(10)),
        ("经济效益指标", "粮食增产", "500吨", "450吨", Decimal(30), Decimal(27)),
        ("服务对象满意度指标", "农户满意度", "≥90%", "93%", Decimal(10), Decimal(10)),
    ]
    assert [i.level1 for i in table.indicators][2:] == ["产出指标", "效益指标", "满意度指标"]
    assert table.total == Decimal(95)


def _one_cell_per_line(rows: list[list[str]]) -> str:
    """A flattened page: every cell on its own line ending `` |``, an empty cell as a bare ``|``; the
    merged 绩效指标 column prints a cell on the first indicator row only."""
    return "\n".join(f"{cell} |" if cell else "|" for row in rows for cell in row) + "\n"


NATURE_AND_DIRECTION = [
    ["项目支出绩效自评表 (2024年度)"],
    ["项目名称", "界桩维护"],
    ["项目资金 (万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"],
    ["年度资金总额", "0", "5.00", "5.00", "10", "100", "10"],
    [
        *("绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "年度指标值"),
        *("实际完成值", "计量单位", "分值", "得分", "偏差原因分析及改进措施"),
    ],
    ["", "", "数量指标", "指标1:维护界桩数(个)", "正向", "大于等于", "20", "20", "个", "30", "30", ""],
    ["", "", "指标2:巡查次数(次)", "正向", "大于等于", "12", "12", "次", "10", "10", ""],
    ["产出指标", "成本指标", "指标1:项目支出控制数(万元)", "反向", "小于等于", "5", "5", "万元", "10", "10"],
    ["效益指标", "社会效益指标", "指标1:边界秩序", "定性", "——", "稳定", "稳定", "——", "30", "30", ""],
    [
        *("满意度指标", "服务对象满意度指标", "指标1:群众满意度", "正向", "大于等于", "90", "95", "%"),
        *("10", "10", ""),
    ],
    ["总分", "100", "100"],
]


def test_a_cost_row_naming_its_indicator_where_the_second_level_would_stand_is_a_second_level() -> None:
    (table,) = read_published_text(_one_cell_per_line(NATURE_AND_DIRECTION), "nature.txt")
    read = [(i.level2, i.name, i.actual, i.weight, i.score) for i in table.indicators]
    assert read == [
        ("数量指标", "维护界桩数(个)", "20", Decimal(30), Decimal(30)),
        ("数量指标", "巡查次数(次)", "12", Decimal(10), Decimal(10)),
        ("成本指标", "项目支出控制数(万元)", "5", Decimal(10), Decimal(10)),
        ("社会效益指标", "边界秩序", "稳定", Decimal(30), Decimal(30)),
        ("服务对象满意度指标", "群众满意度", "95", Decimal(10), Decimal(10)),
    ]
    assert table.total == Decimal(100)


SPANNING_FUNDS_LABEL = """2022年度部门整体绩效自评表
主管部门 | 某区文化旅游委 | 自评总分(分) | 98.5
部门预算执行情况(万元) | 年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率(%) | 执行率权重 | 执行率得分(分)
| 800.00 | 850.00 | 807.50 | 95% | 10 | 9.5
绩效指标 | 指标名称 | 计量单位 | 指标性质 | 年初指标值 | 全年完成值 | 指标权重(分) | 指标得分(分)
| 文化惠民演出场次 | 场 | 定量指标 | ≥100场 | 104场 | 50 | 50
| 公共文化设施开放率 | % | 定量指标 | 100% | 100% | 30 | 30
| 群众满意度 | % | 定量指标 | ≥90% | 94% | 10 | 9
"""


def test_one_row_of_amounts_under_the_blocks_own_label_is_the_total_fund_row() -> None:
    (table,) = read_published_text(SPANNING_FUNDS_LABEL, "spanning.txt")
    (total,) = table.funds
    assert total.is_total and total.label == "部门预算执行情况"
    assert (total.initial, total.budget, total.executed) == (
        Decimal("800.00"),
        Decimal("850.00"),
        Decimal("807.50"),
    )
    assert (total.rate, total.weight, total.score) == (Decimal(95), Decimal(10), Decimal("9.5"))
    assert table.total == Decimal("98.5")
    assert [i.score for i in table.indicators] == [Decimal(50), Decimal(30), Decimal(9)]


def test_a_whole_department_table_is_named_by_its_department() -> None:
    (table,) = read_published_text(WHOLE_DEPARTMENT, "whole-department.txt")
    assert table.project == "某区水利局" and table.department == "某区水利局"


COLUMN_ORDER_FUNDS = (
    "某县项目支出绩效自评表 (2021年度) 项目名称 城乡居民医保参保资助 主管部门 某县医疗保障局 项目资金 "
    "年初预算数 (万元) 年度资金总额 其中:当年财政拨款 实施单位 全年预算数 全年执行数 分值 执行率 得分 "
    "40.00 38.80 10 97% 9 40.00 38.80 — 97% — 上年结转资金 — — 其他资金 — — "
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标 数量指标 资助参保人数 5000人 5000人 90 90 总分 100 99\n"
)


def test_fund_labels_printed_before_the_header_take_the_amounts_after_it_in_order() -> None:
    (table,) = read_published_text(COLUMN_ORDER_FUNDS, "column-order.txt")
    total, granted = table.funds[:2]
    assert (total.label, total.budget, total.executed, total.weight, total.rate, total.score) == (
        "年度资金总额",
        Decimal("40.00"),
        Decimal("38.80"),
        Decimal(10),
        Decimal(97),
        Decimal(9),
    )
    assert (granted.label, granted.budget, granted.executed, granted.score) == (
        "当年财政拨款",
        Decimal("40.00"),
        Decimal("38.80"),
        None,
    )
    assert table.budget_score == Decimal(9)
