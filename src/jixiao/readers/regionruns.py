"""A whole 区域/专项转移支付 target table run together on one line, its targets one column per place.

Aggregator pages print a notice, its allocation table and the 绩效目标表 on one line with no separator;
the target table's header ends in one column per county or town (``…指标解释区域目标值上杭县永定区连城县
漳平市``) and each row runs its name, its explanation and every place's value together
(``…项目数量反映…情况2111``). Labels, categories and the places are cut out; each row's stretch is kept
whole, as written — which characters are the name and which are each place's value is not certain
(``2111`` is four counts), so no value is cut and the reader says so (`runs.RUN_TOGETHER`).
"""

from __future__ import annotations

import re

from jixiao.readers import roles as column_roles
from jixiao.readers.labels import Label, label_of
from jixiao.readers.runs import token_at

# The places heading the value columns, run together after the last header cell.
_PLACE = "[\u4e00-\u9fff]{1,8}?(?:" + "|".join(column_roles.REGION_ENDINGS) + ")"
_PLACES = re.compile(rf"(?:区域|地区)?(?:目标值|指标值)?((?:{_PLACE}){{2,12}})")
_ONE_PLACE = re.compile(_PLACE)
_AREA = re.compile(rf"区域((?:{_PLACE})(?:、(?:{_PLACE}))+)$")  # 区域 上杭县、永定区: where the money goes


def split_regional_run(line: str) -> list[str] | None:
    """The cells of a run-together line whose value columns are places, or None when it is not one."""
    text = line.strip()
    cells: list[str] = []
    in_block = places_found = False
    start = i = 0
    while i < len(text):
        size = token_at(text, i, in_block)
        if not size:
            i += 1
            continue
        if i > start:
            cells.append(text[start:i])
        token = text[i : i + size]
        cells.append(token)
        i = start = i + size
        label = label_of(token)
        in_block = in_block or label in (Label.INDICATORS, Label.HEADER)
        if in_block and label is Label.HEADER and not places_found:
            places = _places_after(text, i)
            if places is not None:
                cells.extend(places[1])
                i = start = i + places[0]
                places_found = True
    if start < len(text):
        cells.append(text[start:])
    if not places_found:
        return None
    return [part for cell in cells for part in _area_field(cell.strip()) if part]


def _area_field(cell: str) -> list[str]:
    """``某某补助区域上杭县、永定区``: the name, then the table's 区域 field and its places."""
    match = _AREA.search(cell)
    if match is None or match.start() == 0:
        return [cell]
    return [cell[: match.start()], "区域", match.group(1)]


def _places_after(text: str, i: int) -> tuple[int, list[str]] | None:
    """(characters taken, the places) where the header goes on with two or more place names."""
    if token_at(text, i, True):
        return None  # another header cell follows: the places come after the last one
    match = _PLACES.match(text, i)
    if match is None:
        return None
    places = _ONE_PLACE.findall(match.group(1))
    if any(column_roles.region_role(place) is None for place in places):
        return None
    return match.end() - i, places
