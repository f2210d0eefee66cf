"""A PDF's text with single spaces: cells wrapped above and below their row's line, joined back only
where the layout makes it certain (`readers.centredwraps`)."""

from __future__ import annotations

from decimal import Decimal

from jixiao import catalog
from jixiao.model import Diagnostic
from jixiao.readers.centredwraps import WRAPPED_UNSURE, join_centred_wraps
from jixiao.readers.text import read_text

HEAD = """2023年项目支出绩效目标表
项目名称 春耕化肥储备监管经费
主管部门 某市供销合作社
"""

NAME_WRAPPED = (
    HEAD
    + """一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位
产出指标 数量指标 监管承储企业数 正向 = 3 家
储备化肥质量抽检
产出指标 质量指标 正向 = 100 %
合格率
财政资金到位及时
产出指标 时效指标 正向 = 100 %
支付率
满意度指标 服务对象满意度指标 农户满意度 正向 ≥ 90 %
"""
)


def test_a_name_wrapped_above_and_below_its_row_is_the_rows_name() -> None:
    tables, _ = read_text(NAME_WRAPPED, "复制自PDF.txt")
    read = [(i.level2, i.name, i.annual.value) for i in tables[0].indicators]
    assert read == [
        ("数量指标", "监管承储企业数", Decimal("3")),
        ("质量指标", "储备化肥质量抽检合格率", Decimal("100")),
        ("时效指标", "财政资金到位及时支付率", Decimal("100")),
        ("服务对象满意度指标", "农户满意度", Decimal("90")),
    ]


def test_a_name_wrapped_over_four_lines_takes_two_above_and_two_below() -> None:
    lines = [
        "一级指标 二级指标 三级指标 指标值",
        "产出指标 数量指标 培训人次 ≥300人次",
        "春耕化肥",
        "储备质量",
        "产出指标 质量指标 ≥95%",
        "抽检合格",
        "率",
        "满意度指标 服务对象满意度指标 农户满意度 ≥90%",
    ]
    joined = join_centred_wraps(lines, "x.txt", [])
    assert joined[4] == "产出指标 质量指标 春耕化肥储备质量抽检合格率 ≥95%"
    assert joined[2:4] == ["", ""] and joined[5:7] == ["", ""]


def test_a_category_wrapped_around_a_row_that_has_its_name_is_the_rows_category() -> None:
    text = (
        HEAD
        + """一级指标 二级指标 三级指标 指标值
产出指标 数量指标 储备化肥吨数 ≥5000吨
可持续影响
效益指标 储备制度运行情况 长期有效
指标
满意度指标 服务对象满意度指标 农户满意度 ≥90%
"""
    )
    tables, _ = read_text(text, "复制自PDF.txt")
    second = tables[0].indicators[1]
    assert (second.level1, catalog.canonical(second.level2), second.name) == (
        "效益指标",
        "可持续影响指标",
        "储备制度运行情况",
    )


def test_pieces_around_a_row_that_has_its_name_are_left() -> None:
    lines = [
        "一级指标 二级指标 三级指标 指标值",
        "产出指标 数量指标 培训人次 ≥300人次",
        "残疾儿童家庭负担",
        "效益指标 社会效益指标 有效减轻",
        "减轻",
    ]
    assert join_centred_wraps(lines, "x.txt", []) == lines  # the name, or the value, wrapped?


def test_pieces_above_a_row_and_not_below_are_left_and_said() -> None:
    lines = [
        "一级指标 二级指标 三级指标 指标值",
        "储备化肥质量抽检",
        "产出指标 质量指标 ≥95%",
        "产出指标 时效指标 按时完成率 100%",
    ]
    notes: list[Diagnostic] = []
    assert join_centred_wraps(lines, "x.txt", notes) == lines
    assert [(n.code, n.source.line) for n in notes] == [(WRAPPED_UNSURE, 3)]


def test_a_category_alone_between_rows_is_no_piece() -> None:
    lines = [
        "一级指标 二级指标 三级指标 指标值",
        "产出指标 培训人次 ≥300人次",
        "数量指标",
        "产出指标 培训天数 ≥5天",
    ]
    assert join_centred_wraps(lines, "x.txt", []) == lines


def test_header_labels_wrapped_around_the_tree_header_are_put_after_it() -> None:
    lines = [
        "指标性 指标 度量单",
        "一级指标 二级指标 三级指标",
        "质 值 位",
        "产出指标 数量指标 垃圾清运覆盖行政村 = 9 个",
    ]
    joined = join_centred_wraps(lines, "x.txt", [])
    assert joined[:3] == ["", "一级指标 二级指标 三级指标 指标性质 指标值 度量单位", ""]


def test_header_pieces_are_left_where_a_value_label_stands_on_the_header_line() -> None:
    lines = [  # 权重 printed on one line between wrapped labels: where 指标值 stood is not certain
        "指标 度量单",
        "一级指标 二级指标 三级指标 权重",
        "值 位",
    ]
    assert join_centred_wraps(lines, "x.txt", []) == lines


def test_two_wrapped_categories_around_a_row_go_into_its_tree() -> None:
    text = (
        HEAD
        + """一级指标 二级指标 三级指标 指标性质 指标值 度量单位
产出指标 数量指标 垃圾清运覆盖行政村 = 9 个
产出指标 质量指标 垃圾日产日清率 ≥ 95 %
效益指标 社会效益指标 人居环境改善 ≥ 90 %
满意度指 服务对象满意度指
群众满意度 ≥ 95 %
标 标
"""
    )
    tables, _ = read_text(text, "复制自PDF.txt")
    last = tables[0].indicators[-1]
    assert (last.level1, catalog.canonical(last.level2), last.name, last.annual.value) == (
        "满意度指标",
        "服务对象满意度指标",
        "群众满意度",
        Decimal("95"),
    )


SCORED = (
    HEAD
    + """年度绩效目标(90分) 一级指标 二级指标 三级指标 指标值 分值 指标解释
产出指标 (40-50)分 数量指标 硬化道路条数 ≥3条 10 反映建设规模
硬化产业路长 反映硬化道路建设
产出指标 (40-50)分 数量指标 ≥3.2公里 10
度 规模
社会成本指标
生态环境成本指
标
满意度指标 (0-10)分 服务对象满意度指标 受益群众满意度 ≥95% 10 问卷调查
"""
)


def test_a_name_and_its_explanation_wrapped_around_a_scored_row_are_both_placed() -> None:
    lines = SCORED.splitlines()
    joined = join_centred_wraps(lines, "x.txt", [])
    assert joined[6] == "产出指标 (40-50)分 数量指标 硬化产业路长度 ≥3.2公里 10 反映硬化道路建设规模"
    assert joined[9:11] == ["生态环境成本指标", ""]  # a category whose row holds nothing else


VALUES_WRAPPED = (
    HEAD
    + """年度绩效指标 一级指标 二级指标 指标内容 指标值 备注
≥4.5公
产出指标 数量指标 硬化村组道路里程
里
≥10公
清淤灌溉沟渠长度
里
质量指标 工程验收合格率 =100%
≥1600
效益指标 社会效益指标 受益农户数
户
满意度指标 服务对象满意度指标 受益群众满意度 ≥90%
"""
)


def test_a_value_wrapped_around_its_row_goes_after_the_name() -> None:
    tables, _ = read_text(VALUES_WRAPPED, "复制自PDF.txt")
    read = [(i.name, i.annual.raw) for i in tables[0].indicators]
    assert read == [
        ("硬化村组道路里程", "≥4.5公里"),
        ("清淤灌溉沟渠长度", "≥10公里"),
        ("工程验收合格率", "=100%"),
        ("受益农户数", "≥1600户"),
        ("受益群众满意度", "≥90%"),
    ]


def test_a_wrapped_value_is_not_put_where_the_header_has_another_column_after_the_name() -> None:
    lines = [
        "一级指标 二级指标 三级指标 指标解释 指标值",
        "≥4.5公",
        "产出指标 数量指标 硬化村组道路里程",
        "里",
    ]
    assert join_centred_wraps(lines, "x.txt", []) == lines


def test_a_level1_label_wrapped_around_the_header_goes_before_the_tree() -> None:
    lines = [
        "一级指",
        "绩效指标 二级指标 三级指标 指标值",
        "标",
        "产出指标 数量指标 培训人次 ≥300人次",
    ]
    joined = join_centred_wraps(lines, "x.txt", [])
    assert joined[:3] == ["", "绩效指标 一级指标 二级指标 三级指标 指标值", ""]
