"""A funds block split by government level, its amounts in a row (or spread over lines) under two headers.

The 湖南 专项资金预算绩效目标申报表 writes its money as a small table inside the project block::

    专项资金情况 | 本年度预计投入(万元) | 财政资金(万元) | 其他
    中央 | 省级 | 市级资金 | 本级
    57 | 42 | 15 | 0 | 0 | 0

The first heading is the year's whole amount; the others (财政资金 over 中央/省级/市级/本级, 其他) are its
parts. Flattened from a page, the amounts may lose their empty cells and spread over several lines
(``32 |`` … ``| 32 |``). The amounts cannot be put under their columns by position there, so this stage
reads the year's amount only where the numbers prove it: the first amount equals the sum of all the
others (57 = 42 + 15 + 0 + 0 + 0; 32 = 32). It then hands on one row ``本年度预计投入(万元) | 57`` in
place of the block, which the head reader reads as any labelled budget. Where the sum does not agree the
rows pass unchanged (no budget is guessed; the table's missing budget is reported as usual).

The level words of the sub-header are data (`LEVEL_WORDS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal

from jixiao.readers.cells import Row, parse_amount_unit
from jixiao.readers.labels import Label, label_key, label_of, unit_in

# The cells of a sub-header naming the levels a fund's money comes from (normalised as label keys).
LEVEL_WORDS = frozenset(
    (
        "中央", "中央资金", "中央财政", "省级", "省级资金", "省财政", "市级", "市级资金", "市财政",
        "县级", "县级资金", "区级", "区级资金", "本级", "本级资金", "乡镇", "乡级", "其他", "其他资金",
    )
)  # fmt: skip
_WHOLE = (Label.BUDGET,)
_MAX_AMOUNT_ROWS = 8  # the amounts' lines under the headers, empty ones included
_MIN_AMOUNTS = 2  # the whole and at least one part


def _texts(row: Row) -> list[str]:
    return [text for cell in row.cells if (text := cell.strip())]


def _whole_heading(row: Row) -> str | None:
    """The whole amount's label when the row is ``[section |] whole | part | …``, else None; written with
    the section's unit where the section names one and the whole's label none (``年度资金总额(万元)``)."""
    if len(row.cells) < 3:
        return None
    joined = "\0".join(row.cells)  # one search in C (NUL between cells: no word across two)
    if "资金" not in joined and "投入" not in joined:
        return None  # cheap test first: this runs on every row
    texts = _texts(row)
    if len(texts) < 3:
        return None
    section_unit = None
    if label_of(texts[0]) is Label.FUNDS_SECTION:
        section_unit = unit_in(texts[0])  # 项目资金(万元) | 年度资金总额 | …: the whole in 万元
        texts = texts[1:]
    if len(texts) < 2 or label_of(texts[0]) not in _WHOLE:
        return None
    if any(parse_amount_unit(t) is not None for t in texts):
        return None
    if section_unit is not None and unit_in(texts[0]) is None:
        return f"{texts[0]}({section_unit})"
    return texts[0]


def _is_level_header(row: Row) -> bool:
    texts = _texts(row)
    return len(texts) >= 2 and all(label_key(t) in LEVEL_WORDS for t in texts)


def _amounts(rows: list[Row]) -> list[tuple[str, Decimal]] | None:
    """Every amount in the rows, in order, or None where a row holds anything but amounts."""
    found: list[tuple[str, Decimal]] = []
    for row in rows:
        for text in _texts(row):
            parsed = parse_amount_unit(text)
            if parsed is None or parsed[1] is not None:
                return None
            found.append((text, parsed[0]))
    return found


def _amount_rows(buffered: list[Row]) -> int:
    """How many of the rows after the headers hold only amounts (or nothing)."""
    count = 0
    for row in buffered:
        if _amounts([row]) is None:
            break
        count += 1
    return count


def read_level_funds(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows, each funds block split by level replaced by one row of its whole amount (see module)."""
    iterator = iter(rows)
    for row in iterator:
        label = _whole_heading(row) if len(row.cells) >= 3 else None  # `_whole_heading`'s first test
        if label is None:
            yield row
            continue
        ahead: list[Row] = []
        for following in iterator:
            ahead.append(following)
            if len(ahead) > _MAX_AMOUNT_ROWS or (len(ahead) > 1 and _amounts([following]) is None):
                break
        yield from _replaced(row, label, ahead)


def _replaced(heading: Row, label: str, ahead: list[Row]) -> Iterator[Row]:
    start = 1 if ahead and _is_level_header(ahead[0]) else 0
    count = _amount_rows(ahead[start:])
    amounts = _amounts(ahead[start : start + count]) or []
    if len(amounts) < _MIN_AMOUNTS or amounts[0][1] != sum((value for _, value in amounts[1:]), Decimal(0)):
        yield heading
        yield from ahead
        return
    yield replace(heading, cells=(label, amounts[0][0]), cell_sources=None)
    yield from ahead[start + count :]
