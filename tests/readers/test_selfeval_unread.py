"""A published 自评表 that cannot be read honestly says why, with the line: its cells run together on
one line (JX-R13), its comparators damaged by OCR and kept as written (JX-R09), or its indicator block
scrambled so that only the funds are read (JX-R04). A table that reads says nothing of the kind."""

from __future__ import annotations

from pathlib import Path

from jixiao.readers.selfeval_published import read_published_path
from tests.readers.test_selfeval_columnwise import columnwise

# Extracted column by column, and its 分值 do not fall on the group weights (20 + 25 under 产出 50):
# nothing confirms which figures go with which name.
SCRAMBLED = columnwise(first_row="200 196 20 19")

# The 宁夏 专项 form as a document site's OCR text: the table run together, amounts on lines of their own,
# ≥ read as '$' in one row. Our own project and figures.
OCR_RUN = """还剩1页未读,继续阅读
文本内容:
农机深松整地作业补助项目绩效目标自评表(2023年度)项目总得分98分项目名称农机深松整地作业补助项目实施单位/项目负责人某县农机推广中心/王某自治区主管部门农业农村厅市县财政部门某县财政局资金情况(万元)年度资金总额全年预算数(A)全年执行数(B)执行率(B/A)其中自治区补助120万元
117.6万元
98%市县资金年度总体目标完成深松整地作业6万亩,改善土壤耕层结构绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施产出指标(50分)数量指标指标1深松整地作业面积206万亩6.1万亩20质量指标指标1深松作业合格率15295%$96%15时效指标指标1作业完成时限1510月底前10月20日15
效益指标(30分)经济效益指标指标1亩均增产1525%^5%14部分地块墒情差社会效益指标指标1带动农户数量15300户310户15满意度指标(20分)服务对象满意度指标1农户满意度20290%95%20总分100
"""

# The 武汉 区级 form run together with no 分值 or 得分 column (a mirror's text), its reason column different
# on one row (``部分成活``), so nothing shows where that row ends and the next name starts.
UNSCORED_RUN = (
    "2022年度区级古树名木保护专项经费项目绩效自评表单位名称:某区园林局填报日期:2023年3月1日项目名称区级古树"
    "名木保护专项经费主管部门区园林局项目实施单位区园林局预算执行情况(万元)资金来源预算数(A)执行数(B)执行率"
    "(B/A)一般预算内拨款2019.698%合计2019.698%年度绩效目标完成情况一级指标二级指标三级指标年初目标值实际完成值"
    "未完成原因及改进措施产出指标产出数量古树复壮株数≥40株42株达成预期指标产出质量复壮成活率不低于90%部分成活"
    "产出时效复壮完成时限11月底前达成预期指标效益指标生态效益古树保存率100%达成预期指标满意度指标社会公众"
    "满意度≥90%达成预期指标\n"
)

CLEAN = """项目支出绩效自评表
项目名称 | 基层干部政策培训
主管部门 | 某县财政局 | 实施单位 | 某县财政局
项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
年度资金总额 | 10 | 10 | 10 | 10 | 100% | 10
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
产出指标 | 数量指标 | 培训人次 | ≥100人次 | 100人次 | 50 | 50 |
效益指标 | 社会效益指标 | 政策知晓率 | ≥90% | 92% | 30 | 30 |
满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% | 92% | 10 | 10 |
总分 | 100
"""


def _read(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "自评表.txt"
    path.write_text(text, encoding="utf-8")
    return read_published_path(path)


def test_a_table_run_together_with_ocr_damage_is_not_cut_and_says_where(tmp_path: Path) -> None:
    tables, diagnostics = _read(tmp_path, OCR_RUN)
    assert tables == []
    assert [(d.code, d.source.line) for d in diagnostics] == [("JX-R13", 5), ("JX-R09", 5), ("JX-A00", None)]
    run, damaged = diagnostics[0].message, diagnostics[1].message
    assert "分值、得分" in run
    assert "“15295%$96%”" in damaged and "“1525%^5%”" in damaged  # kept as written, never repaired


def test_a_table_run_together_without_scores_says_there_is_no_sum_to_check(tmp_path: Path) -> None:
    tables, diagnostics = _read(tmp_path, UNSCORED_RUN)
    assert tables == []
    assert [(d.code, d.source.line) for d in diagnostics] == [("JX-R13", 1), ("JX-A00", None)]
    assert "没有分值和得分" in diagnostics[0].message


def test_a_scrambled_block_its_sums_do_not_confirm_is_left_unread_and_says_so(tmp_path: Path) -> None:
    (table,), diagnostics = _read(tmp_path, SCRAMBLED)
    assert table.indicators == () and table.total_row is not None and table.total_row.budget == 40
    assert [(d.code, d.source.line) for d in diagnostics] == [("JX-R04", 1)]


def test_a_table_that_reads_carries_no_reader_diagnostic(tmp_path: Path) -> None:
    (table,), diagnostics = _read(tmp_path, CLEAN)
    assert len(table.indicators) == 3 and diagnostics == []
