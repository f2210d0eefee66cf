"""A text from which no table was read says why, in Chinese, with the file and the line it rests on."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.model import Severity
from jixiao.readers.detect import read_bytes
from jixiao.readers.text import read_path

NOTICE = """关于公开2023年部门预算项目绩效目标的通知
各科室：
根据预算公开要求，现将本局2023年项目支出绩效目标表作为附件公开。
附件：2023年项目支出绩效目标表.xls
某县财政局
2023年2月10日
"""

SELF_EVALUATION_ONE_LINE = (
    "现已完成2022年衔接资金项目绩效自评,附件:2022年衔接资金项目绩效自评表项目名称某水库监测设施项目"
    "主管部门某县水利局资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:353510"
    "100.00%10绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标数量指标"
    "安装雨量站10≥42座≥42座10\n"
)

TRADITIONAL_SELF_EVALUATION = """最新資訊
時間:2021-06-28
| 2020年度項目支出績效自評表 | |||
| 項目名稱 | 某補助經費 |
"""

HEADER_WITHOUT_ROWS = """2023年项目绩效目标
项目名称：某图书馆免费开放
绩效指标  一级指标  二级指标  三级指标  指标值
（本表内容见扫描件）
"""

MINUTES = """会议纪要

研究本年度预算编制工作。
参会人员：办公室全体。
"""


def _only(text: str, file: str = "f.txt") -> tuple[str, str, int | None, str]:
    tables, diagnostics = read_bytes(text.encode("utf-8"), file)
    assert tables == [] and len(diagnostics) == 1
    (diagnostic,) = diagnostics
    return diagnostic.code, diagnostic.message, diagnostic.source.line, str(diagnostic.source)


def test_a_notice_that_only_mentions_the_table_points_at_the_attachment() -> None:
    code, message, line, where = _only(NOTICE, "notice.txt")
    assert code == "JX-R00" and line == 3 and where == "notice.txt:3"
    assert "第3行" in message and "“绩效目标表”" in message and "附件" in message


def test_a_self_evaluation_run_together_is_named_with_the_command_to_use() -> None:
    code, message, line, _ = _only(SELF_EVALUATION_ONE_LINE)
    assert code == "JX-R10" and line == 1
    assert "绩效自评材料" in message and "jixiao evaluate" in message


def test_a_self_evaluation_in_traditional_characters_is_named_too() -> None:
    code, message, line, _ = _only(TRADITIONAL_SELF_EVALUATION)
    assert code == "JX-R10" and line == 3 and "“绩效自评表”" in message


def test_a_header_with_no_rows_under_it_cites_the_header_line() -> None:
    code, message, line, _ = _only(HEADER_WITHOUT_ROWS)
    assert code == "JX-R00" and line == 3 and "绩效指标表头" in message


def test_text_with_no_table_at_all_says_which_lines_were_looked_at(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    tables, diagnostics = read_path(path)
    assert tables == [] and len(diagnostics) == 1
    (diagnostic,) = diagnostics
    assert diagnostic.severity is Severity.ERROR and diagnostic.source.line == 1
    assert "第1行至第4行" in diagnostic.message and "没有找到项目绩效目标表" in diagnostic.message


@pytest.mark.parametrize("text", ["   \n\t\n", "\n"])
def test_only_whitespace_says_so(text: str) -> None:
    code, message, _, _ = _only(text)
    assert code == "JX-R00" and "只有空白" in message


def test_every_corpus_document_without_a_table_says_why_with_its_line() -> None:
    corpus = Path(__file__).parent.parent / "corpus"
    folders = sorted(p.parent for p in corpus.glob("*/*/document.txt"))[:400]
    unread = 0
    for folder in folders:
        document = folder / "document.txt"
        tables, diagnostics = read_path(document)
        if tables:
            continue
        unread += 1
        assert diagnostics, folder.name
        cited = [d for d in diagnostics if d.source.line is not None and d.source.file == str(document)]
        assert cited, folder.name
    assert unread >= 10  # the corpus keeps self-evaluations, notices and damaged tables


def test_a_workbook_without_a_table_cites_the_sheet_and_cell() -> None:
    import io

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "说明"
    sheet["A1"] = "关于公开项目绩效目标的说明"
    sheet["A3"] = "本单位2024年项目支出绩效目标表见附件二。"
    buffer = io.BytesIO()
    workbook.save(buffer)
    tables, diagnostics = read_bytes(buffer.getvalue(), "notice.xlsx")
    assert tables == [] and len(diagnostics) == 1
    (diagnostic,) = diagnostics
    assert diagnostic.code == "JX-R00" and str(diagnostic.source) == "notice.xlsx!说明!A3"
    assert diagnostic.message.startswith("工作簿中没有找到项目绩效目标表：只在工作表“说明”的A3单元格")


def test_a_pdf_without_a_table_cites_the_page() -> None:
    from weasyprint import HTML

    prose = "<p>会议纪要</p><p>研究本年度预算编制工作。</p>"
    data = HTML(string=f"<html><body style='font-family: Noto Sans CJK SC'>{prose}</body></html>").write_pdf()
    tables, diagnostics = read_bytes(data, "minutes.pdf")
    assert tables == [] and len(diagnostics) == 1
    (diagnostic,) = diagnostics
    assert diagnostic.code == "JX-R00" and diagnostic.source.page == 1
    assert diagnostic.message.startswith("PDF 中没有找到项目绩效目标表：第1页")
    assert "没有绩效指标表头" in diagnostic.message
