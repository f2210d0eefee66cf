"""The 一级/二级 indicator catalogue: data per framework, not code.

Two frameworks are in use (rules.md §2): the current central one (财预〔2021〕101号) with four 一级
categories, 成本 lifted out of 产出, and the older one (财预〔2015〕88号 / 〔2020〕10号) with 成本
as a 二级 under 产出. Tables write the names loosely (``经济效益`` or ``经济效益指标``), so each
catalogue entry has its accepted spellings; ``canonical`` maps any spelling to the entry's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

COST = "成本指标"
OUTPUT = "产出指标"
BENEFIT = "效益指标"
SATISFACTION = "满意度指标"

QUANTITY = "数量指标"
QUALITY = "质量指标"
TIMELINESS = "时效指标"
OUTPUT_COST = "成本指标"  # the older framework's 二级 under 产出
ECONOMIC_COST = "经济成本指标"
SOCIAL_COST = "社会成本指标"
ECOLOGICAL_COST = "生态环境成本指标"
ECONOMIC_BENEFIT = "经济效益指标"
SOCIAL_BENEFIT = "社会效益指标"
ECOLOGICAL_BENEFIT = "生态效益指标"
SUSTAINABLE_IMPACT = "可持续影响指标"
SERVICE_SATISFACTION = "服务对象满意度指标"


@dataclass(frozen=True, slots=True)
class Catalogue:
    """One framework: its 一级 categories, in order, each with its 二级 categories, in order."""

    name: str
    title: str
    tree: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def level1_names(self) -> tuple[str, ...]:
        """The 一级指标 names of this framework, in the official order."""
        return tuple(level1 for level1, _ in self.tree)

    def level2_names(self, level1: str) -> tuple[str, ...]:
        """The 二级指标 names under one 一级 (matched after canonical spelling), or () if it is not one."""
        wanted = canonical(level1)
        for name, children in self.tree:
            if name == wanted:
                return children
        return ()

    def parent_of(self, level2: str) -> str | None:
        """The 一级 category a 二级 name belongs to, or None if it is not in this catalogue."""
        wanted = canonical(level2)
        for name, children in self.tree:
            if wanted in children:
                return name
        return None

    def is_level1(self, text: str) -> bool:
        """True if the text is a 一级指标 name of this framework."""
        return canonical(text) in self.level1_names

    def is_level2(self, text: str) -> bool:
        """True if the text is a 二级指标 name of this framework."""
        return self.parent_of(text) is not None

    def is_category(self, text: str) -> bool:
        """True for any 一级 or 二级 name of any framework we know (readers accept both)."""
        return self.is_level1(text) or self.is_level2(text)


CENTRAL_2021 = Catalogue(
    name="central-2021",
    title="财预〔2021〕101号 中央框架（成本/产出/效益/满意度）",
    tree=(
        (COST, (ECONOMIC_COST, SOCIAL_COST, ECOLOGICAL_COST)),
        (OUTPUT, (QUANTITY, QUALITY, TIMELINESS)),
        (BENEFIT, (ECONOMIC_BENEFIT, SOCIAL_BENEFIT, ECOLOGICAL_BENEFIT, SUSTAINABLE_IMPACT)),
        (SATISFACTION, (SERVICE_SATISFACTION,)),
    ),
)

LEGACY_2015 = Catalogue(
    name="legacy-2015",
    title="财预〔2015〕88号 / 〔2020〕10号 框架（成本在产出之下）",
    tree=(
        (OUTPUT, (QUANTITY, QUALITY, TIMELINESS, OUTPUT_COST)),
        (BENEFIT, (ECONOMIC_BENEFIT, SOCIAL_BENEFIT, ECOLOGICAL_BENEFIT, SUSTAINABLE_IMPACT)),
        (SATISFACTION, (SERVICE_SATISFACTION,)),
    ),
)

INPUT = "投入指标"  # the 评审申报表's first 一级: 时效 and 成本 of the money put in

# The 2017–2018 绩效目标评审申报表: 一级 投入/产出/效果, 二级 named …目标, 满意度 a 二级 under 效果.
REVIEW_FORM_2017 = Catalogue(
    name="review-form-2017",
    title="2017–2018 绩效目标评审申报表（投入/产出/效果）",
    tree=(
        (INPUT, (TIMELINESS, OUTPUT_COST)),
        (OUTPUT, (QUANTITY, QUALITY)),
        (
            BENEFIT,
            (ECONOMIC_BENEFIT, SOCIAL_BENEFIT, ECOLOGICAL_BENEFIT, SUSTAINABLE_IMPACT, SERVICE_SATISFACTION),
        ),
    ),
)

# A municipal 项目支出绩效目标申报表 with no 一级 column: its two 二级 say what is done (目标完成程度, the
# output) and what it brings (项目实施效益, the benefit, satisfaction among it).
COMPLETION_FORM = Catalogue(
    name="completion-form",
    title="项目支出绩效目标申报表（目标完成程度/项目实施效益）",
    tree=((OUTPUT, ("目标完成程度",)), (BENEFIT, ("项目实施效益",))),
)

CATALOGUES = {c.name: c for c in (CENTRAL_2021, LEGACY_2015, REVIEW_FORM_2017, COMPLETION_FORM)}

# Names only one form writes, as written → (that form's catalogue, the catalogue's name). The indicator
# keeps the name as written; its 一级 is read by that form's tree (满意度目标 under 效果).
FORM_SPELLINGS: dict[str, tuple[Catalogue, str]] = {
    "投入": (REVIEW_FORM_2017, INPUT),
    "效果": (REVIEW_FORM_2017, BENEFIT),
    "数量目标": (REVIEW_FORM_2017, QUANTITY),
    "质量目标": (REVIEW_FORM_2017, QUALITY),
    "时效目标": (REVIEW_FORM_2017, TIMELINESS),
    "成本目标": (REVIEW_FORM_2017, OUTPUT_COST),
    "经济效益目标": (REVIEW_FORM_2017, ECONOMIC_BENEFIT),
    "社会效益目标": (REVIEW_FORM_2017, SOCIAL_BENEFIT),
    "生态效益目标": (REVIEW_FORM_2017, ECOLOGICAL_BENEFIT),
    "环境效益目标": (REVIEW_FORM_2017, ECOLOGICAL_BENEFIT),
    "可持续影响目标": (REVIEW_FORM_2017, SUSTAINABLE_IMPACT),
    "满意度目标": (REVIEW_FORM_2017, SERVICE_SATISFACTION),
    "服务对象满意度目标": (REVIEW_FORM_2017, SERVICE_SATISFACTION),
    "目标完成程度": (COMPLETION_FORM, "目标完成程度"),
    "项目实施效益": (COMPLETION_FORM, "项目实施效益"),
}

# Spellings seen in real tables → the catalogue's name. Keys are already normalised (see `normalise`).
_SYNONYMS: dict[str, str] = {
    "成本": COST,
    "产出": OUTPUT,
    "预期产出指标": OUTPUT,
    "产出类指标": OUTPUT,
    "效益": BENEFIT,
    "效果指标": BENEFIT,
    "预期效果指标": BENEFIT,
    "效益类指标": BENEFIT,
    "满意度": SATISFACTION,
    "满意度类指标": SATISFACTION,
    "数量": QUANTITY,
    "质量": QUALITY,
    "时效": TIMELINESS,
    "经济成本": ECONOMIC_COST,
    "社会成本": SOCIAL_COST,
    "生态环境成本": ECOLOGICAL_COST,
    "生态成本指标": ECOLOGICAL_COST,
    "经济效益": ECONOMIC_BENEFIT,
    "社会效益": SOCIAL_BENEFIT,
    "生态效益": ECOLOGICAL_BENEFIT,
    "可持续影响": SUSTAINABLE_IMPACT,
    "可持续影响力指标": SUSTAINABLE_IMPACT,
    "服务对象满意度": SERVICE_SATISFACTION,
    "社会公众或服务对象满意度指标": SERVICE_SATISFACTION,
    "社会公众或服务对象满意度": SERVICE_SATISFACTION,
    # old templates and local frameworks: the label as written is kept on the indicator
    "项目完成指标": OUTPUT,
    "项目效益指标": BENEFIT,
    "产出值": OUTPUT,
    "效益值": BENEFIT,
    "满意度值": SATISFACTION,
    "数量值": QUANTITY,
    "质量值": QUALITY,
    "时效值": TIMELINESS,
    "成本值": OUTPUT_COST,
    "经济效益值": ECONOMIC_BENEFIT,
    "社会效益值": SOCIAL_BENEFIT,
    "生态效益值": ECOLOGICAL_BENEFIT,
    "可持续影响值": SUSTAINABLE_IMPACT,
    "服务对象满意度值": SERVICE_SATISFACTION,
    "建筑规模指标": QUANTITY,
    "环境效益指标": ECOLOGICAL_BENEFIT,
    "环境效益": ECOLOGICAL_BENEFIT,
    "投资规模指标": OUTPUT_COST,
    "预算控制指标": OUTPUT_COST,
    "满意度指数": SERVICE_SATISFACTION,
    "群众满意度指标": SERVICE_SATISFACTION,
    "社会公众满意度指标": SERVICE_SATISFACTION,
    "社会、经济、生态效益指标": SOCIAL_BENEFIT,  # 广东 old template: the three 效益 in one 二级 (first named)
    "社会经济生态效益指标": SOCIAL_BENEFIT,
}
_SYNONYMS.update({written: name for written, (_, name) in FORM_SPELLINGS.items()})
# Headings above the 一级 in some templates (中央基建: 实施效果指标 over 产出/效益/满意度): not a category.
UMBRELLAS = frozenset(("实施效果指标", "绩效目标指标", "绩效指标"))
# A score range written with the category (审批表: ``产出指标(40-50)分``, ``成本指标(20分)``).
_SCORE = re.compile(r"[(（]\d+(?:\.\d+)?(?:[-~—至]\d+(?:\.\d+)?)?分?[)）]分?$")
_NAMED_ALTERNATES = re.compile(r"(?<=指标)[(（][^()（）]{1,20}指标[)）]$")
_ALTERNATE = re.compile(r"[(（]或[^()（）]{1,16}[)）]")

_FULLWIDTH_SPACE = "\u3000"


def normalise(text: str) -> str:
    """Trim and drop inner spaces: category names never contain them, wrapped cells often do.
    An alternate in brackets (``数量指标(或建筑规模指标)``) is dropped: the first name is the category."""
    key = "".join(text.replace(_FULLWIDTH_SPACE, " ").split())
    if "或" in key:
        key = _ALTERNATE.sub("", key)
    elif key.endswith(("指标)", "指标）")):  # 时效指标(工期指标、形象进度指标): other names in brackets
        key = _NAMED_ALTERNATES.sub("", key)
    if key.endswith(("分", ")", "）")) and "指标" in key:
        key = _SCORE.sub("", key)
    return key


@lru_cache(maxsize=4096)
def is_umbrella(text: str) -> bool:
    """A heading above the 一级 categories (实施效果指标), to be skipped when reading the tree."""
    return len(text) <= 12 and normalise(text) in UMBRELLAS


@lru_cache(maxsize=4096)
def canonical(text: str) -> str:
    """The catalogue spelling of a category name; other text comes back normalised but unchanged."""
    key = normalise(text)
    return _SYNONYMS.get(key, key)


ALL_CATEGORY_NAMES = frozenset(
    name for cat in CATALOGUES.values() for l1, l2s in cat.tree for name in (l1, *l2s)
)


@lru_cache(maxsize=4096)
def is_category_name(text: str) -> bool:
    """True when the text names a 一级 or 二级 category of any known framework."""
    return canonical(text) in ALL_CATEGORY_NAMES


@lru_cache(maxsize=1024)
def parent_in_any(level2: str) -> str | None:
    """The 一级 of a 二级 name, preferring the current framework (成本 → 成本指标 in 2021); a name only one
    form writes (满意度目标) by that form's tree."""
    form = FORM_SPELLINGS.get(normalise(level2))
    if form is not None:
        return form[0].parent_of(level2)
    for cat in (CENTRAL_2021, LEGACY_2015):
        parent = cat.parent_of(level2)
        if parent is not None:
            return parent
    return None


@lru_cache(maxsize=1024)
def joined_categories(text: str) -> tuple[str, str] | None:
    """A 一级 written short and run into its 二级 in one cell (``产出数量指标`` → 产出指标, 数量指标),
    or None: the 二级 must be a catalogue name whose 一级 is the short name with 指标 added."""
    key = normalise(text)
    for cut in range(2, min(len(key) - 3, 5) + 1):
        level1, level2 = key[:cut] + "指标", key[cut:]
        if is_level1_name(level1) and is_category_name(level2):
            parents = {cat.parent_of(level2) for cat in CATALOGUES.values()} - {None}
            if canonical(level1) in {canonical(p) for p in parents if p is not None}:
                return level1, level2
    return None


@lru_cache(maxsize=1024)
def is_level1_name(text: str) -> bool:
    """True if the text is a 一级指标 name in any framework we know."""
    return any(cat.is_level1(text) for cat in CATALOGUES.values())
