"""Finding entries: by code or name (``show``) and, ranked, for a name a 填报人 is typing (``suggest``).

A suggestion scores how close the typed name is to an entry's spellings (rapidfuzz on the normalised
keys, so a fragment such as 满意度 finds every 满意度 entry), adds a little for use (more
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
from jixiao.library.normalise import Signature, compatible, level2_key, normalise_name, signature
from jixiao.library.prefilter import CharacterIndex

OP_SYMBOLS = {">=": "≥", ">": ">", "=": "=", "<": "<", "<=": "≤", "": ""}
MIN_SIMILARITY = 60.0
CANDIDATES = 200  # spellings rapidfuzz hands on to the Python scoring


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A library entry proposed for an indicator, with its score, text similarity and the reason."""

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
        about = "约 " if d.approximate else ""  # more distinct values than counted exactly: within 2%
        text += f"，目标值中位数 {about}{op}{number_text(d.median)}{d.unit}"
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


class Suggester:
    """Ranks the entries of one library for typed names; build once, ask many times.

    Candidates come from rapidfuzz in C (``partial_ratio`` over every spelling, so a fragment such as
    满意度 finds 服务对象满意度), then the best few hundred are scored in Python: the mean of ratio and
    partial ratio, plus use, plus or minus the 二级 and the measure.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = entries
        self.choices: list[str] = []
        self.owner: list[int] = []
        for index, entry in enumerate(entries):
            for member in entry.members:
                self.choices.append(member.key)
                self.owner.append(index)
        self.index = CharacterIndex(self.choices)
        self._level2s: dict[int, frozenset[str]] = {}
        self._signatures: dict[int, Signature] = {}

    def _placed_under(self, index: int) -> frozenset[str]:
        found = self._level2s.get(index)
        if found is None:
            found = self._level2s[index] = frozenset(
                level2_key(x.level2) for x in self.entries[index].placements
            )
        return found

    def _signature(self, index: int) -> Signature:
        found = self._signatures.get(index)
        if found is None:
            found = self._signatures[index] = signature(self.entries[index].key)
        return found

    def suggest(self, name: str, level2: str | None = None, limit: int = 10) -> list[Suggestion]:
        """Library entries whose names resemble ``name``, best first, weighed by use and a matching 二级."""
        query = normalise_name(name).key
        if not query:
            return []
        best: dict[int, float] = {}
        positions = self.index.candidates(query)  # only spellings that can score ≥ MIN_SIMILARITY
        for choice, partial, found in process.extract(
            query,
            [self.choices[p] for p in positions],
            scorer=fuzz.partial_ratio,
            score_cutoff=MIN_SIMILARITY,
            limit=CANDIDATES,
        ):
            similarity = (partial + fuzz.ratio(query, choice)) / 2
            index = self.owner[positions[found]]
            best[index] = max(best.get(index, 0.0), similarity)
        wanted_level2 = level2_key(level2) if level2 else None
        query_signature = signature(query)
        ranked = []
        for index, similarity in best.items():
            entry = self.entries[index]
            p = entry.provenance
            score = similarity + 3 * math.log1p(p.tables) + math.log1p(p.publishers)
            if wanted_level2 is not None:
                score += 10 if wanted_level2 in self._placed_under(index) else -10
            if query_signature.measure is not None and not compatible(
                query_signature, self._signature(index)
            ):
                score -= 15
            ranked.append((round(score, 1), round(similarity, 1), entry))
        ranked.sort(key=lambda r: (-r[0], r[2].key))
        return [Suggestion(entry, score, sim, reason(entry)) for score, sim, entry in ranked[:limit]]


def suggest(
    entries: Sequence[Entry], name: str, level2: str | None = None, limit: int = 10
) -> list[Suggestion]:
    """Entries to offer for a typed 三级 name (and, optionally, its 二级), best first."""
    return Suggester(entries).suggest(name, level2, limit)
