"""Where a header's wrapped column names go back among its named columns, told by the rows under it.

A 自评表 PDF flattened to text prints a header cell wrapped over two lines as pieces above and below the
header's line (`selfeval_centred`): their order among themselves is printed, their places among the
named columns are not. The template's column order places them where the forms agree; forms differ
on a few (执行率 before or after 分值, 分值 before 年度指标值), so the rows under the header are asked:
a placement fits a row printed in full when each column holds what it must (an amount, a weight or a
score is a figure or a dash, an 执行率 is a percentage, a name is no figure, a unit no figure, a 指标性质 a
comparator or 定性/定量, and the weights add up to no more than 100). The template's placement
stays where it fits or no row tells; another is taken only when it is the one placement, among those
in an order every form keeps (amounts before rates and scores, 年度指标值 before 实际完成值, 分值 and
实际完成值 before 得分, the reason last), that fits every row printed in full.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.readers.cells import Row
from jixiao.readers.selfeval_lines import fund_label, number

_DASHES = ("—", "——", "-", "/", "－", "")
_FIGURES = frozenset({"initial", "budget", "executed", "weight", "score", "share", "single"})
# pairs (a, b): wherever both stand, a comes first — in every form the repository knows
_BEFORE = (
    ("initial", "budget"),
    ("budget", "executed"),
    ("initial", "executed"),
    ("executed", "rate"),
    ("executed", "weight"),
    ("executed", "score"),
    ("weight", "score"),
    ("level1", "level2"),
    ("level2", "name"),
    ("name", "target"),
    ("name", "weight"),
    ("target", "actual"),
    ("name", "unit"),
    ("name", "nature"),
    ("name", "value"),
    ("nature", "value"),
    ("value", "actual"),
    ("unit", "actual"),
    ("actual", "score"),
    ("single", "score"),
    ("share", "score"),
)
_SIGNS = ("≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦")
_NATURES = ("定性", "定量", "正向", "反向", "大于等于", "小于等于", "等于", "大于", "小于")
_LONGEST = 12  # cells at most: pieces are one to three, the named columns up to a dozen


def _keeps_order(roles: list[str]) -> bool:
    at = {role: n for n, role in enumerate(roles) if role}
    if "reason" in at and at["reason"] != max(at.values()):
        return False
    return all(at[a] < at[b] for a, b in _BEFORE if a in at and b in at)


def _interleavings(named: list[str], pieces: list[str]) -> Iterator[list[str]]:
    """Every merge of the two sequences that keeps the order of each."""
    if not pieces:
        yield named
        return
    if not named:
        yield pieces
        return
    for rest in _interleavings(named[1:], pieces):
        yield [named[0], *rest]
    for rest in _interleavings(named, pieces[1:]):
        yield [pieces[0], *rest]


def _fits(roles: list[str], cells: list[str]) -> bool:
    for role, cell in zip(roles, cells, strict=True):
        text = cell.strip()
        if role in _FIGURES and (number(text) is None or "%" in text) and text not in _DASHES:
            return False
        if role == "rate" and text not in _DASHES and "%" not in text and "％" not in text:
            return False
        if role == "name" and (not text or number(text) is not None):
            return False
        if role == "unit" and (number(text) is not None or text[:1].isdigit() or text.startswith(_SIGNS)):
            return False
        if role == "nature" and not (text.startswith(_SIGNS) or text in _NATURES):
            return False
        if role in ("value", "target") and text in _SIGNS:
            return False
    return True


def _weights_add_up(roles: list[str], rows: list[list[str]]) -> bool:
    """The weights the placement reads add up to no more than a table's 100 points."""
    if "weight" not in roles:
        return True
    at = roles.index("weight") - len(roles)  # from the right, as the rows are aligned
    total = sum((number(cells[at]) or 0 for cells in rows if len(cells) >= -at), 0)
    return total <= 100


def _printed_in_full(rows: list[Row], width: int, funds: bool) -> list[list[str]]:
    """Rows under the header that print a cell for every column (the reason aside): fund rows led by
    their label (their figures, one per column of the header's), indicator rows ending in a figure,
    right-aligned to the header."""
    found: list[list[str]] = []
    for row in rows:
        cells = [c for c in row.cells if c.strip()]
        if funds and cells and fund_label(cells[0]) is not None and len(cells) - 1 == width:
            found.append(cells[1:])  # the figures after the row's label, one per column
        elif not funds and len(cells) >= 3 and number(cells[-1]) is not None:
            found.append(cells)
    return found


def placed_by_rows(
    named: list[tuple[str, str]], pieces: list[tuple[str, str]], template: list[str], rows: list[Row]
) -> list[str] | None:
    """The header's cell texts in the order the rows under it confirm, or None to keep ``template``
    (the template's placement, as texts). ``named`` and ``pieces`` are (text, role) pairs in printed
    order; the header's leading label (项目资金, 绩效指标) is among ``named`` with role ""."""
    if len(named) + len(pieces) > _LONGEST or not rows:
        return None
    role_of = dict(named + pieces)
    funds = "executed" in role_of.values()
    width = sum(1 for _, role in named + pieces if role and role != "reason")  # columns of figures
    full = _printed_in_full(rows, width, funds)[:4]
    if not full:
        return None

    def fits(texts: list[str]) -> bool:
        roles = [role_of[t] for t in texts]
        if not funds and not _weights_add_up([r for r in roles if r != "reason"], full):
            return False
        figures = [r for r in roles if r and r != "reason"] if funds else [r for r in roles if r != "reason"]
        for cells in full:
            k = min(len(cells), len(figures))
            if not _fits(figures[:k] if funds else figures[-k:], cells[:k] if funds else cells[-k:]):
                return False
        return True

    if fits(template):
        return None
    names = [t for t, _ in named]
    candidates = [
        merged
        for merged in _interleavings(names, [t for t, _ in pieces])
        if _keeps_order([role_of[t] for t in merged]) and fits(merged)
    ]
    return candidates[0] if len(candidates) == 1 else None
