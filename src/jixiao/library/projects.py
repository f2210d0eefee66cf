"""Project families: the words of a project name (and goal, type, sector) that say what it does.

"推荐指标" looks for stored projects named like the one being drafted. A project name carries a place,
a year and generic words (经费, 项目, 专项资金, 购买…服务) besides what it is about (社工, 妇女儿童,
家庭教育); `project_words` keeps the character pairs of what it is about, so 购买社工岗位服务经费 is
looked for as 社工 / 工岗 / 岗位, and `family_label` names the family in a reason (“社工岗位”类). Pure.
"""

from __future__ import annotations

import re
import unicodedata

_GENERIC = (
    "专项资金", "专项经费", "工作经费", "补助经费", "补助资金", "经费", "资金", "项目", "专项", "工作",
    "购买", "服务", "开展", "建设", "管理", "运行", "维护", "保障", "补助", "费用", "支出", "其他",
    "东莞市", "广东省", "市级", "区级", "本级", "年度",
)  # fmt: skip
_PLACE = re.compile(r"^.{1,6}?(省|市|区|县|镇|街道)")
_NOISE = re.compile(r"[\d年度（）()\[\]【】《》“”\"'、,，.。:：;；\s\-—_/]+")
_BATCH = re.compile(r"第[一二三四五六七八九十百\d]+(批|期|次|轮)")  # 第一批: which tranche, not what
_STOP_PAIRS = {"购买", "服务", "工作", "开展", "项目", "经费", "专项", "资金", "建设", "管理", "运行", "维护"}


def core_of(name: str) -> str:
    """The name without digits, punctuation, a leading place and the generic words."""
    text = unicodedata.normalize("NFKC", name)
    text = _BATCH.sub("", text)
    text = _NOISE.sub("", text)
    for word in _GENERIC:
        text = text.replace(word, "")
    return _PLACE.sub("", text) if len(text) > 6 else text


def project_words(name: str, limit: int = 6) -> list[str]:
    """The character pairs of a project's core, the first ``limit`` of them (generic pairs left out)."""
    core = core_of(name)
    pairs = [core[i : i + 2] for i in range(len(core) - 1)]
    return list(dict.fromkeys(p for p in pairs if p not in _STOP_PAIRS))[:limit]


def family_label(name: str) -> str:
    """A short name of the project's family for reasons: its core, at most eight characters."""
    core = core_of(name)
    return core[:8] if core else name[:8]


NAME, GOAL, TYPE, SECTOR = "n:", "g:", "t:", "s:"
WEIGHTS = {NAME: 3, TYPE: 2, SECTOR: 2, GOAL: 1}
CRITERIA = {NAME: "项目名称", TYPE: "项目类型", SECTOR: "主管部门", GOAL: "绩效目标"}
GOAL_WORDS = 32  # character pairs kept of a goal text (its first distinct ones)
_GOAL_STOP = _STOP_PAIRS | {"提高", "提升", "完成", "目标", "确保", "进一步", "全年", "实施", "推进", "保证"}
_BRACKETED = re.compile(r"^[\[（(【]?\s*[\d\-]+\s*[\]）)】]?")  # [015001]武汉市青山区教育局 → 武汉市…


def _plain(text: str | None, limit: int = 60) -> str:
    text = unicodedata.normalize("NFKC", text or "").strip()
    return re.sub(r"\s+", "", _BRACKETED.sub("", text))[:limit]


def goal_words(goal: str, limit: int = GOAL_WORDS) -> list[str]:
    """The first distinct character pairs of a goal text that say something (no digits, no generic)."""
    text = _NOISE.sub(" ", unicodedata.normalize("NFKC", goal or ""))
    pairs: list[str] = []
    for part in text.split():
        pairs.extend(part[i : i + 2] for i in range(len(part) - 1))
    return list(dict.fromkeys(p for p in pairs if p not in _GOAL_STOP))[:limit]


def project_terms(name: str, project_type: str | None, goal: str, department: str | None) -> set[str]:
    """A stored project's terms: ``n:`` name pairs, ``g:`` goal pairs, ``t:`` its type, ``s:`` its sector."""
    terms = {NAME + w for w in project_words(name, 8)} | {GOAL + w for w in goal_words(goal)}
    if _plain(project_type):
        terms.add(TYPE + _plain(project_type))
    if _plain(department):
        terms.add(SECTOR + _plain(department))
    return terms


def wanted_terms(name: str, project_type: str = "", goal: str = "", department: str = "") -> dict[str, int]:
    """The terms of the project being drafted, each with its weight."""
    return {term: WEIGHTS[term[:2]] for term in project_terms(name, project_type, goal, department)}


GOAL_CAP = 4  # shared goal words count up to this many: goal texts share generic words


def similarity(wanted: dict[str, int], found: set[str]) -> int:
    """How alike a stored project is: the weights of the terms it shares with the wanted ones (the
    goal's words at most `GOAL_CAP`)."""
    shared = [term for term in wanted if term in found]
    goal = sum(1 for term in shared if term.startswith(GOAL))
    return sum(wanted[t] for t in shared if not t.startswith(GOAL)) + min(goal, GOAL_CAP)


def criteria(wanted: dict[str, int], found: set[str]) -> list[str]:
    """Which criteria a stored project shares (项目名称, 项目类型, 主管部门, 绩效目标), in that order."""
    kinds = {term[:2] for term in wanted if term in found}
    return [label for kind, label in CRITERIA.items() if kind in kinds]
