"""Mining, stage 2: group near-duplicate keys into proposed entries, with blocking and rapidfuzz.

Exact normalised keys are already one `KeyStats` each. Here keys that differ only slightly
(``服务对象满意度`` / ``服务对象满意率``, ``社区活动数`` / ``社区活动场次``, ``开展培训场次`` / ``培训场次``)
are proposed as one entry. Comparing every key with every other is quadratic, so keys are compared
only inside blocks — same 二级 (the key's most common one) and the same *core* (the key without its
measure word and an opening light verb), the same first two characters, or the same last two — and
inside a large block only with their neighbours in sorted order (a window), so the number of
comparisons grows linearly with the number of keys. A pair merges (`close`) when the guards of
`normalise.compatible` allow it — 培训人次 and 培训次数 are never merged, nor 合格率 and 不合格率, nor
4a级景区数 and 5a级景区数 — and either the cores are equal or one key is the other with characters
added and rapidfuzz's ratio reaches `THRESHOLD`; a substituted character (林区/辖区) is a different
indicator. Two groups merge only when their keys are close too, so no chain of small steps joins
unlike names.

Groups are proposals: each member keeps its similarity to the group's key, so a curator can see why
it is there and split it off. Groups that already exist (an earlier build) are never merged with
each other automatically; new keys may join them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from jixiao.library.normalise import compatible, level2_key, signature

THRESHOLD = 85.0  # rapidfuzz ratio (0–100) from which two compatible keys are one indicator
WINDOW = 48  # neighbours each key is compared with inside a large block


@dataclass(frozen=True, slots=True)
class Member:
    """One normalised key of a group and how close it is to the group's key (100 = the key itself)."""

    key: str
    similarity: float
    how: str  # "key" (the group's own key), "exact" (kept from before), "core" or "fuzzy"


@dataclass(frozen=True, slots=True)
class Group:
    """A proposed entry: a stable group key and its members."""

    key: str
    members: tuple[Member, ...]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.how: dict[str, str] = {}

    def find(self, item: str) -> str:
        root = self.parent.setdefault(item, item)
        while self.parent[root] != root:
            root = self.parent[root]
        while item != root:  # path compression, without recursion
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str, fixed: Mapping[str, str]) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if not close(root_a, root_b):
            return False  # no chains: 项目验收合格率 ⊂ 项目工程验收合格率 ⊃ 工程验收合格率 stay two
        if root_a in fixed and root_b in fixed:
            return False  # two groups of an earlier build: a curator's decision, not ours
        if root_b in fixed:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        return True


def _blocks(keys: Iterable[str], level2_of: Mapping[str, str]) -> Iterable[tuple[list[str], bool]]:
    """Blocks of keys to compare, each sorted so that neighbours are alike; the flag marks a block of
    one core (its compatible pairs merge without a score)."""
    by_core: dict[str, list[str]] = defaultdict(list)  # one core is one indicator under any 二级
    by_prefix: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_suffix: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in keys:
        level2 = level2_of.get(key, "")
        sig = signature(key)
        if sig.core or sig.measure_class:  # an empty core still names its measure: 项目成本 / 总成本
            by_core[sig.core or f"∅{sig.measure_class}"].append(key)
        by_prefix[(level2, key[:2])].append(key)
        if len(key) >= 6:  # a long shared opening is a block under any 二级 (肉牛养殖户…培训)
            by_prefix[("*", key[:4])].append(key)
        by_suffix[(level2, key[-2:])].append(key)
    for block in by_core.values():
        if len(block) > 1:
            yield sorted(block), True
    for block in by_prefix.values():
        if len(block) > 1:
            yield sorted(block), False
    for block in by_suffix.values():
        if len(block) > 1:
            yield sorted(block, key=lambda k: k[::-1]), False


def close(a: str, b: str) -> bool:
    """Whether two keys name one indicator: the guards allow it and either their cores are equal
    (服务对象满意度 / 服务对象满意率, 开展培训场次 / 培训场次) or one is the other with a few characters
    added (幼儿家长满意度 / 受助幼儿家长满意度) and rapidfuzz's ratio reaches `THRESHOLD`.

    A substitution is never enough (林区群众满意度 / 辖区群众满意度 are different groups of people).
    """
    sig_a, sig_b = signature(a), signature(b)
    if not compatible(sig_a, sig_b):
        return False
    if sig_a.core == sig_b.core and (sig_a.core or sig_a.measure_class):
        return True
    # as written, or with synonyms and framing words taken out (受助儿童家长 → 受助幼儿家长)
    return _added(a, b) or _added(sig_a.core + (sig_a.measure or ""), sig_b.core + (sig_b.measure or ""))


def _added(a: str, b: str) -> bool:
    """One string is the other with characters added, and rapidfuzz's ratio reaches `THRESHOLD`."""
    return Indel.distance(a, b) == abs(len(a) - len(b)) and fuzz.ratio(a, b) >= THRESHOLD


def _core_pairs(block: list[str]) -> Iterable[tuple[str, str]]:
    """Every pair of a one-core block (within the window): the guards alone decide."""
    for i, key in enumerate(block):
        for other in block[i + 1 : i + 1 + WINDOW]:
            yield key, other


def _candidates(block: list[str]) -> Iterable[tuple[str, str]]:
    """Pairs of a block above the threshold, each key against the next `WINDOW` keys."""
    for i, key in enumerate(block):
        window = block[i + 1 : i + 1 + WINDOW]
        if not window:
            break
        for other, _score, _ in process.extract(
            key, window, scorer=fuzz.ratio, score_cutoff=THRESHOLD, limit=None
        ):
            yield key, other


def group_keys(
    keys: Iterable[str],
    level2_of: Mapping[str, str],
    weight: Mapping[str, int],
    existing: Mapping[str, str] | None = None,
) -> list[Group]:
    """Group keys into proposed entries.

    ``level2_of`` gives each key's most common 二级 (for blocking), ``weight`` its number of rows (the
    heaviest key of a new group becomes its key), ``existing`` maps keys of an earlier build to their
    group's key (kept as they are: new keys can join, old groups never merge or split here).
    """
    existing = existing or {}
    keys = sorted(set(keys) | set(existing))
    level2_blocks = {key: level2_key(level2_of.get(key, "")) for key in keys}
    uf = _UnionFind()
    fixed: dict[str, str] = {}
    for key, group_key in existing.items():
        uf.find(group_key)
        fixed[group_key] = group_key
        if key != group_key:
            uf.parent[uf.find(key)] = uf.find(group_key)
            uf.how[key] = "exact"
    fuzzy: list[tuple[float, str, str]] = []
    for block, one_core in _blocks(keys, level2_blocks):
        if not one_core:
            fuzzy.extend((-fuzz.ratio(a, b), a, b) for a, b in _candidates(block))
            continue
        for a, b in _core_pairs(block):
            if close(a, b) and uf.union(a, b, fixed):
                uf.how.setdefault(b, "core")
    fuzzy.sort()  # the closest pairs join first, so a looser pair cannot take a key away from them
    for _, a, b in fuzzy:
        if close(a, b) and uf.union(a, b, fixed):
            uf.how.setdefault(b, "fuzzy")
    members: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        members[uf.find(key)].append(key)
    groups = []
    for root, group in members.items():
        group_key = fixed.get(root) or min(group, key=lambda k: (-weight.get(k, 0), len(k), k))
        ranked = sorted(group, key=lambda k: (k != group_key, -weight.get(k, 0), k))
        groups.append(
            Group(
                group_key,
                tuple(
                    Member(
                        key,
                        100.0 if key == group_key else round(fuzz.ratio(key, group_key), 1),
                        "key" if key == group_key else uf.how.get(key, "fuzzy"),
                    )
                    for key in ranked
                ),
            )
        )
    groups.sort(key=lambda g: g.key)
    return groups
