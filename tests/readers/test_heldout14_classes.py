"""Issue 11, the failure classes heldout14 showed, read generally (documents of our own in the layouts
of real published tables; projects, names and values are ours):

1. the 湖南 专项资金预算绩效目标申报表: ``专项基本情况 | 专项名称``, a ``专项年度绩效指标`` side cell before
   ``一级指标 | 二级指标 | 三级指标内容 | 指标值``, and the money as ``本年度预计投入(万元) | 财政资金(万元) |
   其他`` over a ``中央 | 省级 | 市级资金 | 本级`` sub-header, the amounts in one row or spread over lines —
   the year's amount read only where it equals the sum of the others;
2. project facts: full-width digits in the title's year and the amounts (``２０２２年度``, ``４５．８０``),
   the year's amount after ``年度资金`` in one run of cells, a labelled ``其中：财政拨款`` written with a
   full-width colon, and the department given only as ``单位名称:…`` on a line above a list of all a
   unit's projects;
3. comparators written after the number with an inclusive mark (``（含）以内``, ``（含）内``);
4. an indicator block extracted column by column (all names with the merged 一级/二级 words among them,
   then ``指标值`` and all values): names and values paired in order only when their counts agree, a
   category given only where every division of the rows its words allow gives the same one (else left
   empty with JX-R16), and ``资金额度 860 万`` cut at its spaces read as 860 万元;
5. page furniture: ``续表`` where a table goes on after a page break, a site's ``相关附件:无`` line.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from jixiao.model import Kind, Op
from jixiao.readers.columnwise import COLUMNWISE_TREE, columnwise_block
from jixiao.readers.detect import read_any
from jixiao.readers.text import read_text
from jixiao.values import parse_target

# A county library's 专项 form copied from a page (layout of the 湖南 专项资金预算绩效目标申报表 on county
# portals, 2020–2023): ' | ' between cells, '||||' runs for merged cells, amounts spread over lines.
HUNAN_SPREAD = """某县图书馆2021年专项资金绩效目标
附件 |
|
专项资金预算绩效目标申报表 | ||||||||
(2021年度) | ||||||||
填报单位(盖章):某县图书馆 单位负责人:李某 | ||||||||
专项基本情况 | 专项名称 | 某县农家书屋图书更新补助 | ||||||
专项属性 | 新增项目 延续项目√ | |||||||
主管部门 | 某县文化旅游广电局 | 专项起止时间 | 2021.1-12 | |||||
专项资金情况 | 本年度预计投入(万元) | 财政资金(万元) | 其他 | |||||
中央 | 省级 | 市级资金 | 本级 | |||||
18.5 |
|
| 6 |
| 12.5 |
| |||||
本年度绩效目标 | 更新全县农家书屋图书,提升阅读服务。 | |||||||
专项年度绩效指标 | 一级指标 | 二级指标 | 三级指标内容 | 指标值 | ||||
产出 | 数量指标 | 更新图书册数 | ≥12000册 | |||||
质量指标 | 图书上架率 | ≥98% | ||||||
效益 | 社会效益指标 | 群众阅读条件 | 明显改善 | |||||
满意度 | 服务对象满意度指标 | 读者满意度 | ≥90% | |||||
主管部门审核意见 | (盖章) 年 月 日 | |||||||
"""

# The 2023 variant: one row per line between '| … |', the amounts on one row under the sub-header.
HUNAN_ONE_ROW = """| 某专项绩效目标申报表 | |||||
| (2023年度) | |||||
| 专项基本情况 | 专项名称 | 某县困难群众临时救助 | |||
| 主管部门 | 某县民政局 | 专项起止时间 | 2023年1月至12月 | |
| 专项资金情况 | 本年度预计投入(万元) | 财政资金(万元) | 其他 | ||
| 中央 | 省级 | 市级资金 | 本级 | ||
| {amounts} | ||
| 专项年度绩效指标 | 一级指标 | 二级指标 | 三级指标内容 | 指标值及单位 | |
| 产出 指标 | 数量指标 | 救助人次 | >=600人次 | |
| 满意度 指标 | 服务对象满意度指标 | 受助群众满意度 | >=90% | |
"""


def test_the_hunan_special_fund_form_gives_its_table_name_unit_and_budget() -> None:
    (table,), _ = read_text(HUNAN_SPREAD, "library.txt")
    project = table.project
    assert (project.name, project.year, project.department) == (
        "某县农家书屋图书更新补助",
        2021,
        "某县文化旅游广电局",
    )
    assert project.unit == "某县图书馆"  # 填报单位, cut before the 单位负责人 that runs on after it
    assert (project.budget, project.budget_unit) == (Decimal("185000"), "万元")  # 18.5 = 6 + 12.5
    assert [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators] == [
        ("产出", "数量指标", "更新图书册数", "≥12000册"),
        ("产出", "质量指标", "图书上架率", "≥98%"),
        ("效益", "社会效益指标", "群众阅读条件", "明显改善"),
        ("满意度", "服务对象满意度指标", "读者满意度", "≥90%"),
    ]


def test_the_year_amount_of_a_funds_row_by_level_is_the_first_when_the_others_add_up_to_it() -> None:
    (table,), _ = read_text(HUNAN_ONE_ROW.format(amounts="86 | 50 | 30 | 0 | 6 | 0"), "relief.txt")
    assert (table.project.budget, table.project.budget_unit) == (Decimal("860000"), "万元")
    assert [i.name for i in table.indicators] == ["救助人次", "受助群众满意度"]


def test_a_funds_row_by_level_whose_parts_do_not_add_up_is_not_guessed() -> None:
    (table,), _ = read_text(HUNAN_ONE_ROW.format(amounts="86 | 50 | 30 | 1 | 6 | 0"), "relief.txt")
    assert table.project.budget is None  # 86 ≠ 50 + 30 + 1 + 6: which column is the year's is not known
    assert [i.name for i in table.indicators] == ["救助人次", "受助群众满意度"]


# A trade union's table copied out of Word, tab-separated, every figure typed full-width (福建 county pages).
FULL_WIDTH = """某县总工会２０２３年项目支出绩效目标
２０２３年度项目支出绩效目标表
项目名称\t职工书屋建设补助
主管部门\t某县总工会\t实施单位\t某县职工服务中心
项目资金（万元）\t年度资金总额\t１２．５０
\t其中：财政拨款\t１０．００
\t其他资金\t２．５０
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t建成职工书屋\t≥１２个
满意度指标\t服务对象满意度指标\t职工满意度\t≥９０％
"""


def test_full_width_digits_give_the_year_and_the_budget_and_keep_the_values_as_written() -> None:
    (table,), _ = read_text(FULL_WIDTH, "union.txt")
    assert (table.project.year, table.project.budget, table.project.budget_unit) == (
        2023,
        Decimal("125000"),
        "万元",
    )
    first = table.indicators[0].annual
    assert (first.raw, first.op, first.value, first.unit) == ("≥１２个", Op.GE, Decimal("12"), "个")


# 广东 form: the year's amount follows 年度资金 in the same run of cells as its parts.
ONE_RUN = """2024年项目支出绩效目标表
项目名称\t某区优抚对象走访慰问经费
主管部门\t某区退役军人事务局
项目资金（万元）\t年度资金\t86.40\t其中：财政资金\t86.40\t其他资金：0
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t走访慰问户数\t≥300户
"""


def test_the_year_amount_after_its_label_in_one_run_of_cells_is_the_budget() -> None:
    (table,), _ = read_text(ONE_RUN, "visits.txt")
    assert (table.project.budget, table.project.budget_unit) == (Decimal("864000"), "万元")


def _workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / "projects.xlsx"
    book.save(path)
    return path


# A unit's 部门预算 sheet listing all its projects (云南 部门预算公开 layout): the unit named once, above.
ALL_PROJECTS: list[list[object]] = [
    ["某县林业和草原局2024年部门预算项目支出绩效目标表"],
    ["单位名称:某县林业和草原局"],
    ["项目名称", "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["森林防火专项经费", "做好森林防火", "产出指标", "数量指标", "巡护里程", "≥", 1200, "公里"],
    [None, None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%"],
    ["退耕还林补助", "兑现补助", "产出指标", "数量指标", "补助面积", "≥", 3500, "亩"],
    [None, None, "效益指标", "生态效益指标", "森林覆盖率", "定性", "稳步提高", None],
]


# A county Youth League's workbook (四川 form): amounts in 元 under 单位：元, written as text with thousands
# separators, under a 年度资金总额 | 其中：财政拨款 | 其他资金 heading.
THOUSANDS: list[list[object]] = [
    ["2025年项目支出绩效目标表"],
    ["单位：元"],
    ["项目名称", "青年志愿服务项目"],
    ["主管部门", "某县团委", "实施单位", "某县团委"],
    ["项目资金", "年度资金总额", "其中：财政拨款", "其他资金"],
    [None, "2,350,000.00", "2,000,000.00", "350,000.00"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "志愿服务参与人次", "≥2,400人次"],
    ["产出指标", "成本指标", "单场活动成本", "≤15,000元/场"],
]


def test_amounts_and_values_with_thousands_separators(tmp_path: Path) -> None:
    (table,), _ = read_any(_workbook(tmp_path, THOUSANDS))
    assert (table.project.budget, table.project.budget_unit) == (Decimal("2350000.00"), "元")
    read = [(i.annual.raw, i.annual.op, i.annual.value, i.annual.unit) for i in table.indicators]
    assert read == [
        ("≥2,400人次", Op.GE, Decimal("2400"), "人次"),
        ("≤15,000元/场", Op.LE, Decimal("15000"), "元/场"),
    ]


def test_a_unit_named_on_a_line_above_its_list_of_projects_is_each_project_s_department(
    tmp_path: Path,
) -> None:
    tables, _ = read_any(_workbook(tmp_path, ALL_PROJECTS))
    assert [(t.project.name, t.project.department) for t in tables] == [
        ("森林防火专项经费", "某县林业和草原局"),
        ("退耕还林补助", "某县林业和草原局"),
    ]


def test_a_comparator_after_the_number_with_an_inclusive_mark_is_read() -> None:
    read = {text: parse_target(text) for text in ("15个工作日（含）以内", "2小时（含）内", "95%（含）以上")}
    assert {t: (v.kind, v.op, v.value, v.unit) for t, v in read.items()} == {
        "15个工作日（含）以内": (Kind.QUANTITATIVE, Op.LE, Decimal("15"), "个工作日"),
        "2小时（含）内": (Kind.QUANTITATIVE, Op.LE, Decimal("2"), "小时"),
        "95%（含）以上": (Kind.QUANTITATIVE, Op.GE, Decimal("95"), "%"),
    }


# A provincial transfer's 区域绩效目标表 taken out of a .doc column by column (layout of a 2019 残联
# table on a document site): the names, the tall cells' words broken one character a line among them,
# then 指标值 and the values.
COLUMNWISE = """附件 3
全民健身补助资金区域绩效目标表
( 2020 年度)
专项名称 全民健身补助资金
主管部门 省体育局 资金额度 860 万
年
度
目
标
目标 1:新建一批全民健身路径。
一级
指标
二级指标 三级指标
新建健身路径数
绩
效
指
标
产
出
指
标
数量指标
健身器材安装验收合格率
质量
指标
满意度
指标
服务对象
满意度指标
健身群众满意度
指标值
≥120 个
100%
≥90%
— 1 —
"""

# Four names under two 二级 whose words leave the boundary between them open (after the 1st, 2nd or 3rd).
COLUMNWISE_OPEN = """附件 3
全民健身补助资金区域绩效目标表
( 2020 年度)
专项名称 全民健身补助资金
主管部门 省体育局 资金额度 860 万
二级指标 三级指标
新建健身路径数
数量指标
更新健身器材件数
培训社会体育指导员
质量指标
健身器材安装验收合格率
指标值
≥120 个
≥800 件
≥300 人次
100%
"""


def test_a_block_extracted_column_by_column_pairs_names_and_values_in_order() -> None:
    (table,), diagnostics = read_text(COLUMNWISE, "sports.txt")
    assert (table.project.name, table.project.year, table.project.department) == (
        "全民健身补助资金",
        2020,
        "省体育局",
    )
    assert (table.project.budget, table.project.budget_unit) == (Decimal("8600000"), "万元")
    assert [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators] == [
        ("产出指标", "数量指标", "新建健身路径数", "≥120 个"),
        ("产出指标", "质量指标", "健身器材安装验收合格率", "100%"),
        ("满意度指标", "服务对象满意度指标", "健身群众满意度", "≥90%"),
    ]
    assert not [d for d in diagnostics if d.code == COLUMNWISE_TREE]


def test_rows_a_category_s_words_do_not_settle_keep_their_category_empty_with_a_diagnostic() -> None:
    (table,), diagnostics = read_text(COLUMNWISE_OPEN, "sports.txt")
    assert [(i.level2, i.name, i.annual.raw) for i in table.indicators] == [
        ("数量指标", "新建健身路径数", "≥120 个"),
        ("", "更新健身器材件数", "≥800 件"),
        ("", "培训社会体育指导员", "≥300 人次"),
        ("质量指标", "健身器材安装验收合格率", "100%"),
    ]
    assert [d.source.line for d in diagnostics if d.code == COLUMNWISE_TREE] == [9, 10]


def test_a_column_of_values_that_does_not_match_the_names_in_number_is_not_paired() -> None:
    lines = COLUMNWISE.replace("≥90%\n", "").splitlines()
    assert columnwise_block(lines, "sports.txt") is None
    assert columnwise_block(COLUMNWISE.splitlines(), "sports.txt") is not None


# 一级 words alone leave the 产出/效益 boundary after the 1st, 2nd or 3rd name; the 二级 on either side of
# it (质量 under 产出, 社会效益 under 效益) stand after the 2nd name or the 3rd: the 2nd name is 产出 too.
COLUMNWISE_LEVELS = COLUMNWISE_OPEN.replace(
    "二级指标 三级指标\n新建健身路径数\n数量指标\n更新健身器材件数\n培训社会体育指导员\n质量指标\n",
    "二级指标 三级指标\n新建健身路径数\n产出指标\n数量指标\n更新健身器材件数\n质量指标\n"
    "培训社会体育指导员\n效益指标\n社会效益指标\n",
)


def test_a_1st_level_boundary_is_narrowed_by_the_2nd_level_boundary_the_catalogue_ties_it_to() -> None:
    (table,), _ = read_text(COLUMNWISE_LEVELS, "sports.txt")
    assert [(i.level1, i.level2) for i in table.indicators] == [
        ("产出指标", "数量指标"),
        ("产出指标", ""),
        ("", ""),
        ("效益指标", "社会效益指标"),
    ]


# A PDF's text over two pages (山东 county pages): the page number, 续表 and the header again mid-table;
# the page's attachment line under it.
PAGE_BREAK = """2026年项目支出绩效目标表
项目名称 社区健身设施维护经费
主管部门 某市体育事业发展中心
年度资金总额（万元） 42
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 维护健身路径 ≥60 处
质量指标 器材完好率 ≥95%
第 1 页，共 2 页
续表
一级指标 二级指标 三级指标 指标值
满意度指标 服务对象满意度指标 健身群众满意度 ≥90%
相关附件:无
"""


def test_a_continued_table_mark_and_an_attachment_line_are_no_indicators() -> None:
    (table,), _ = read_text(PAGE_BREAK, "fitness.txt")
    assert [i.name for i in table.indicators] == ["维护健身路径", "器材完好率", "健身群众满意度"]
