"""Targets set in prose under category headings, read as a table (our own notices in that form)."""

from __future__ import annotations

from jixiao.model import Kind, Op
from jixiao.readers.prose import PROSE_TARGETS, is_prose_targets
from jixiao.readers.text import read_text

NOTICE = """标 题: | 某县2024年水产养殖技术培训项目绩效目标设定 |
县人民政府:
安排某县2024年水产养殖技术培训资金18万元,培训养殖户300人。该项目绩效目标设定如下:
一、产出指标
(一)数量指标
水产养殖户(县内培训)≧300人;
(二)质量指标
参训人员培训合格率≥95%;
(三)时效指标
完成时限,2024年10月底前;
二、效益指标
(一)经济效益指标
带动养殖户增收,增加;
(二)生态效益指标
尾水达标排放意识,增强。
三、满意度指标
参训养殖户满意度≥90%。
附件:某县2024年水产养殖技术培训项目绩效目标表
某县农业农村局
2024年4月2日
"""


def test_prose_notice_is_read_as_a_table_with_a_warning() -> None:
    assert is_prose_targets(NOTICE.splitlines())
    tables, diagnostics = read_text(NOTICE, "x.txt")
    assert len(tables) == 1
    table = tables[0]
    assert table.project.name == "某县2024年水产养殖技术培训项目"
    got = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert got == [
        ("产出指标", "数量指标", "水产养殖户(县内培训)", "≧300人"),
        ("产出指标", "质量指标", "参训人员培训合格率", "≥95%"),
        ("产出指标", "时效指标", "完成时限", "2024年10月底前"),
        ("效益指标", "经济效益指标", "带动养殖户增收", "增加"),
        ("效益指标", "生态效益指标", "尾水达标排放意识", "增强"),
        ("满意度指标", "", "参训养殖户满意度", "≥90%"),
    ]
    first = table.indicators[0].annual
    assert first.op is Op.GE and str(first.value) == "300" and first.unit == "人"
    assert table.indicators[3].annual.kind is Kind.QUALITATIVE
    assert any(d.code == PROSE_TARGETS for d in diagnostics)


INLINE = """关于某镇设施农业番茄种植项目绩效目标设定的公示
从衔接资金中安排资金30万元,用于某县某镇设施农业番茄种植项目。现将绩效目标设定如下:
一、 产出指标
数量指标:番茄种植数量(≥**株)>=18000株;种植作物成活率(≥**%)>=90;时效指标:完成及时率(≥**%)等于100%。
二、 效益指标
效益指标:经济效益指标:特色产业产值(≥**万元)≥45万元,带动务工人数≥20人。生态效益指标:土壤改良功能提高。
三、 满意度指标
服务对象满意度指标,受益户满意度(≥**%)≥95%。
"""


def test_categories_written_inline_and_several_targets_per_line() -> None:
    tables, _ = read_text(INLINE, "x.txt")
    table = tables[0]
    assert table.project.name == "某县某镇设施农业番茄种植项目"
    got = [(i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert got == [
        ("数量指标", "番茄种植数量(≥**株)", ">=18000株"),
        ("数量指标", "种植作物成活率(≥**%)", ">=90"),
        ("时效指标", "完成及时率(≥**%)", "等于100%"),
        ("经济效益指标", "特色产业产值(≥**万元)", "≥45万元"),
        ("经济效益指标", "带动务工人数", "≥20人"),
        ("生态效益指标", "土壤改良功能提高", "土壤改良功能提高"),
        ("服务对象满意度指标", "受益户满意度(≥**%)", "≥95%"),
    ]


def test_a_grid_is_never_taken_for_prose() -> None:
    grid = "一、产出指标\n二、效益指标\n三、满意度指标\n一级指标\t二级指标\t三级指标\t指标值\n"
    assert not is_prose_targets(grid.splitlines())
    assert not is_prose_targets(["产出指标", "数量指标"])  # two headings are not enough
