"""Head rows that open with a label the reader does not read, cut before the first label it reads.

Some provincial forms (甘肃's 部门预算项目支出绩效目标表) pair several labels and values across one row,
and the row opens with a pair the table is not about::

    一级项目名称 | 公共文化服务体系建设专项资金 | 二级项目名称 | 图书馆免费开放补助资金
    组织实施单位 | 某局 | 监督管理单位 | 某局 | 项目实施单位 | 某馆

The first names the programme above the project, not the project; a row is known by its first label, so
such a row hides the 项目名称 (or 实施单位) further along and no table starts. This stage hands on such a
row as two rows with the same place (`cells.segments` cuts it where `unread_pairs_end` says): the
unread pairs first (read for nothing), then the row from its first label the reader reads. Only a row
whose first cell is one of `UNREAD_LABELS` is touched.
"""

from __future__ import annotations

from jixiao.readers.labels import Label, label_key, label_of

# Labels of a form's head that name something the table is not about (the programme above the project,
# its codes and classes, the bodies that organise or supervise it).
UNREAD_LABELS = frozenset(
    label_key(text)
    for text in (
        "一级项目名称", "一级项目代码", "二级项目代码", "项目代码", "项目分类", "资金用途", "资金性质",
        "组织实施单位", "监督管理单位",
    )
)  # fmt: skip
UNREAD_FIRST = frozenset(key[0] for key in UNREAD_LABELS)  # most rows are told apart by one look
_NOT_FIELDS = frozenset((Label.HEADER, Label.INDICATORS, Label.SECTION, Label.OTHER_FORM))


def unread_pairs_end(cells: tuple[str, ...]) -> int | None:
    """Where a head row opening with unread pairs is to be cut (its first label the reader reads), or
    None for any other row."""
    first = cells[0].strip() if len(cells) >= 4 else ""
    if not first or first[0] not in UNREAD_FIRST or label_key(first) not in UNREAD_LABELS:
        return None
    return next((i for i in range(2, len(cells)) if _read_label(cells[i])), None)


def _read_label(text: str) -> bool:
    """Whether a cell is a head label the reader reads (not another unread one, not a header)."""
    stripped = text.strip()
    if not stripped or len(stripped) > 16 or label_key(stripped) in UNREAD_LABELS:
        return False
    label = label_of(stripped)
    return label is not None and label not in _NOT_FIELDS
