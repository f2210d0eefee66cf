"""A single-spaced line's cells cut at a space inside them, joined back (`readers.wordcells`)."""

from __future__ import annotations

from jixiao.readers.text import read_text
from jixiao.readers.wordcells import rejoined_cells


def test_a_template_note_belongs_to_the_category_before_it() -> None:
    cells = ["产出指标", "数量指标", "(必填硬性指标)", "补播改良面积", "≥2000亩"]
    assert rejoined_cells(cells) == ["产出指标", "数量指标(必填硬性指标)", "补播改良面积", "≥2000亩"]


def test_a_category_written_in_two_words_is_one_cell() -> None:
    assert rejoined_cells(["效益指标", "经济效益", "指标", "带动务工人次"]) == [
        "效益指标",
        "经济效益指标",
        "带动务工人次",
    ]


def test_a_date_typed_with_spaces_is_one_cell_and_a_value_and_its_unit_stay_two() -> None:
    assert rejoined_cells(["兑付时间", "2023", "年", "12", "月", "31", "日前"]) == [
        "兑付时间",
        "2023年12月31日前",
    ]
    assert rejoined_cells(["完成时限", "2022年12月", "10", "10"]) == ["完成时限", "2022年12月", "10", "10"]
    assert rejoined_cells(["补贴发放时效", "≥", "1", "年", "20"]) == ["补贴发放时效", "≥", "1", "年", "20"]


COPIED = """2022年项目支出绩效目标表
项目名称 退化草原生态修复
主管部门 某区自然资源局
绩效指标 一级指标 二级指标 三级指标 指标值
产出指标 数量指标 (必填硬性指标) 补播改良面积(亩) 26000
时效指标 (必填) 项目完成时间 2023 年 10 月底
效益指标 社会效益 指标 (必填) 受益人数(人) 860
满意度指标 服务对象满意度指标 (必填) 受益群众满意度 90
"""


def test_a_copied_templates_notes_and_spaced_words_make_no_indicators() -> None:
    tables, _ = read_text(COPIED, "复制自网页.txt")
    read = [(i.level2, i.name, i.annual.raw) for i in tables[0].indicators]
    assert read == [
        ("数量指标", "补播改良面积(亩)", "26000"),
        ("时效指标", "项目完成时间", "2023年10月底"),
        ("社会效益指标", "受益人数(人)", "860"),
        ("服务对象满意度指标", "受益群众满意度", "90"),
    ]


def test_categories_spaced_letter_by_letter_are_one_cell_each() -> None:
    cells = ["产", "出", "指", "标", "数", "量", "指", "标", "健康体检人数", "≥21000人"]
    assert rejoined_cells(cells) == ["产出指标", "数量指标", "健康体检人数", "≥21000人"]
    assert rejoined_cells(["产", "出", "数量指标"]) == ["产", "出", "数量指标"]  # 产出 is not half joined
