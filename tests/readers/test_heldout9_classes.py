# ruff: noqa: E501  (the mirror page's own long lines of Chinese text)
"""Issue 11, the layout classes heldout9 could not read: a unit's 年度整体绩效目标表 on a mirror site in
Traditional characters with pinyin after some of them, as flattened HTML ``|`` rows that lost their
merged cells (rows opening with their 二级 or their name, a 定性 row without its 计量单位 cell, 二级 rows
holding only their 扣分 text), the required columns marked ``*``.

The documents are our own, in the layouts of the real pages (a 区 portal mirrored in Traditional
characters, 2023)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind
from jixiao.readers.pdfwraps import join_wrapped_category_lines
from jixiao.readers.text import read_text
from jixiao.readers.textforms import normalise_line

# A 区 portal's 整体绩效目标表 mirrored in Traditional characters with pinyin in brackets, one ``|`` row a
# line padded with ``| ||||``; the tall merged 一级/二级 cells written once, so the rows under them open
# with their 二级 or their name.
WHOLE_UNIT_TRADITIONAL = """首頁 > 政務(wù)公開 > 部門(mén)信息公開
某區(qū)婦女兒童活動中心2023年度整體績效目標(biāo)表
發布時(shí)間:
2023-05-11 10:02
某區(qū)婦女兒童活動中心2023年度整體績效目標(biāo)表 | ||||||||
部門(mén)(單位)名稱 | 某區(qū)婦女兒童活動中心 | |||||||
*部門(mén)(單位)職責(zé) | 組織婦女兒童公益培訓和活動 | |||||||
*年度總體績效目標(biāo) | 開展公益培訓和親子活動,服務群眾滿意。 | |||||||
績效指標(biāo) | ||||||||
一級(jí)指標(biāo) | 二級(jí)指標(biāo) | 三級(jí)指標(biāo) | 指標(biāo)值類(lèi)型 | *指標(biāo)值 | 計(jì)量單位 | *指標(biāo)解釋(shì) | *評(píng)(扣)分標(biāo)準 | 備(bèi)註 |
產出指標(biāo) | 數量指標(biāo) | 公益培訓場次 | 定量 | 60 | 場 | 全年舉辦公益培訓場次 | 未達(dá)指標(biāo)值酌情扣分 | |
親子活動參與人次 | 定量 | 3000 | 人次 | 全年親子活動參與人次 | 未達(dá)指標(biāo)值酌情扣分 | ||
質(zhì)量指標(biāo) | 培訓合格率 | 定量 | 95 | % | 參訓人員考核合格比例 | 未達(dá)指標(biāo)值酌情扣分 | ||
成本指標(biāo) | 公用經費支出控制率 | 定量 | 100 | % | 公用經費控制在預算內 | 未達(dá)指標(biāo)值酌情扣分 | ||
效益指標(biāo) | 經濟效益指標(biāo) | 未達(dá)指標(biāo)值酌情扣分 | ||||||
社會(huì)效益指標(biāo) | 婦女兒童服務水平 | 定性 | 提高 | 考察服務能力變化 | 未達(dá)指標(biāo)值酌情扣分 | |||
滿意度指標(biāo) | 服務對象滿意度指標(biāo) | 參訓群眾滿意度 | 定量 | 90 | % | 考察群眾滿意程度 | 未達(dá)指標(biāo)值酌情扣分 | |

【打印此頁】 【關閉窗口】
"""


def test_a_whole_unit_table_in_traditional_characters_with_lost_merged_cells_is_read() -> None:
    (table,), _ = read_text(WHOLE_UNIT_TRADITIONAL, "mirror.txt")
    assert table.project.name == "某区妇女儿童活动中心"  # 整体 table: named by its 部门(单位)名称
    assert table.project.year == 2023
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "公益培训场次", "60"),
        ("产出指标", "数量指标", "亲子活动参与人次", "3000"),
        ("产出指标", "质量指标", "培训合格率", "95"),
        ("产出指标", "成本指标", "公用经费支出控制率", "100"),
        ("效益指标", "社会效益指标", "妇女儿童服务水平", "提高"),
        ("满意度指标", "服务对象满意度指标", "参训群众满意度", "90"),
    ]  # the 经济效益 row holds only its 扣分 text: no indicator
    sessions, people, rate, _, level, _ = table.indicators
    assert (sessions.annual.value, sessions.annual.unit) == (Decimal("60"), "场")
    assert (people.annual.value, people.annual.unit) == (Decimal("3000"), "人次")
    assert (rate.annual.value, rate.annual.unit) == (Decimal("95"), "%")
    assert level.annual.kind == Kind.QUALITATIVE and level.annual.unit is None


# A county bureau's 项目支出绩效目标表 as a PDF's text: cells aligned by spaces, the narrow 一级 and 二级
# columns wrapping their labels onto the next line (``产出指`` / ``标``, ``经济效益`` / ``指标``), the merged
# ``绩效指标`` label beside a row in the middle of the block, a page footer and the header repeated.
PDF_WRAPPED_LABELS = """某县水务局 2024 年项目支出绩效目标表

单位:万元
项目名称        农村饮水安全维修养护
主管部门        某县水务局                实施单位      某县农村供水站
项目资金        年度资金总额              86.00
年度绩效目标    完成农村供水工程维修养护,保障群众饮水安全。
                一级指标    二级指标      三级指标                          指标值
                产出指      数量指标      维修养护供水工程处数              ≥42 处
                标
                            质量指标      维修工程验收合格率                100%
绩效指标                    时效指标      维修完成时间                      2024 年 10 月底前
                            成本指标      每处维修补助标准                  ≤2 万元

                                          — 9 —

                一级指标    二级指标      三级指标                          指标值
                效益指标    经济效益      降低群众取水成本                  有效降低
                            指标
                            社会效益指    农村集中供水率                    ≥92%
                            标
                满意度指    服务对象满    受益群众满意度                    ≥90%
                标          意度指标

填报单位(盖章):                  填报人:              联系电话:
"""


def test_category_labels_wrapped_in_a_pdfs_narrow_columns_are_joined_never_read_as_indicators() -> None:
    (table,), _ = read_text(PDF_WRAPPED_LABELS, "pdf.txt")
    assert table.project.name == "农村饮水安全维修养护"
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "维修养护供水工程处数", "≥42 处"),
        ("产出指标", "质量指标", "维修工程验收合格率", "100%"),
        ("产出指标", "时效指标", "维修完成时间", "2024 年 10 月底前"),  # beside the block's 绩效指标 label
        ("产出指标", "成本指标", "每处维修补助标准", "≤2 万元"),
        ("效益指标", "经济效益指标", "降低群众取水成本", "有效降低"),
        ("效益指标", "社会效益指标", "农村集中供水率", "≥92%"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"),
    ]


def test_a_fragment_that_makes_no_known_category_is_left_as_written() -> None:
    lines = [
        "一级指标    二级指标      三级指标            指标值",
        "产出指标    数量指标      培训人次            ≥300 人次",
        "            专项          ",
    ]
    assert join_wrapped_category_lines(lines) == lines  # 数量指标专项 is no category: not joined


# A 市 portal's table as ' | ' rows: the tall merged ``绩 效 指 标`` cell written once, in the row where
# the page broke the table, before that row's 一级 and 二级.
MERGED_LABEL_MID_TABLE = """项目名称 | 城区绿化养护 | ||||||||
主管部门 | 某市园林局 | 实施单位 | 某市园林养护中心 | ||||||
年度资金总额 | 120 | ||||||||
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 备注 | ||||||
产出指标 | 数量指标 | 养护绿地面积(公顷) | ≥300 | | ||||||||
质量指标 | 苗木成活率(%) | ≥95% | | ||||||||
绩 效 指 标 | 效益指标 | 生态效益 指标 | 城区绿化覆盖率 | ≥42% | | |||||||
满意度指标 | 服务对象满意度指标 | 市民满意度(%) | ≥90 | | |||||||
"""

# A county bureau's .doc as text, one row a line with single spaces: 度量单位 before 比较符, and a 定性
# row writing 定性 in the unit column and '-' for its comparator.
DASH_FOR_NO_COMPARATOR = """项目名称 社区养老服务补助
主管部门 某县民政局
一级指标 二级指标 三级指标 度量单位 比较符 指标值 指标方向
产出指标 数量指标 补助养老服务站点 个 ≥ 18 正向
产出指标 质量指标 补助资金足额发放率 % = 100 正向
效益指标 社会效益指标 老年人助餐服务 定性 - 持续改善 正向
满意度指标 服务对象满意度指标 老年人满意度 % ≥ 90 正向
"""


def test_the_merged_indicators_label_beside_a_row_does_not_swallow_the_row() -> None:
    (table,), _ = read_text(MERGED_LABEL_MID_TABLE, "portal.txt")
    read = [(i.level1, "".join(i.level2.split()), i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "养护绿地面积(公顷)", "≥300"),
        ("产出指标", "质量指标", "苗木成活率(%)", "≥95%"),
        ("效益指标", "生态效益指标", "城区绿化覆盖率", "≥42%"),
        ("满意度指标", "服务对象满意度指标", "市民满意度(%)", "≥90"),
    ]


def test_a_dash_in_the_comparator_column_leaves_the_qualitative_value_its_own() -> None:
    (table,), _ = read_text(DASH_FOR_NO_COMPARATOR, "doc.txt")
    values = {i.name: (i.annual.raw, i.annual.kind) for i in table.indicators}
    assert values["老年人助餐服务"] == ("持续改善", Kind.QUALITATIVE)
    assert values["补助养老服务站点"][0] == "18"
    assert len(table.indicators) == 4


# The same form where the tall merged 一级 cell is centred in its group: its wrapped half stands on the
# line of the group's next row, beside that row's own cells.
PDF_LABEL_WRAPPED_BESIDE_A_ROW = """项目名称        乡村学校营养餐补助
                一级指标    二级指标      三级指标                          指标值
                            数量指标      受益学生人数                      ≥5200 人
                产出指      质量指标      食品抽检合格率                    100%
                标          时效指标      补助资金拨付时间                  2024 年 9 月底前
                效益指标    社会效益指    学生营养状况                      持续改善
                            标
"""


def test_a_label_wrapped_beside_the_next_row_goes_back_to_its_own_row() -> None:
    (table,), _ = read_text(PDF_LABEL_WRAPPED_BESIDE_A_ROW, "pdf.txt")
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "受益学生人数", "≥5200 人"),
        ("产出指标", "质量指标", "食品抽检合格率", "100%"),
        ("产出指标", "时效指标", "补助资金拨付时间", "2024 年 9 月底前"),
        ("效益指标", "社会效益指标", "学生营养状况", "持续改善"),
    ]


def test_pinyin_after_traditional_characters_is_dropped_toneless_syllables_too_units_kept() -> None:
    line = "項(xiàng)目的(de)單位(wèi)們(men) | 重量(kg) | 面積(m²)"
    assert normalise_line(line, True) == "项目的单位们 | 重量(kg) | 面积(m²)"
