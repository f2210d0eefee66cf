"""The published-自评表 reader on small texts: separators, merged cells, labels, footers, places."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_published import looks_published, read_published_rows, read_published_text

CENTRAL = """项目支出绩效自评表
项目名称\t社区养老服务补助
主管部门\t某区民政局\t实施单位\t某区民政局
项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
年度资金总额\t20\t20\t19\t10\t95%\t9.5
其中：当年财政拨款\t20\t20\t19\t\t\t
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
\t产出指标(50分)\t数量指标\t指标1：服务老人人次\t≥3000人次\t3100人次\t30\t30\t
\t\t\t指标2：\t\t\t\t\t
\t\t质量指标\t指标1：服务合格率\t≥95%\t96%\t20\t20\t
\t效益指标(30分)\t社会效益指标\t指标1：老人生活质量\t有所提高\t达成年度指标\t30\t27\t个别社区覆盖不足
\t满意度指标(10分)\t满意度指标\t指标1：老人满意度\t≥90%\t93%\t10\t10\t
总分\t\t\t\t\t\t100\t96.5
"""


def test_tabs_with_blank_merged_cells_and_serial_names() -> None:
    [table] = read_published_text(CENTRAL, "表.txt")
    assert table.project == "社区养老服务补助" and table.department == "某区民政局"
    assert table.form == "anhui"
    assert [i.name for i in table.indicators] == ["服务老人人次", "服务合格率", "老人生活质量", "老人满意度"]
    assert [i.level1 for i in table.indicators] == ["产出指标", "产出指标", "效益指标", "满意度指标"]
    assert dict(table.group_weights) == {
        "产出指标": Decimal(50),
        "效益指标": Decimal(30),
        "满意度指标": Decimal(10),
    }
    assert table.total == Decimal("96.5") and table.budget_score == Decimal("9.5")
    assert str(table.indicators[2].where("score")) == "表.txt:11"


def test_pipes_and_one_cell_per_line_read_the_same() -> None:
    # Flattened HTML drops merged cells; a one-cell-per-line stream keeps blank cells as a bare "|".
    piped = "\n".join(row.lstrip("\t").replace("\t", " | ") for row in CENTRAL.splitlines())
    cells = [cell for row in CENTRAL.splitlines() for cell in row.split("\t")]
    lines = "\n".join(f"{cell} |" if cell else "|" for cell in cells)
    reference = read_published_text(CENTRAL)[0]
    for text in (piped, lines):
        [table] = read_published_text(text)
        assert [(i.name, i.weight, i.score) for i in table.indicators] == [
            (i.name, i.weight, i.score) for i in reference.indicators
        ]
        assert table.total == reference.total


def test_rows_before_the_first_title_are_a_cut_off_page() -> None:
    cut = "产出指标 | 数量指标 | 上一张表的指标 | ≥1个 | 1个 | 90 | 90 |\n合计 | 100 |\n"
    tables = read_published_text(cut + CENTRAL.replace("\t", " | "))
    assert len(tables) == 1 and tables[0].indicators[0].name == "服务老人人次"


def test_sichuan_total_line_is_the_weights_when_its_score_cell_is_blank() -> None:
    text = (
        "部门预算项目支出绩效自评表(2023年度) | |\n项目名称 | 测试 |\n"
        "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 "
        "| 权重 | 得分 | 原因\n"
        "总额 | 1 | 1 | 1 | 100% | 10 | 10 |\n"
        "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 "
        "| 权重 | 得分 | 原因\n"
        "产出指标 | 数量指标 | 件数 | ≥ | 5 | 件 | 5 | 90 | 90 | |\n"
        "合计 | 100 | | |\n"
    )
    [table] = read_published_text(text)
    assert table.total is None and table.indicators[0].target == "≥5件"
    assert table.form == "sichuan" and table.indicators_weight == Decimal(90)


def test_workbook_rows_keep_their_columns_and_cells() -> None:
    def row(n: int, *cells: str) -> Row:
        sources = tuple(
            SourceRef("a.xlsx", n, sheet="S", cell=f"{chr(65 + i)}{n}") for i in range(len(cells))
        )
        return Row(tuple(cells), SourceRef("a.xlsx", n, sheet="S", cell=f"A{n}"), sources)

    rows = [
        row(1, "项目支出绩效自评表"),
        row(2, "项目名称", "测试项目"),
        row(3, "项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
        row(4, "", "年度资金总额", "5", "5", "4", "10", "80%", "8"),
        row(5, "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"),
        row(6, "", "产出指标", "数量指标", "件数", "≥5件", "5件", "90", "90"),
    ]
    [table] = read_published_rows(rows)
    assert table.funds[0].executed == Decimal(4) and str(table.funds[0].where("score")) == "a.xlsx!S!H4"
    assert (
        table.indicators[0].score == Decimal(90) and str(table.indicators[0].where("actual")) == "a.xlsx!S!F6"
    )


def test_target_tables_do_not_look_published() -> None:
    target = [
        Row(("项目名称", "x"), SourceRef()),
        Row(("一级指标", "二级指标", "三级指标", "年度指标值"), SourceRef()),
    ]
    assert not looks_published(target)
    assert looks_published([Row((c,), SourceRef()) for c in ("项目支出绩效自评表", "得分")])


def test_a_table_without_score_columns_is_read_and_scored_with_named_weights() -> None:
    from jixiao.scoring.audit import audit

    text = (
        "项目支出绩效自评表\n项目名称 | 农家书屋补充图书\n"
        "项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率\n"
        "年度资金总额 | 8 | 8 | 8 | 100%\n"
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 偏差原因分析及改进措施\n"
        "产出指标 | 数量指标 | 补充图书册数 | ≥4000册 | 4000册 |\n"
        "效益指标 | 社会效益指标 | 借阅人次 | ≥1200人次 | 900人次 | 冬季开放时间缩短\n"
        "满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥90% | 92% |\n"
    )
    [table] = read_published_text(text, "表.txt")
    assert [i.score for i in table.indicators] == [None, None, None]
    result = audit(table)
    assert any("平均分配" in choice for choice in result.choices)
    assert result.result.total == Decimal("92.50")  # 10 + 30 + 30×900/1200 + 30
    assert result.codes() == []


def test_a_sheet_saved_as_space_separated_text_is_read_token_by_token() -> None:
    words = [
        "附件: 项目支出绩效自评表 (2022年度) 项目名称 村级道路养护 主管部门 某镇人民政府",
        "实施单位 某镇人民政府 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 40 38.5 38.5 上年结转资金 其他资金",
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标(50分) 数量指标 养护道路里程 ≥20公里 20公里 25 25 成本指标 养护成本 ≤40万元 38.5 25 25",
        "效益指标(30分) 社会效益指标 通行条件 明显改善 达成预期指标 30 30",
        "满意度指标(10分) 满意度指标 群众满意度 ≥90% 95% 10 10",
    ]
    text = " ".join(words) + "\n"  # one line, cells separated by single spaces
    [table] = read_published_text(text, "表.txt")
    assert [(i.level1, i.level2, i.name, i.target, i.score) for i in table.indicators] == [
        ("产出指标", "数量指标", "养护道路里程", "≥20公里", Decimal(25)),
        ("产出指标", "成本指标", "养护成本", "≤40万元", Decimal(25)),
        ("效益指标", "社会效益指标", "通行条件", "明显改善", Decimal(30)),
        ("满意度指标", "满意度指标", "群众满意度", "≥90%", Decimal(10)),
    ]
    assert table.total_row is not None and table.total_row.budget == 0
    assert [r.budget for r in table.fund_rows][:1] == [Decimal("38.5")]
