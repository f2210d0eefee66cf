"""Text forms → rows of cells: the stages that run on published text before the grid reader.

Published tables reach us as text in many forms: tab-separated (the seed, spreadsheets), flattened
HTML with ``|`` between the cells of a row, flattened HTML with one cell per line each ending in
`` |`` (and lines of bare ``|``/``||`` for merged or empty cells), one cell per line with blank lines
between (and a lone space for an empty cell), and text with the cells of a row separated by runs of
spaces. `detect_layout` decides which from the text; `text_rows` cuts it into `Row`s.

Before cutting, each line is normalised (`normalise_line`): Traditional characters of mirror sites
(``績效目標(biāo)``, the pinyin in brackets dropped) become simplified, ``<image>`` tags and site
furniture lines (``扫一扫在手机打开当前页``) are dropped. Values keep their symbols (``>=``, ``＝``):
the value grammar reads them and ``raw`` must stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Final

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.boxdrawn import is_box_drawn, unboxed
from jixiao.readers.cells import Row
from jixiao.readers.cellwraps import join_broken_pipe_rows, join_wrapped_cell_lines
from jixiao.readers.centredwraps import join_centred_wraps
from jixiao.readers.flatpdf import (
    SHORTEST_FLATTENED,
    flattened_cells,
    is_flattened_pdf,
    join_flattened_pages,
    running_header_lines,
)
from jixiao.readers.furniture import is_furniture, join_wrapped_categories, split_labelled
from jixiao.readers.labels import Label, label_key, label_of
from jixiao.readers.linewraps import join_wrapped_lines
from jixiao.readers.pdfwraps import join_wrapped_category_lines
from jixiao.readers.regionruns import split_regional_run
from jixiao.readers.roles import WEIGHT, role_of
from jixiao.readers.runs import LONG_RUN, RUN_TOGETHER, continued_runs, is_long_run, split_long_run
from jixiao.readers.runtogether import (
    first_run_together_line,
    is_run_together,
    is_tree_header,
    run_together_cells,
    split_run_together,
    split_words,
    uncut_indicator,
)
from jixiao.readers.traditional import SIMPLIFIED, TRADITIONAL
from jixiao.readers.weighttails import weight_tails
from jixiao.readers.wordcells import rejoined_line

__all__ = [
    "Layout",
    "detect_layout",
    "first_run_together_line",
    "is_furniture",
    "is_run_together",
    "join_wrapped_categories",
    "split_labelled",
    "split_run_together",
    "split_words",
    "text_rows",
]


class Layout:
    """How a plain-text table lays out its cells: tabs, pipes, space runs, single spaces or one per line."""

    TABS: Final = "tabs"  # cells between tabs, one row per line
    PIPES: Final = "pipes"  # cells between |, one row per line
    CELL_PIPES: Final = "cell_pipes"  # one cell per line, each ending in " |"; bare | lines are empty cells
    SEP_PIPES: Final = "sep_pipes"  # a cell's lines, then a bare | line; a second bare | closes the row
    SPACES: Final = "spaces"  # cells separated by runs of two or more spaces
    WORDS: Final = "words"  # cells separated by single spaces (HTML rows flattened to a line)
    LINES: Final = "lines"  # one cell per line


_SAMPLE = 3000  # lines looked at to decide the text form
_MARKDOWN_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_PIPES_ONLY = re.compile(r"^\s*(?:\|\s*)+$")
_SPACE_RUN = re.compile(r"(?:[ \u00a0]{2,}|\u3000+)")
_IMAGE_TAG = re.compile(r"<\s*(?:image|img)\b[^>]{0,300}>", re.IGNORECASE)
# A syllable after its character: toned (``標(biāo)``) or one of the few toneless ones (``的(de)``).
_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*|de|le|men|me|zi|ma|ne|ba|zhe|ge)\)"
)
_TO_SIMPLIFIED = str.maketrans(TRADITIONAL, SIMPLIFIED)  # every character simplified text never uses
_TRADITIONAL_HINT = frozenset("項績標實數產經濟質時滿單體總級萬額資區縣財廳學專")


def normalise_line(line: str, traditional: bool) -> str:
    """One line made readable: Traditional → simplified (pinyin dropped), ``<image>`` tags removed."""
    if "<" in line:
        line = _IMAGE_TAG.sub("", line)
    if traditional:
        line = _PINYIN.sub("", line).translate(_TO_SIMPLIFIED)
    return line


def is_traditional(text: str) -> bool:
    """True when the text is written in Traditional characters (a mirror site or a Hong Kong source)."""
    sample = text[:20000]
    return sum(1 for c in sample if c in _TRADITIONAL_HINT) >= 5


def detect_layout(lines: list[str]) -> str:
    """The text form, decided by how most non-empty lines look (never by one line)."""
    filled = [line for line in lines[:_SAMPLE] if line.strip()]  # the form shows in the first lines
    if not filled:
        return Layout.LINES
    tabs = sum("\t" in line for line in filled)
    if tabs * 5 >= len(filled):
        return Layout.TABS
    piped = [line.strip() for line in filled if "|" in line]
    if len(piped) * 5 >= len(filled):
        cell_per_line = sum(1 for line in piped if sum(1 for c in line.split("|") if c.strip()) <= 1)
        if cell_per_line * 3 >= len(piped) * 2:
            bare = sum(1 for line in piped if _PIPES_ONLY.match(line))
            if bare == len(piped) and bare * 5 >= len(filled) * 2:  # no cell ends in |: the | stand between
                return Layout.SEP_PIPES
            return Layout.CELL_PIPES
        return Layout.PIPES
    spaced = sum(1 for line in filled if len(_SPACE_RUN.split(line.strip())) >= 3)
    if spaced * 4 >= len(filled):
        return Layout.SPACES
    worded = sum(
        1 for line in filled if line.count(" ") >= 2 and len(split_words(line)) >= 3 and _CJK.search(line)
    )
    if worded * 4 >= len(filled) and worded >= 5:
        return Layout.WORDS
    return Layout.LINES


_CJK = re.compile(r"[\u4e00-\u9fff]")
_ONE_LINE_TABLE_SHORTEST = min(LONG_RUN, SHORTEST_FLATTENED)  # characters of a whole table on one line


def text_rows(text: str, file: str | None = None, notes: list[Diagnostic] | None = None) -> Iterator[Row]:
    """Cut text into rows of cells, with each row's line number.

    In the one-cell-per-line forms a lone ``|`` line, or a line holding only a space between blank
    lines, stands for an empty cell; it is kept (``blank=True``) so the grid reader can tell a missing
    value from a value that moved.
    """
    if is_box_drawn(text[:20000]):  # ┌─┬┐ │a│b│ ├─┼┤: the rules dropped, each drawn row a | row
        text = unboxed(text)
    lines = text.splitlines()
    layout = detect_layout(lines)
    traditional = is_traditional(text)
    run_together = layout == Layout.LINES and is_run_together(lines)
    in_block = False  # past the indicator header: only category names are peeled off a line
    normalising = traditional or "<im" in text or "<IM" in text
    if layout == Layout.PIPES:
        yield from _pipe_rows(lines, file, traditional if normalising else None)
        return
    if layout == Layout.SEP_PIPES:
        yield from _separated_rows(lines, file, traditional if normalising else None)
        return
    if layout == Layout.SPACES:  # a PDF's text: category labels wrapped in their narrow columns joined
        lines = join_wrapped_category_lines(lines)
    if layout == Layout.WORDS:  # a PDF's text with single spaces: cells cut inside and wrapped
        lines = join_centred_wraps([rejoined_line(line) for line in lines], file, notes)
    if layout in (Layout.SPACES, Layout.WORDS):
        headers = running_header_lines(lines)  # a PDF's text as laid out: its running header mid-table
        spaced = [line if i not in headers else "" for i, line in enumerate(lines)]
        yield from _word_rows(spaced, file, traditional if normalising else None, layout == Layout.SPACES)
        return
    weights = weight_tails(lines, file, notes) if run_together else {}
    if layout == Layout.LINES:
        lines = join_flattened_pages(lines)  # a PDF's words over several lines: one run, as on one line
        lines = lines if run_together else join_wrapped_lines(lines, file, notes)  # ≥ / 4次: wrapped cells
    if layout == Layout.CELL_PIPES:  # 丰富…服务 / 均等化水平 |: a cell the page broke, one cell
        lines = join_wrapped_cell_lines(lines)
    headers = running_header_lines(lines) if layout in (Layout.LINES, Layout.CELL_PIPES) else set()
    continued = continued_runs(lines) if layout == Layout.LINES else set()
    tabs, cell_pipes, one_per_line = (
        layout == Layout.TABS,
        layout == Layout.CELL_PIPES,
        layout == Layout.LINES,
    )
    for number, raw_line in enumerate(lines, start=1):
        line = normalise_line(raw_line, traditional) if normalising else raw_line
        source = SourceRef(file, number)
        if tabs:
            yield Row(tuple(line.split("\t")), source)
            continue
        if line and (is_furniture(line) or number - 1 in headers):
            continue  # site furniture, a running header or footer beside a page number
        if cell_pipes:
            yield from _cell_pipe_rows(line, source)
        elif (
            one_per_line
            # a shorter line is neither a flattened PDF (`is_flattened_pdf`) nor a run (`is_long_run`):
            # only a line going on with a run (``continued``) is tried whatever its length
            and (len(line) >= _ONE_LINE_TABLE_SHORTEST or number - 1 in continued)
            and (run := _one_line_table(line, source, notes, number - 1 in continued))
        ):
            for cell in run:  # a whole table on one line: a PDF's words, or cells run together
                yield Row((cell,), source, None, False)
        elif run_together:
            rest, *weight_cells = weights.get(number - 1, (line.strip(),))
            cells = run_together_cells(rest, in_block) + weight_cells  # …86010: 860, then 分值 10
            if in_block and notes is not None and uncut_indicator(cells):
                notes.append(_uncut_row(cells[-1], source))
            in_block = in_block or any(is_tree_header(cell) for cell in cells)
            for cell in cells:
                yield Row((cell,), source, None, False, not cell)
        elif not line:
            yield Row((line,), source, None, False)  # by position: keywords cost a third more per row
        else:
            stripped = line.strip()
            if not stripped or stripped == "|" or stripped == "||":
                yield Row(("",), source, None, False, True)
            else:
                yield Row((line,), source, None, False)


def _cell_pipe_rows(line: str, source: SourceRef) -> Iterator[Row]:
    """One line of the cell-per-line form with `` |`` tails: its cells, a lone ``|`` an empty cell."""
    stripped = line.strip()
    if not stripped:
        return
    if _PIPES_ONLY.match(stripped):
        yield Row(("",), source, columns_known=False, blank=True)
        return
    for cell in stripped.strip("|").split("|"):
        if cell.strip():
            yield Row((cell.strip(),), source, columns_known=False)


def _uncut_row(text: str, source: SourceRef) -> Diagnostic:
    message = (
        f"单元格连在一起：“{text}”中指标名称与指标值之间没有分隔，指标值不是数字、比较符或日期，"
        "无法确定从哪里拆分：按原文整体保留为指标名称，指标值留空；请核对原表"
    )
    return Diagnostic(RUN_TOGETHER, Severity.WARNING, message, source)


def _one_line_table(
    line: str, source: SourceRef, notes: list[Diagnostic] | None, continuing: bool = False
) -> list[str] | None:
    """The cells of a whole table on one line: a flattened PDF's words (page furniture dropped), or
    cells run together, or (``continuing``) the rest of a run's project block; None for any other line."""
    if continuing:
        return split_long_run(line)
    if is_flattened_pdf(line):
        return flattened_cells(line)
    return _long_run(line, source, notes) if is_long_run(line) else None


def _long_run(line: str, source: SourceRef, notes: list[Diagnostic] | None) -> list[str] | None:
    """The cells of a whole table run together on one line, or None — then `RUN_TOGETHER` says why
    nothing was read from it (never a guessed cut)."""
    cells = split_long_run(line)
    if cells is None and (cells := split_regional_run(line)) is not None:
        if notes is not None:
            message = (
                "整张表的单元格连成一行，指标值按地区分列且连在一起，指标名称、说明与各地区的值之间"
                "无法可靠拆分：每行按原文整体保留为指标名称，指标值留空；请提供原表格文件（Excel、Word）"
            )
            notes.append(Diagnostic(RUN_TOGETHER, Severity.WARNING, message, source))
        return cells
    if cells is None and notes is not None:
        message = (
            f"整张表的单元格连成一行（{len(line.strip())}个字符），指标名称、说明与指标值之间没有分隔，"
            "无法可靠拆分：按原文保留，未从中读取指标；请提供原表格文件（Excel、Word）"
        )
        notes.append(Diagnostic(RUN_TOGETHER, Severity.WARNING, message, source))
    return cells


_GOES_ON = frozenset(("定性", "定量"))  # a row of words ending at its 指标性质: the value is on the next line


def _word_rows(lines: list[str], file: str | None, traditional: bool | None, runs: bool) -> Iterator[Row]:
    """Rows of cells separated by runs of spaces (``runs``) or single spaces: the cells in order, not
    under their header's columns (merged cells left out). A row ending at its 指标性质 (``… 定性``)
    takes the one-word lines after it (the value, the weight) as its own."""
    held: Row | None = None
    held_lines = 0
    last: Row | None = None  # the row before, where the header ends in a 权重 column
    weight_last = False
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line if traditional is None else normalise_line(raw_line, traditional)
        stripped = line.strip()
        if not stripped or is_furniture(line):
            continue
        cells = _SPACE_RUN.split(stripped) if runs else split_words(stripped)
        if runs and " " in stripped:
            cells = [part for cell in cells for part in split_labelled(cell)]
        if held is not None and len(cells) == 1 and held_lines < 2:
            held, held_lines = replace(held, cells=(*held.cells, *cells)), held_lines + 1
            continue  # 定性 / 持续提升 / 15: the value and the weight wrapped onto lines of their own
        if held is not None:
            yield held
            held = None
        if weight_last and held is None and _is_lone_weight(cells) and last is not None:
            yield replace(last, cells=(*last.cells, cells[0]))  # the weight wrapped onto a line alone
            last = None
            continue
        if last is not None:
            yield last
            last = None
        if len(cells) > 1 and is_tree_header(cells[0]):
            weight_last = role_of(label_key(cells[-1])) == WEIGHT
        pairs = _label_pairs(cells)
        if pairs is not None:  # 单位信息: 324001-某局 项目名称: — one row per label
            for pair in pairs:
                yield Row(pair, SourceRef(file, number), aligned=False)
            continue
        row = Row(tuple(cells), SourceRef(file, number), aligned=False)
        if weight_last and len(cells) > 2:
            last = row  # an indicator row: its weight may stand alone on the next line
            continue
        if len(cells) > 2 and cells[-1] in _GOES_ON:
            held, held_lines = row, 0
            continue
        yield row
    if held is not None:
        yield held
    if last is not None:
        yield last


_LONE_WEIGHT = re.compile(r"^\d{1,3}(?:\.\d+)?$")
_LABELLED_CELL = re.compile(r"^([\u4e00-\u9fff][\u4e00-\u9fff()（）%]{1,15})[:：](.*)$")


def _is_lone_weight(cells: list[str]) -> bool:
    """A line holding one number up to 100: a 权重 cell wrapped below its row."""
    return len(cells) == 1 and bool(_LONE_WEIGHT.match(cells[0])) and Decimal(cells[0]) <= 100


def _label_pairs(cells: list[str]) -> list[tuple[str, ...]] | None:
    """A line of ``label: value`` pairs two to a line (``单位信息: 324001-某局 项目名称:``, or with the
    value after the colon, ``单位信息:324001-某局 项目名称:某项目``), cut into one row per label with the
    cells up to the next label as its value; None for any other line. The first label must be one the
    catalogue knows (a head label, never an indicator header)."""
    if not cells or ("：" not in cells[0] and ":" not in cells[0]):  # cheap test first: every row
        return None
    split: list[str] = []
    starts: list[int] = []
    for cell in cells:
        match = _LABELLED_CELL.match(cell)
        if match is None:
            split.append(cell)
            continue
        label, value = match.group(1), match.group(2).strip()
        if value and label_of(label) in (None, Label.HEADER, Label.INDICATORS):
            split.append(cell)  # text with a colon inside, not a label
            continue
        starts.append(len(split))
        split.append(label + ":")
        if value:
            split.append(value)
    if len(starts) < 2 or starts[0] != 0 or label_of(split[0][:-1]) in (None, Label.HEADER, Label.INDICATORS):
        return None
    ends = [*starts[1:], len(split)]
    return [tuple(split[start:end]) for start, end in zip(starts, ends, strict=True)]


def _pipe_rows(lines: list[str], file: str | None, traditional: bool | None) -> Iterator[Row]:
    """One row per line, cells between ``|``; a row broken over lines after a label cell is joined
    (`_continues`) where the rows of the text end in tails of empty cells."""
    tails = _rows_end_in_tails(lines)
    bordered = _bordered(lines)
    if tails:  # 社会效益指标 | 丰富…服务 / 均等化水平 | 效果良好 | ||: a row broken inside its last cell
        lines = join_broken_pipe_rows(lines)
    pending = ""  # a | row broken over lines, waiting for its end
    start = 0
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line if traditional is None else normalise_line(raw_line, traditional)
        if line and is_furniture(line):
            continue
        stripped = line.strip()
        if "---" in stripped and _MARKDOWN_RULE.match(stripped):  # a rule has three dashes at least
            continue
        if stripped.startswith("|") and bordered:
            stripped = stripped[1:]
        # a broken row shows three | at most (`_continues`): tested here first, with no call per row
        if tails and stripped.count("|") <= 3 and _continues(stripped) and not _opens_row(lines, number):
            start = start or number  # 绩效指标 | 一级 指标 | / 二级 指标 | …: one row
            pending += stripped
            continue
        if pending:
            stripped, pending = pending + stripped, ""
        if stripped.endswith("|"):
            stripped = stripped[:-1]
        yield Row(tuple(stripped.split("|")), SourceRef(file, start or number))
        start = 0


_TEMPLATE_NOTE = re.compile(r"\s*[(（]\s*(?:必填|选填)[^()（）]{0,8}[)）]\s*$")


def without_template_notes(rows: Iterable[Row]) -> Iterator[Row]:
    """Category cells freed of the template's filling notes: ``数量指标 (必填硬性指标)``, ``经济效益 指标
    (选填)`` → the category as the catalogue names it. Other cells (names, values) are left as written."""
    from jixiao import catalog

    for row in rows:
        if "填" not in "".join(row.cells):  # one search in C: this runs on every row
            yield row
            continue
        cells = []
        for cell in row.cells:
            if "填" in cell:
                bare = _TEMPLATE_NOTE.sub("", cell)
                squeezed = "".join(bare.split())
                if bare != cell and catalog.is_category_name(squeezed):
                    cell = squeezed
            cells.append(cell)
        yield replace(row, cells=tuple(cells))


_TAIL = re.compile(r"\|\s*\|\s*$")


def _bordered(lines: list[str]) -> bool:
    """True when the | rows open with a border (``| a | b |``, as in Markdown): all but a few of them
    open with ``|``. Where many open with their first cell (``a | b | c``), the ``|`` stand between
    cells, and a row opening with ``|`` has an empty first cell (`` | 年度资金总额 | …``) it keeps."""
    piped = [stripped for line in lines[:_SAMPLE] if "|" in (stripped := line.strip())]
    celled = sum(1 for line in piped if not line.startswith("|"))
    return celled * 10 <= len(piped)


def _rows_end_in_tails(lines: list[str]) -> bool:
    """True when most | rows end in a tail of empty cells (``| ||||``), as flattened HTML tables do:
    then a line ending in a single ``|`` after a label is a row broken over lines, not a row."""
    piped = [line for line in lines[:_SAMPLE] if "|" in line]
    return len(piped) >= 5 and sum(1 for line in piped if _TAIL.search(line)) * 2 >= len(piped)


def _opens_row(lines: list[str], number: int) -> bool:
    """Whether the line after line ``number`` (1-based) opens a row of its own: a category
    (``产出指标 | 数量指标 | …`` under a header that ends in a single ``|``)."""
    from jixiao import catalog

    for line in lines[number : number + 3]:
        first = line.strip().lstrip("|").split("|", 1)[0].strip()
        if first:
            return catalog.is_category_name("".join(first.split()))
    return True


def _continues(stripped: str) -> bool:
    """A | row broken after a label cell (``项目 名称 |``, ``绩效指标 | 一级 指标 |``): it goes on."""
    from jixiao.readers.labels import label_of

    if not stripped.endswith("|") or stripped.count("|") > 3:  # a broken row shows few cells per line
        return False
    inner = stripped[:-1].rstrip()
    if not inner or inner[-1] == "|":  # a tail of empty cells closes the row
        return False
    last = inner.rsplit("|", 1)[-1].strip()
    return bool(last) and len(last) <= 24 and not last[-1].isdigit() and label_of(last) is not None


def _separated_rows(lines: list[str], file: str | None, traditional: bool | None) -> Iterator[Row]:
    """The form where every cell's text is followed by a line holding only ``|`` and a second ``|``
    line closes the row. A cell's text may run over several lines (``项目资金`` / ``(万元)``, a label
    written one character per line): they are one cell, joined. An empty cell also shows as a bare
    ``|``, so a row with an empty cell is cut there: the grid reads both parts by meaning."""
    cells: list[str] = []
    parts: list[str] = []
    start = 0
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line if traditional is None else normalise_line(raw_line, traditional)
        stripped = line.strip()
        if not stripped or is_furniture(line):
            continue
        if not _PIPES_ONLY.match(stripped):
            if not cells and not parts:
                start = number
            parts.append(stripped)
            continue
        if parts:
            cells.append(_joined(parts))
            parts = []
        elif cells:
            yield Row(tuple(cells), SourceRef(file, start), aligned=False)
            cells = []
    if parts:
        cells.append(_joined(parts))
    if cells:
        yield Row(tuple(cells), SourceRef(file, start), aligned=False)


def _joined(parts: list[str]) -> str:
    """The lines of one cell as one text: no space between Chinese characters, one between words."""
    text = parts[0]
    for part in parts[1:]:
        text += " " + part if text[-1].isascii() and text[-1].isalnum() and part[0].isascii() else part
    return text
