"""Text → tables: the text forms are cut into rows by `textforms` (tabs, ``|``, one cell per line,
runs of spaces; Traditional characters and page furniture normalised) or `indented` (a 批复表 outline),
the meaning is read by `grid`. Text whose cells ran together with nothing to cut them by gives no table
and a `RUN_TOGETHER` diagnostic saying so, never a guessed cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, takewhile, tee
from pathlib import Path

from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.boxdrawn import is_box_drawn, unboxed
from jixiao.readers.brackets import has_bracket_list, split_bracket_lists
from jixiao.readers.categorytails import join_category_tails
from jixiao.readers.cells import Row
from jixiao.readers.columns import Weights, attach_weights, fold_columns
from jixiao.readers.columnwise import columnwise_block, without_unknown_tree
from jixiao.readers.columnwise_line import why_column_by_column
from jixiao.readers.coverlines import split_cover_lines
from jixiao.readers.grid import read_rows
from jixiao.readers.indented import indented_rows, is_indented_tree
from jixiao.readers.labels import Label, label_of
from jixiao.readers.listform import split_list_form
from jixiao.readers.listrun import list_rows
from jixiao.readers.notice import looks_like_prose_targets, read_prose_targets
from jixiao.readers.prose import is_prose_targets, prose_rows
from jixiao.readers.prose_inline import inline_prose_rows
from jixiao.readers.rowspans import restore_spanned_cells
from jixiao.readers.runs import RUN_TOGETHER
from jixiao.readers.sections import name_sections
from jixiao.readers.splitlabels import labels_around_values
from jixiao.readers.textforms import (
    Layout,
    detect_layout,
    first_run_together_line,
    is_traditional,
    join_wrapped_categories,
    normalise_line,
    text_rows,
    without_template_notes,
)
from jixiao.readers.unread import why_nothing_read

FILE_PROBLEM = "JX-R00"

__all__ = [
    "FILE_PROBLEM",
    "Layout",
    "TextCut",
    "decode",
    "detect_layout",
    "file_problem",
    "read_path",
    "read_text",
    "text_rows",
]


class TextCut:
    """A text cut into rows once (`textforms.text_rows`) for two readers: the table reader takes the
    rows while they are cut (`as_cut`), the self-evaluation check all of them afterwards (`rows`)."""

    def __init__(self, text: str, file: str | None) -> None:
        self.text = text
        self.file = file
        self._kept: Iterator[Row] | None = None  # the second of two `tee` iterators over the cut
        self._rows: list[Row] | None = None

    def as_cut(self, notes: list[Diagnostic] | None) -> Iterator[Row]:
        """The rows while they are cut, cells run together noted in ``notes``; asked for once."""
        if self._kept is not None or self._rows is not None:
            raise RuntimeError("TextCut.as_cut: the text is being cut already")
        # tee keeps (in C) each row the reader takes until `rows` asks for them, and cuts the rest then
        reading, self._kept = tee(text_rows(self.text, self.file, notes))
        return reading

    def rows(self) -> list[Row]:
        """Every row of the text: those the reader took, then the rest (the reader may stop early)."""
        if self._rows is None:
            self._rows = list(self._kept if self._kept is not None else text_rows(self.text, self.file))
            self._kept = None
        return self._rows


def read_text(
    text: str, file: str | None = None, cut: TextCut | None = None
) -> tuple[list[Table], list[Diagnostic]]:
    """Read every table in a text; return the tables and the diagnostics. ``cut`` (of the same text
    and file) keeps the rows for another reader of the same file (`TextCut.rows`).

    Split value columns (指标性质 | 指标值 | 度量单位) and 权重 columns are folded first (`columns`),
    as for workbooks, so a table copied out of a unit's form reads the same as the official layout.
    Targets set in prose are tried two ways: as a notice with its money and year above the headings
    (`readers.notice`), then, when that finds no table, as numbered lines under category headings
    (`readers.prose`).
    """
    if is_box_drawn(text[:20000]):  # ┌─┬┐ │a│b│ ├─┼┤: the rules dropped, each drawn row a | row
        text = unboxed(text)
    if looks_like_prose_targets(text):  # a notice's targets with its money and year above them
        tables, diagnostics = _read(text, read_prose_targets(text_rows(text, file)), [], file)
        if tables:
            return tables, diagnostics
    notes: list[Diagnostic] = []
    head = text[:20000]
    if _VALUE_HEADER_LINE.search(head) and (block := columnwise_block(lines := text.splitlines(), file)):
        rows_before = takewhile(lambda row: (row.source.line or 0) <= block.head_end, text_rows(text, file))
        tables, diagnostics = _read(text, chain(rows_before, block.rows), [], file)
        if tables:  # a block extracted column by column: the names and values paired in order
            return tables, diagnostics + without_unknown_tree(tables, block, file)
    targets = not _names_other_form(head)  # a 自评表 run together is named as such, not as run together
    noting = notes if targets else None
    cutting = cut.as_cut(noting) if cut is not None else text_rows(text, file, noting)
    rows: Iterable[Row] = split_cover_lines(join_wrapped_categories(join_category_tails(cutting)))
    if "|" in head:  # a flattened HTML table: rows that lost their merged cells put back under columns
        rows = restore_spanned_cells(rows)
    if ("绩效金额" in head or "績效金額" in head) and is_indented_tree(lines := _normalised_lines(text)):
        rows = indented_rows(lines, file)  # a 批复表 whose tree is written by indentation
    listed = list_rows(text.splitlines(), file) if "指标值类型" in head else None  # 湖南's list, run together
    if listed is not None:
        rows, notes = listed
    if ("指标" in head or "指標" in head) and "一级指标" not in head and "三级指标" not in head:  # prose?
        traditional = is_traditional(text)
        lines = [normalise_line(line, traditional) for line in text.splitlines()]
        prose, found = prose_rows(lines, file) if is_prose_targets(lines) else inline_prose_rows(lines, file)
        if prose:
            rows, notes = prose, found
    tables, diagnostics = _read(text, rows, notes, file)
    if targets and not tables and not any(d.code in (RUN_TOGETHER, OTHER_FORM) for d in diagnostics):
        diagnostics += _why_run_together(text, file)
    if targets and not tables:  # 年度目标值 alone over a line of values: extracted column by column
        diagnostics += why_column_by_column(text, file)
    if not tables and not any(d.severity is Severity.ERROR or d.code in _SAY_WHY for d in diagnostics):
        diagnostics.append(why_nothing_read(text, file))
    return tables, diagnostics


def _normalised_lines(text: str) -> list[str]:
    """The lines of a text, Traditional characters made simplified where the text is written in them."""
    if not is_traditional(text):
        return text.splitlines()
    return [normalise_line(line, True) for line in text.splitlines()]


def _names_other_form(head: str) -> bool:
    """Whether the text speaks of a self-evaluation or monitoring form (then it is not read as targets)."""
    return "自评" in head or "自我评价" in head or "监控" in head


def _why_run_together(text: str, file: str | None) -> list[Diagnostic]:
    """Where no table was read from text whose rows have their cells run together: say so, with the
    first such line (never a guessed cut)."""
    lines = text.splitlines()
    if detect_layout(lines) != Layout.LINES or (line := first_run_together_line(lines)) is None:
        return []
    message = (
        "文本中每行的单元格连在一起（没有分隔符），指标名称、指标值与说明之间无法可靠拆分，"
        "未读出绩效目标表；请提供原表格文件（Excel、Word 或网页）"
    )
    return [Diagnostic(RUN_TOGETHER, Severity.WARNING, message, SourceRef(file, line))]


def _read(
    text: str, rows: Iterable[Row], diagnostics: list[Diagnostic], file: str | None
) -> tuple[list[Table], list[Diagnostic]]:
    weights = Weights()
    if "填" in text:  # 数量指标 (必填硬性指标): the template's notes on category cells
        rows = without_template_notes(rows)
    if "自评" in text or "监控" in text or "自我评价" in text:  # a whole-text search is cheaper than per row
        rows = _noting_other_forms(rows, diagnostics)
    if "】" in text and has_bracket_list(text):  # 【产出指标-数量指标】 over 指标1:名称(值) lines
        rows = split_bracket_lists(rows)
    if _LIST_HEADER.search(text):
        rows = split_list_form(rows)
    if "金额" in text or "资金" in text:  # 年度本级 / 180万 / 预算金额: a label split around its value
        rows = labels_around_values(rows)
    if _SECTION_HEADING.search(text):  # 一、某项目 / 年度资金总额:… / the table: the heading names it
        rows = name_sections(rows)
    # every cell is cut from the text (no stage writes 填): without 填 in it, no template note anywhere
    tables, found = read_rows(fold_columns(rows, weights, diagnostics, template_notes="填" in text), file)
    return attach_weights(tables, weights), diagnostics + found


OTHER_FORM = "JX-R10"
_VALUE_HEADER_LINE = re.compile(
    r"^\s*指标值\s*$", re.MULTILINE
)  # 指标值 alone: values may follow in a column
_SAY_WHY = (RUN_TOGETHER, OTHER_FORM)  # diagnostics that already say why no table came out of a text
_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]", re.MULTILINE)
_LIST_HEADER = re.compile(
    r"项目名称[^\n]{0,200}一级指标"
)  # a list-form header: project columns, then the tree
_OTHER_FORM_HELP = {
    "自评": "这是绩效自评表，不是绩效目标表：请用 jixiao evaluate-template 生成该项目的自评表模板，"
    "填好后用 jixiao evaluate 评分",
    "监控": "这是绩效监控表，不是绩效目标表：请用 jixiao monitor-template 生成监控表模板，"
    "填好后用 jixiao monitor 读取",
}


def _noting_other_forms(rows: Iterable[Row], diagnostics: list[Diagnostic]) -> Iterator[Row]:
    """Pass the rows on; a 自评表 or 监控表 title becomes one diagnostic naming the command to use."""
    for row in rows:
        for cell in row.cells:  # the first non-empty cell, without a generator: this runs on every row
            if cell:
                break
        else:
            cell = ""
        text = cell.strip() if "表" in cell else ""
        if text and label_of(text) is Label.OTHER_FORM:
            kind = "自评" if ("自评" in text or "自我评价" in text) else "监控"
            message = f"“{text}”：{_OTHER_FORM_HELP[kind]}"
            diagnostics.append(Diagnostic(OTHER_FORM, Severity.WARNING, message, row.source))
        yield row


def decode(data: bytes) -> str | None:
    """Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK/GB18030; None if binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:8192]:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text if _mostly_text(text) else None
    return None


# Control characters other than tab, line feed, form feed and carriage return: a binary file has many.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _mostly_text(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return True
    control = len(_CONTROL.findall(sample))
    return control * 50 < len(sample)


def read_path(path: str | Path) -> tuple[list[Table], list[Diagnostic]]:
    """Read a text file; a missing, empty, binary or undecodable file gives one clear diagnostic."""
    p = Path(path)
    name = str(path)
    problem = file_problem(p)
    if problem is not None:
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, problem, SourceRef(name))]
    text = decode(p.read_bytes())
    if text is None:
        message = "不是文本文件（可能是二进制文件或无法识别的编码）"
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]
    return read_text(text, name)


def file_problem(path: Path) -> str | None:
    """Why a path cannot be read at all, in Chinese, or None."""
    if not path.exists():
        return "文件不存在"
    if path.is_dir():
        return "这是一个目录，不是文件"
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"无法读取文件：{exc.strerror}"
    if size == 0:
        return "文件是空的"
    return None
