"""Flattened PDF text where several cells of one row wrapped over two lines (a name and its target, a
name and its reason), a fund label centred over its amounts, a name that states its serial centred
over a row whose target is words: put back only where the row proves where they go."""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_centred import join_centred
from jixiao.readers.selfeval_published import read_published_text
from jixiao.readers.text import text_rows

# Our own 环卫 project in the central 10号 form as pdfplumber flattens it (A4 landscape, 7 pt).
FLATTENED = """项目支出绩效自评表
(2022年度)
项目名称 城区环卫保洁
主管部门 某区城市管理局 实施单位 某区环境卫生管理所
执行
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 得分
率
年度资金总额 50.00 50.00 45.00 10 90% 9
其中：当年财政拨
50.00 50.00 45.00 — — —
款
上年结转资金 — — —
绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
指标1：城区道路清扫 ≥260万平
产出指标 数量指标 265万平方米 30 30
保洁面积 方米
指标2：
指标1：垃圾清运日产 节假日垃圾量激增，已增
时效指标 100% 98% 20 19
日清率 加清运车次
指标1：环卫作业长效
效益指标 可持续影响指标 长期 达成年度指标 30 30
机制
满意度指标 服务对象满意度指标 指标1：市民满意度 ≥90% 91% 10 10
总分 100 98
"""


def _rows(text: str) -> list[tuple[str, ...]]:
    return [row.cells for row in join_centred(list(text_rows(text, "环卫.txt")))]


def test_a_name_and_its_target_wrapped_side_by_side_go_back_before_the_actual() -> None:
    row = ("产出指标", "数量指标", "指标1：城区道路清扫保洁面积", "≥260万平方米", "265万平方米", "30", "30")
    assert row in _rows(FLATTENED)


def test_a_name_and_its_reason_wrapped_side_by_side_go_to_the_name_and_the_last_column() -> None:
    row = ("时效指标", "指标1：垃圾清运日产日清率", "100%", "98%", "20", "19")
    assert (*row, "节假日垃圾量激增，已增加清运车次") in _rows(FLATTENED)


def test_a_fund_label_centred_over_its_amounts_is_the_rows_first_cell() -> None:
    assert ("其中：当年财政拨款", "50.00", "50.00", "45.00", "—", "—", "—") in _rows(FLATTENED)


def test_the_table_reads_whole_and_sure() -> None:
    (table,) = read_published_text(FLATTENED, "环卫.txt")
    assert [(f.label, f.budget) for f in table.funds][:2] == [
        ("年度资金总额", Decimal("50.00")),
        ("当年财政拨款", Decimal("50.00")),
    ]
    rows = [(i.name, i.target, i.actual, i.weight, i.score, i.unsure) for i in table.indicators]
    assert rows == [
        ("城区道路清扫保洁面积", "≥260万平方米", "265万平方米", Decimal(30), Decimal(30), ""),
        ("垃圾清运日产日清率", "100%", "98%", Decimal(20), Decimal(19), ""),
        ("环卫作业长效机制", "长期", "达成年度指标", Decimal(30), Decimal(30), ""),
        ("市民满意度", "≥90%", "91%", Decimal(10), Decimal(10), ""),
    ]
    assert table.indicators[1].reason == "节假日垃圾量激增，已增加清运车次"


def test_an_empty_slots_serial_is_not_taken_for_the_next_rows_name() -> None:
    text = FLATTENED.replace("指标1：环卫作业长效\n", "指标2：\n").replace("\n机制\n", "\n")
    text = text.replace("长期 达成年度指标", "指标1：机制长效 长期 达成年度指标")
    row = ("效益指标", "可持续影响指标", "指标1：机制长效", "长期", "达成年度指标", "30", "30")
    assert row in _rows(text)


def test_pieces_that_do_not_open_with_a_name_are_left_as_they_were() -> None:
    text = FLATTENED.replace("指标1：城区道路清扫 ≥260万平", "≥260万平 指标1：城区道路清扫").replace(
        "保洁面积 方米", "方米 保洁面积"
    )
    assert ("≥260万平", "指标1：城区道路清扫") in _rows(text) and ("方米", "保洁面积") in _rows(text)


def test_a_row_with_more_cells_than_the_header_has_columns_takes_no_pieces() -> None:
    row = "产出指标 数量指标 265万平方米 30 30"
    text = FLATTENED.replace(row, row.replace("265万平方米", "265万平方米 甲 乙 丙"))
    assert ("指标1：城区道路清扫", "≥260万平") in _rows(text)


# The 安徽 部门整体 form: a header cell printed with a space in it (``年度 指标值``) wraps as ``年度 指标``
# over ``值``, its labels spaced out (``绩 效 指 标``, ``实际 完成值``); rows of a 二级 whose label is
# merged print no category and open with their target.
SPACED_HEADER = """部门整体支出绩效自评表
(2024年度)
部门 某县乡村建设服务中心
分
预算资金 (万元) 年初预算数 全年预算数 全年执行数 执行率 得分
值
年度资金总额 312.00 312.00 300.00 10 96.15% 9.62
其中:当年财政拨款 312.00 312.00 300.00 — 96.15% —
年度 指标 分 偏差原因分析及改
绩 效 指 标 一级指标 二级指标 三级指标 实际 完成值 得分
值 值 进措施
指标1:开展精品示范村建设数
产出指标 数量指标 ≥2 2 40 40
量
指标2:整治美丽宜居自然村庄
≥150 152 30 30
数量
满意度指标 服务对象满意度指标 指标1:受益群众满意度 ≥90% 95% 20 20
总分 100 99.62
"""


def test_a_header_cell_printed_with_a_space_goes_back_whole() -> None:
    header = next(r for r in _rows(SPACED_HEADER) if "一级指标" in r)
    levels = ("绩效指标", "一级指标", "二级指标", "三级指标")
    assert header == (*levels, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")


def test_a_serial_name_over_a_row_without_categories_goes_first() -> None:
    (table,) = read_published_text(SPACED_HEADER, "乡村.txt")
    rows = [(i.name, i.target, i.actual, i.weight, i.score, i.unsure) for i in table.indicators]
    assert rows == [
        ("开展精品示范村建设数量", "≥2", "2", Decimal(40), Decimal(40), ""),
        ("整治美丽宜居自然村庄数量", "≥150", "152", Decimal(30), Decimal(30), ""),
        ("受益群众满意度", "≥90%", "95%", Decimal(20), Decimal(20), ""),
    ]


def test_pieces_above_that_group_two_ways_are_left_as_they_were() -> None:
    from jixiao.readers.selfeval_centred_pieces import grouped_tops

    def known(text: str) -> bool:
        return text in ("年度指标值", "分值")

    assert grouped_tops(["年度", "指标", "分"], ["值", "值"], known) == ["年度指标", "分"]
    assert grouped_tops(["年度", "指标", "分"], ["值", "值", "值"], known) is None  # as many: no grouping
    two_ways = ("年度指标值", "分值", "年度值", "指标分值")  # 年度 | 指标分, or 年度指标 | 分
    assert grouped_tops(["年度", "指标", "分"], ["值", "值"], lambda t: t in two_ways) is None
    assert grouped_tops(["年度", "指标", "指标"], ["值", "分值"], lambda t: t.endswith("值")) is None


# The 安徽 form whose 一级 prints its points apart (``产出指标 (50分)``), 分值 before 年度指标值, and whose
# funds label ``资金情况 (万元)`` wraps as ``资金情况 (万 得`` over ``元) 分`` (a space cut in the cell).
POINTS_APART = """绩效目标自评表
(2023年度)
项目名称 特色种养补贴到户项目
主管部门 县农业农村局 实施单位 某镇人民政府
资金情况 (万 得
全年预算数(A) 全年执行数(B) 分值 执行率(B/A)
元) 分
年度资金总额: 5.6 5.6 10 100% 10
得 未完成原因及拟采取的改
绩效指标 一级指标 二级指标 三级指标 分值 年度指标值 全年实际值
分 进措施
产出指标 (50分) 数量指标 补助家畜家禽养殖数量 50 120只 120只 50
特色产业带动增加受益农户收入
效益指标 (30分) 经济效益指标 40 ≥7万元 7.4万元 40
(总收入)
总分 100 100
"""


def test_points_printed_apart_join_their_level1_and_a_label_cut_at_its_space_goes_back() -> None:
    (table,) = read_published_text(POINTS_APART, "种养.txt")
    (total,) = table.funds
    assert (total.budget, total.executed, total.rate, total.score) == (
        Decimal("5.6"),
        Decimal("5.6"),
        100,
        10,
    )
    rows = [(i.level1, i.name, i.target, i.actual, i.weight, i.score, i.unsure) for i in table.indicators]
    assert rows == [
        ("产出指标", "补助家畜家禽养殖数量", "120只", "120只", Decimal(50), Decimal(50), ""),
        (
            "效益指标",
            "特色产业带动增加受益农户收入(总收入)",
            "≥7万元",
            "7.4万元",
            Decimal(40),
            Decimal(40),
            "",
        ),
    ]


def test_categories_with_their_points_written_plainly_are_passed_over() -> None:
    # the 随州 form: 时效指标8分, its last column (评价标准) wrapped beside the name
    text = """随州市财政预算支出项目绩效目标自评表
填报日期：2023年4月23日 自评总分： 98
项目名称 2022年卫生健康人才培养培训一次性开办费 项目实施单位 随州市急救中心
一级指标 二级指标 指标名称 年初指标值 年终完成值 自评分 复核分 评价标准
产出指标40分 数量指标15分 派车次数 15000次 16820次 15
急救电话接听及时 提供三级指标完成程度的佐证
产出指标40分 时效指标8分 ≥95% 98% 8
率 资料
满意度指标10分 服务对象满意度指标10分 群众满意度 ≥90% 95% 10
"""
    row = (
        "产出指标40分",
        "时效指标8分",
        "急救电话接听及时率",
        "≥95%",
        "98%",
        "8",
        "提供三级指标完成程度的佐证资料",
    )
    assert row in _rows(text)


def test_a_row_whose_wrapped_name_went_back_nowhere_is_said_unsure() -> None:
    # the name centred over a row whose target is words: name, target or actual, it cannot be told
    row = "满意度指标 服务对象满意度指标 指标1：市民满意度 ≥90% 91% 10 10"
    unplaced = "城区市容环境卫生状\n满意度指标 服务对象满意度指标 明显改善 达成年度指标 10 10\n况"
    text = FLATTENED.replace(row, unplaced)
    (table,) = read_published_text(text, "环卫.txt")
    last = table.indicators[-1]
    assert (last.weight, last.score) == (Decimal(10), Decimal(10))
    assert last.unsure == "该行上下各有一段折行的文字没能放回它的列"
    assert [i.unsure for i in table.indicators[:-1]] == ["", "", ""]
