"""Published 自评表 whose text lost its table (issue 12, the reading issue's text forms): a PDF's text
flattened line by line (cells centred over two lines print a piece above and a piece below their row),
and one cell per line with the empty cells dropped. Texts of our own in those forms; each figure must be
read in its column, or the row said (JX-R34) and left out of the arithmetic."""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import audit

# 执行率 printed before 分值 (a layout some provinces use); 全年预算数, 执行率 and 分值 wrapped over two
# lines, so the header line names only three columns and the pieces stand above and below it.
RATE_BEFORE_WEIGHT = """项目支出绩效自评表
（2023年度）
项目名称 社区养老服务补助
主管部门 某区民政局 实施单位 某区民政局
全年预算 执行 分
项目资金 年初预算数 全年执行数 得分
数 率 值
年度资金总额 80.00 80.00 76.00 95% 10 9.5
其中：当年财政拨款 80.00 80.00 76.00 95% — —
年度指标 得 偏差原因分析及改进
绩效指标 一级指标 二级指标 三级指标 实际完成值 分值
值 分 措施
产出指标 数量指标 助餐服务老年人数 ≥1200人 1260人 40 40
≥95
质量指标 养老服务质量抽查合格率 97% 20 20
%
效益指标 社会效益指标 老年人居家生活质量 明显改善 达成年度指标 20 20
服务对象满意度
满意度指标 受助老人满意度 ≥90% 93% 10 10
指标
总分 100 99.5
"""


def test_wrapped_header_names_go_where_the_rows_under_them_put_them() -> None:
    (table,) = read_published_text(RATE_BEFORE_WEIGHT, "t.txt")
    total = table.total_row
    assert total is not None and not total.unsure
    assert (total.budget, total.executed, total.rate, total.weight, total.score) == (
        Decimal("80.00"),
        Decimal("76.00"),
        Decimal(95),
        Decimal(10),
        Decimal("9.5"),
    )
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("数量指标", "助餐服务老年人数", "≥1200人", "1260人", Decimal(40), Decimal(40)),
        ("质量指标", "养老服务质量抽查合格率", "≥95%", "97%", Decimal(20), Decimal(20)),
        ("社会效益指标", "老年人居家生活质量", "明显改善", "达成年度指标", Decimal(20), Decimal(20)),
        ("服务对象满意度指标", "受助老人满意度", "≥90%", "93%", Decimal(10), Decimal(10)),
    ]
    result = audit(table)
    assert result.codes() == ["JX-A21"], result.codes()  # every row met at full marks: nothing else
    assert result.result.total == Decimal("99.50")


# The unnamed form: 分值 before 年度指标值, 全年实际值 and 得分 wrapped; the template's order (实际完成值
# before 分值) does not fit its rows, one placement does.
WEIGHT_FIRST = """绩效目标自评表
项目名称 小型水库水位计量设施安装
全年预算数 执行率(B/
资金情况（万元） 全年执行数(B) 分值 得分
(A) A)
年度资金总额： 30 30 10 100.00% 10
其中：本年财政拨款 30 30
全年实际 得
绩效指标 一级指标 二级指标 三级指标 分值 年度指标值
值 分
产出指标(70分) 数量指标 安装水位计量设施 40 ≥12处 12处 40
质量指标 设施验收合格率 30 100% 100% 30
效益指标(20分) 社会效益指标 用水计量覆盖率 20 ≥80% 85% 20
满意度指标(10分) 服务对象满意度指标 用水户满意度 10 ≥90% 88% 9
总分 100 99
"""


def test_a_weight_before_its_target_is_read_as_the_rows_print_it() -> None:
    (table,) = read_published_text(WEIGHT_FIRST, "t.txt")
    assert [(i.name, i.weight, i.target, i.actual, i.score) for i in table.indicators] == [
        ("安装水位计量设施", Decimal(40), "≥12处", "12处", Decimal(40)),
        ("设施验收合格率", Decimal(30), "100%", "100%", Decimal(30)),
        ("用水计量覆盖率", Decimal(20), "≥80%", "85%", Decimal(20)),
        ("用水户满意度", Decimal(10), "≥90%", "88%", Decimal(9)),
    ]
    assert not any(i.unsure for i in table.indicators)
    # 88% of ≥90% by the rule: 10 × 88 ÷ 90 = 9.78; the table prints 9 with no reason
    assert {"JX-A10", "JX-A24"} <= set(audit(table).codes())


# One cell per line, empty cells dropped: a 部门整体 table whose rows open with their names (no
# category labels), with 计量单位 and 指标性质 columns and an empty 说明 column.
ONE_CELL_PER_LINE = """某区林业局2023年度部门整体绩效自评表
主管部门
某区林业局
年初预算数
全年预算数
全年执行数
执行率
执行率权重
执行率得分
年度资金总额
300.00
320.00
304.00
95%
10
9.5
绩效指标
指标名称
计量单位
指标性质
指标值
指标权重(分)
全年完成值
指标得分(分)
说明
新增造林面积
万亩
≥
1.2
30
1.2
30
森林抚育面积
万亩
≥
2
30
2.1
30
森林火灾受害率
‰
≤
1
20
0.6
20
服务对象满意度
%
≥
90
10
94
10
"""


def test_rows_that_open_with_their_names_are_cut_after_their_score() -> None:
    (table,) = read_published_text(ONE_CELL_PER_LINE, "t.txt")
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("新增造林面积", "≥1.2万亩", "1.2", Decimal(30), Decimal(30)),
        ("森林抚育面积", "≥2万亩", "2.1", Decimal(30), Decimal(30)),
        ("森林火灾受害率", "≤1‰", "0.6", Decimal(20), Decimal(20)),
        ("服务对象满意度", "≥90%", "94", Decimal(10), Decimal(10)),
    ]
    codes = audit(table).codes()
    assert not {"JX-A01", "JX-A06", "JX-A29"} & set(codes), codes


def test_a_header_word_spaced_apart_is_one_column() -> None:
    text = (
        "项目支出绩效自评表\n项目名称 校舍供暖改造\n"
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
        "年度资金总额 40 40 40 10 100% 10\n"
        "一级指标 二级指标 三级指标 年度 指标值 实际 完成值 分值 得分\n"
        "产出指标 质量指标 工程验收合格率 100% 100% 50 50\n"
        "效益指标 社会效益指标 供暖达标率 ≥95% 98% 30 30\n"
        "满意度指标 服务对象满意度指标 师生满意度 ≥90% 92% 10 10\n"
        "总分 100 100\n"
    )
    (table,) = read_published_text(text, "t.txt")
    assert [(i.target, i.actual) for i in table.indicators] == [
        ("100%", "100%"),
        ("≥95%", "98%"),
        ("≥90%", "92%"),
    ]


# A 部门整体 table flattened: its title wrapped over two lines, the funds header naming two columns on
# its line (the rest wrapped), the indicator header's 计量单位, 指标权重 and 指标得分 wrapped; the rows
# print 计量单位 before 指标性质 and 权重 before 完成值 — one placement fits them with weights of 100.
WHOLE_DEPARTMENT = """某区水务局2023年度部门整体绩效
自评表
主管部门 某区水务局 自评总分(分) 98
全年(调整) 全年执行 执行率 执行率得
年初预算数 执行率
预算数 数 权重 分
年度总金额 900.00 1000.00 960.00 96% 10 9.6
其中财政拨款 900.00 1000.00 960.00 96%
计量单 指标权重 指标得
绩效指标 指标名称 指标性质 指标值 全年完成值 说明
位 (分) 分(分)
河道巡查里程 公里 ≥ 300 30 320 30
水利工程运行完好率 % ≥ 95 30 97 30
防汛物资储备达标率 % = 100 20 100 20
群众满意度 % ≥ 90 10 88 8.4
"""


def test_a_whole_department_table_flattened_reads_in_the_order_its_rows_print() -> None:
    (table,) = read_published_text(WHOLE_DEPARTMENT, "t.txt")
    assert table.project == "某区水务局"
    total = table.total_row
    assert total is not None and (total.budget, total.executed, total.weight, total.score) == (
        Decimal("1000.00"),
        Decimal("960.00"),
        Decimal(10),
        Decimal("9.6"),
    )
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("河道巡查里程", "≥300公里", "320", Decimal(30), Decimal(30)),
        ("水利工程运行完好率", "≥95%", "97", Decimal(30), Decimal(30)),
        ("防汛物资储备达标率", "=100%", "100", Decimal(20), Decimal(20)),
        ("群众满意度", "≥90%", "88", Decimal(10), Decimal("8.4")),
    ]
    assert not any(i.unsure for i in table.indicators)
    # read in its columns, the table is audited: 88% of ≥90% earns 10 × 88 ÷ 90 = 9.78, printed 8.4 with
    # no reason; 9.6 + 80 + 9.78 = 99.38 against the printed 98
    result = audit(table)
    assert result.result.total == Decimal("99.38")
    assert {"JX-A10", "JX-A11", "JX-A24"} <= set(result.codes()), result.codes()
