"""A whole table run together on one line (a document site's text of a PDF or workbook), our own table."""

from __future__ import annotations

from jixiao.readers.runs import is_long_run, split_long_run
from jixiao.readers.text import read_text

HEAD = (
    "省级部门预算项目支出绩效目标表(2024年度)项目名称乡镇综合文化站免费开放补助项目类型新增项目项目主管部门某市文化和旅游局"
    "项目实施单位某市文化馆项目总投资28万元预算申报数28万元资金性质一般公共预算基本情况保障文化站免费开放正常运转"
    "项目立项必要性保障基层群众基本文化权益保证项目实施的制度措施免费开放考核办法项目实施计划全年分季度开展活动"
    "组织实施单位某省文化和旅游厅监督管理单位某市文旅局政策依据某财教〔2023〕12号其他依据需要说明的其他问题无"
)
BLOCK = (
    "年度绩效目标提升基层公共文化服务水平一级指标二级指标三级指标指标目标值产出指标数量指标免费开放天数=300天"
    "文艺培训班次=24期质量指标免费开放考核指标完成率=100百分比时效指标资金拨付及时率≥95%效益指标社会效益指标"
    "服务群众人次=30000人次满意度指标服务对象满意度指标群众满意度≥90%"
)


def test_a_table_on_one_line_is_cut_at_labels_categories_and_values() -> None:
    assert is_long_run(HEAD + BLOCK)
    cells = split_long_run(HEAD + BLOCK)
    assert cells is not None
    start = cells.index("产出指标")
    assert cells[start : start + 6] == [
        "产出指标",
        "数量指标",
        "免费开放天数",
        "=300天",
        "文艺培训班次",
        "=24期",
    ]
    assert cells[cells.index("项目名称") + 1] == "乡镇综合文化站免费开放补助"
    tables, _ = read_text("文档内容:\n" + HEAD + BLOCK + "\n", "x.txt")
    table = tables[0]
    assert table.project.name == "乡镇综合文化站免费开放补助"
    assert [(i.level2, i.name, i.annual.raw) for i in table.indicators] == [
        ("数量指标", "免费开放天数", "=300天"),
        ("数量指标", "文艺培训班次", "=24期"),
        ("质量指标", "免费开放考核指标完成率", "=100百分比"),
        ("时效指标", "资金拨付及时率", "≥95%"),
        ("社会效益指标", "服务群众人次", "=30000人次"),
        ("服务对象满意度指标", "群众满意度", "≥90%"),
    ]


def test_a_line_is_not_cut_where_values_stand_side_by_side_or_do_not_split() -> None:
    regions = HEAD + BLOCK.replace("=300天", ">=300天>=280天>=260天")
    assert split_long_run(regions) is None  # one value per region: no single annual value
    glued = HEAD + BLOCK.replace("=", "").replace("≥", "")  # names and values glued, no comparator
    assert split_long_run(glued) is None


def test_prose_is_not_a_long_run() -> None:
    paragraph = "项目名称为某项目。主管部门为某局。实施单位为某中心。项目属性为延续项目。" * 6
    assert not is_long_run(paragraph)
