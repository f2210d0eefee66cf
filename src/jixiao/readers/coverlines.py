"""A form's cover lines, each a whole line ``label：value``: ``项 目 名 称：某项目`` (the label spaced out to
the width of the cover), ``项目单位(印章)：某所``, ``主管部门（盖章）：某局``. A stage of the text reader,
before the tables are cut: the line becomes a label cell and a value cell, so the 项目名称 on a cover
opens its table like any other. Only a cover's labels are cut (spaced out or stamped), and only the
project block's own (name, units, department); any other line with a colon stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao.readers.cells import Row
from jixiao.readers.labels import Label, label_of

_COVER_LINE = re.compile(
    r"^\s*([\u4e00-\u9fff][\u4e00-\u9fff ]{1,24}?)\s*([(（]\s*(?:印章|盖章)\s*[)）])?\s*[:：]"
    r"\s*(\S.{0,80})$"
)
_COVER_LABELS = frozenset((Label.NAME, Label.UNIT, Label.DEPARTMENT, Label.FILER))


def split_cover_lines(rows: Iterable[Row]) -> Iterator[Row]:
    """Each row that is one ``label：value`` cell of the project block, as a label cell and a value cell."""
    for row in rows:
        joined = "".join(row.cells)  # one search in C first: most rows hold no colon
        if "：" not in joined and ":" not in joined:
            yield row
            continue
        filled = [cell for cell in row.cells if cell.strip()]
        if len(filled) != 1 or ("：" not in filled[0] and ":" not in filled[0]):
            yield row
            continue
        match = _COVER_LINE.match(filled[0])
        if match is None or not _on_a_cover(match) or label_of(match.group(1)) not in _COVER_LABELS:
            yield row
            continue
        yield replace(row, cells=("".join(match.group(1).split()), match.group(3).strip()), cell_sources=None)


def _on_a_cover(match: re.Match[str]) -> bool:
    """A cover's label: spaced out to the cover's width (``项 目 名 称``) or stamped (``(印章)``); its value
    holds no further label (``申报单位: 某馆 金额单位:万元`` is cut by the project block at its labels)."""
    label, stamp, value = match.group(1), match.group(2), match.group(3)
    return (" " in label.strip() or stamp is not None) and ":" not in value and "：" not in value
