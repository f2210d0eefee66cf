"""Project families: the words of a project name that say what the project does.

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
_STOP_PAIRS = {"购买", "服务", "工作", "开展", "项目", "经费", "专项", "资金", "建设", "管理", "运行", "维护"}


def core_of(name: str) -> str:
    """The name without digits, punctuation, a leading place and the generic words."""
    text = unicodedata.normalize("NFKC", name)
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
