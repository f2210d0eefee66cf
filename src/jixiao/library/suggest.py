"""Finding entries: by code or name (``show``) and, ranked, for a name a 填报人 is typing (``suggest``).

A suggestion scores how close the typed name is to an entry's spellings (rapidfuzz WRatio on the
normalised keys, so a fragment such as 满意度 finds every 满意度 entry), adds a little for use (more
tables, more publishers) and for the 二级 asked for, and takes some away when the measure differs
(typing 培训人次 still shows 培训次数, below it). Each suggestion says why, in Chinese, with the typical
value peers set: "12 个单位的 30 张表使用，目标值中位数 ≥90%".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from jixiao.library.entries import Entry
from jixiao.library.normalise import compatible, level2_key, normalise_name, signature

OP_SYMBOLS = {">=": "≥", ">": ">", "=": "=", "<": "<", "<=": "≤", "": ""}
MIN_SIMILARITY = 60.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    entry: Entry
    score: float
    similarity: float
    reason: str


def typical_value(entry: Entry) -> str:
    """The value peers set, as a unit would write it (≥90%), or their commonest grade; '' if none."""
    d = entry.main_distribution
    if d is not None:
        from jixiao.values import number_text

        return f"{OP_SYMBOLS.get(d.common_op, '')}{number_text(d.median)}{d.unit}"
    if entry.provenance.grades:
        return entry.provenance.grades[0][0]
    return ""


def reason(entry: Entry) -> str:
    """Why an entry is offered: who uses it and what they set."""
    p = entry.provenance
    text = f"{p.publishers} 个单位的 {p.tables} 张表使用"
    d = entry.main_distribution
    if d is not None:
        from jixiao.values import number_text

        op = OP_SYMBOLS.get(d.common_op, "")
        text += f"，目标值中位数 {op}{number_text(d.median)}{d.unit}"
        if d.low != d.high:
            text += f"（{number_text(d.low)}–{number_text(d.high)}{d.unit}，{d.count} 个值）"
    elif p.grades:
        text += f"，常见取值“{p.grades[0][0]}”"
    return text


def find(entries: Sequence[Entry], name_or_code: str) -> Entry | None:
    """The entry with this code, or whose key or a member's key is this name's key."""
    wanted = name_or_code.strip()
    for entry in entries:
        if entry.code == wanted.upper():
            return entry
    key = normalise_name(wanted).key
    for entry in entries:
        if entry.key == key or any(m.key == key for m in entry.members):
            return entry
    return None


def suggest(
    entries: Sequence[Entry], name: str, level2: str | None = None, limit: int = 10
) -> list[Suggestion]:
    """Entries to offer for a typed 三级 name (and, optionally, its 二级), best first."""
    query = normalise_name(name).key
    if not query:
        return []
    choices: list[str] = []
    owner: list[int] = []
    for index, entry in enumerate(entries):
        for member in entry.members:
            choices.append(member.key)
            owner.append(index)
    best: dict[int, float] = {}
    for _choice, score, position in process.extract(
        query, choices, scorer=fuzz.WRatio, score_cutoff=MIN_SIMILARITY, limit=max(50, limit * 5)
    ):
        index = owner[position]
        best[index] = max(best.get(index, 0.0), float(score))
    wanted_level2 = level2_key(level2) if level2 else None
    query_signature = signature(query)
    ranked = []
    for index, similarity in best.items():
        entry = entries[index]
        score = similarity + 3 * math.log1p(entry.provenance.tables) + math.log1p(entry.provenance.publishers)
        if wanted_level2 is not None:
            if any(level2_key(p.level2) == wanted_level2 for p in entry.placements):
                score += 10
            else:
                score -= 10
        if query_signature.measure is not None and not compatible(query_signature, signature(entry.key)):
            score -= 15
        ranked.append(Suggestion(entry, round(score, 1), round(similarity, 1), reason(entry)))
    ranked.sort(key=lambda s: (-s.score, s.entry.key))
    return ranked[:limit]
