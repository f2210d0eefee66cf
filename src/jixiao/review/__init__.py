"""Review (审核): rules that find what is wrong with a target table, explain it, and grade the table."""

from __future__ import annotations

from jixiao.review.outcome import Outcome
from jixiao.review.profiles import DEFAULT_PROFILE, PROFILES, Profile, ProfileError, load_profile
from jixiao.review.registry import RULES, RULES_BY_ID, Rule
from jixiao.review.runner import TableReview, review_batch, review_table

__all__ = [
    "DEFAULT_PROFILE",
    "PROFILES",
    "RULES",
    "RULES_BY_ID",
    "Outcome",
    "Profile",
    "ProfileError",
    "Rule",
    "TableReview",
    "load_profile",
    "review_batch",
    "review_table",
]
