"""Cells wrapped over lines in the one-cell-per-line text form (each cell's line ends in `` |``).

A page flattened one cell a line ends each cell with `` |``; a cell whose text the page broke keeps its
first lines bare (``丰富基层群众精神文化生活,提升公共文化服务`` / ``均等化水平 |``, ``项目资金`` /
``(万元) |``, a label one character a line). Bare lines running straight into a `` |`` line are that
one cell: joined onto its first line, the lines after it left empty so every line keeps its number. A
run that ends at a blank line or a lone ``|`` is not a cell (a page's title and date above the table).

The ``|`` row form breaks the same way: a row whose last cell the page broke stops without its closing
``|`` (``效益指标 | 社会效益指标 | 丰富…服务`` / ``均等化水平 | 效果良好 | ||``); the next line goes on with
that cell (`join_broken_pipe_rows`).
"""

from __future__ import annotations

from jixiao import catalog
from jixiao.model import Kind
from jixiao.readers.labels import label_of
from jixiao.values import parse_target_with_reason

_SENTENCE = 8  # a cell broken at a line's end is a sentence: a short one ends a row that lost its |
_LONGEST_WRAP = 8  # lines of one cell: a four-character label written one character a line, and more


def join_wrapped_cell_lines(lines: list[str]) -> list[str]:
    """The lines with each wrapped cell joined onto its first line (the others left empty)."""
    joined = list(lines)
    run: list[int] = []  # bare lines (text, no |) seen in a row
    after_cell = False  # the line before the run holds a cell's text: the run is inside the table
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            run, after_cell = [], False
            continue
        if "|" not in stripped:
            run.append(number)
            continue
        text = stripped.rstrip("|").strip()
        if run and after_cell and _one_cell(text, len(run)):
            parts = [lines[n].strip() for n in run] + [text]
            joined[run[0]] = _joined(parts) + " |"
            for n in [*run[1:], number]:
                joined[n] = ""
        run, after_cell = [], bool(text)
    return joined


def join_broken_pipe_rows(lines: list[str]) -> list[str]:
    """``|`` rows (of a form whose rows end in ``|``) broken inside their last cell, joined onto their
    first line; the line that went on is left empty, so every line keeps its number."""
    joined = list(lines)
    for number in range(len(lines) - 1):
        line = joined[number].strip()
        if "|" not in line or line.endswith("|"):
            continue
        following = lines[number + 1].strip()
        first = following.split("|", 1)[0].strip()
        if not following.endswith("|") or not _one_cell(first, 1):
            continue  # the next line opens a row of its own (a category, a label) or is no row
        last = line.rsplit("|", 1)[1].strip()
        if _broken_text(last):
            joined[number] = _joined([line, following])
            joined[number + 1] = ""
    return joined


def _broken_text(last: str) -> bool:
    """Whether a row's last cell, with no ``|`` after it, reads as text the page broke: a sentence, not a
    label or a value (``40个`` at a line's end is a row that merely lost its closing ``|``)."""
    if len(last) < _SENTENCE or label_of("".join(last.split())) is not None:
        return False
    target, _ = parse_target_with_reason(last, None)
    return target.kind not in (Kind.QUANTITATIVE, Kind.DEADLINE, Kind.RANGE)


def _one_cell(text: str, wrapped: int) -> bool:
    """Whether a cell's last line ends the bare lines before it as one cell: it is a cell's text, not
    a label or a category standing as a cell of its own (a title above ``项目名称 |``)."""
    if not text or "|" in text or wrapped >= _LONGEST_WRAP:
        return False
    key = "".join(text.split())
    return label_of(key) is None and not catalog.is_category_name(key)


def _joined(parts: list[str]) -> str:
    """The lines of one cell as one text: no space between Chinese characters, one between words."""
    text = parts[0]
    for part in parts[1:]:
        text += " " + part if text[-1].isascii() and text[-1].isalnum() and part[0].isascii() else part
    return text
