"""Review profiles: which framework, which rules, which severities and thresholds — data, not code.

The default is the current central framework (财预〔2021〕101号: 成本/产出/效益/满意度). The older
framework (财预〔2015〕88号, 成本 as a 二级 under 产出) is a second profile. A profile can switch
rules off, change their severity, move the satisfaction floor and the outcome thresholds. A profile
may also be a JSON file that starts from a named profile (`load_profile`)::

    {"base": "central-2021", "title": "某市 2025", "disabled": ["JX-S06"],
     "severities": {"JX-B02": "error"}, "satisfaction_floor": "90",
     "outcome": {"fair_min_warning_rules": 4}}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jixiao.catalog import CENTRAL_2021, LEGACY_2015, Catalogue
from jixiao.model import Severity


@dataclass(frozen=True, slots=True)
class OutcomeThresholds:
    """How many distinct rules with errors / warnings lead to each outcome (rules.md §4).

    Counting distinct rules, not findings, because the same mistake repeated on five rows is one
    thing to fix. 差 at ``poor_min_error_rules`` rules with errors; 中 at one error rule or
    ``fair_min_warning_rules`` warning rules; 良 at one warning rule; otherwise 优.
    """

    poor_min_error_rules: int = 3
    fair_min_error_rules: int = 1
    fair_min_warning_rules: int = 5
    good_min_warning_rules: int = 1


@dataclass(frozen=True, slots=True)
class Profile:
    """A review profile: the indicator framework, rules switched off, severities changed, thresholds."""

    name: str
    title: str
    catalogue: Catalogue
    disabled: frozenset[str] = frozenset()
    severities: tuple[tuple[str, Severity], ...] = ()
    satisfaction_floor: Decimal = Decimal(85)
    outcome: OutcomeThresholds = field(default_factory=OutcomeThresholds)

    def enabled(self, rule_id: str) -> bool:
        """True unless the profile switches the rule off."""
        return rule_id not in self.disabled

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        """The severity this profile gives a rule, else the rule's own default."""
        for rid, severity in self.severities:
            if rid == rule_id:
                return severity
        return default


CENTRAL = Profile(
    name="central-2021",
    title="中央框架（财预〔2021〕101号）：成本/产出/效益/满意度四个一级指标",
    catalogue=CENTRAL_2021,
)

LEGACY = Profile(
    name="legacy-2015",
    title="旧框架（财预〔2015〕88号 / 〔2020〕10号）：成本作为产出指标下的二级指标",
    catalogue=LEGACY_2015,
    # 88号 lists 成本 among the 产出 二级 but does not make a cost indicator compulsory.
    severities=(("JX-C04", Severity.INFO),),
)

PROFILES: dict[str, Profile] = {p.name: p for p in (CENTRAL, LEGACY)}
DEFAULT_PROFILE = CENTRAL


class ProfileError(ValueError):
    """A profile name or file that cannot be used; the message is Chinese, for users."""


def load_profile(name_or_path: str | None) -> Profile:
    """A named profile, or a JSON file that adjusts one; raises `ProfileError` with a clear message."""
    if not name_or_path:
        return DEFAULT_PROFILE
    if name_or_path in PROFILES:
        return PROFILES[name_or_path]
    path = Path(name_or_path)
    if path.suffix != ".json":
        known = "、".join(PROFILES)
        raise ProfileError(f"未知的审核配置“{name_or_path}”；可用：{known}，或一个 .json 配置文件")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ProfileError(f"审核配置文件不存在：{path}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProfileError(f"审核配置文件无法读取：{path}：{exc}") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"审核配置文件应是一个 JSON 对象：{path}")
    return profile_from_dict(data, str(path))


def profile_from_dict(data: dict[str, Any], where: str) -> Profile:
    """A local review profile from its JSON/TOML dict, built on a known base; ProfileError names ``where``."""
    base_name = data.get("base", DEFAULT_PROFILE.name)
    if base_name not in PROFILES:
        raise ProfileError(f"{where}：base “{base_name}” 不是已知的审核配置")
    base = PROFILES[base_name]
    try:
        severities = dict(base.severities)
        for rule_id, sev in dict(data.get("severities", {})).items():
            severities[str(rule_id)] = Severity(sev)
        outcome = replace(base.outcome, **{k: int(v) for k, v in dict(data.get("outcome", {})).items()})
        floor = Decimal(str(data.get("satisfaction_floor", base.satisfaction_floor)))
    except (ValueError, TypeError, InvalidOperation) as exc:
        raise ProfileError(f"{where}：配置值有误：{exc}") from exc
    return Profile(
        name=str(data.get("name", Path(where).stem)),
        title=str(data.get("title", base.title)),
        catalogue=base.catalogue,
        disabled=base.disabled | frozenset(str(r) for r in data.get("disabled", [])),
        severities=tuple(sorted(severities.items())),
        satisfaction_floor=floor,
        outcome=outcome,
    )
