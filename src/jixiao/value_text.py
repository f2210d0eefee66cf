"""A structured target written back as text: plain digits, the canonical form, what to print.

Split from `jixiao.values` (the grammar that reads the text) and re-exported there.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Target


def number_text(value: Decimal) -> str:
    """A Decimal as plain digits, never in exponent form: Decimal('1E+3') → '1000'."""
    text = format(value, "f")
    return text


def canonical_text(target: Target) -> str:
    """The structured target written canonically (``≥85%``, ``2025年12月``, ``2023-2025年``)."""
    subject = target.subject or ""
    note = target.note or ""
    unit = "" if target.unit is None or target.unit_from_name else target.unit
    if target.kind is Kind.QUANTITATIVE and target.value is not None:
        op = target.op.symbol if target.op is not None else ""
        return f"{subject}{op}{number_text(target.value)}{unit}{note}"
    if target.kind is Kind.RANGE and target.value is not None and target.upper is not None:
        return f"{subject}{number_text(target.value)}-{number_text(target.upper)}{unit}{note}"
    if target.kind is Kind.DEADLINE:
        parts = []
        if target.value is not None:
            parts.append(f"{number_text(target.value)}年")
        if target.month is not None:
            parts.append(f"{target.month}月")
        if target.day is not None:
            parts.append(f"{target.day}日")
        if not parts:
            return target.raw or "年底前"
        return "".join(parts) + note
    return target.raw


def format_target(target: Target) -> str:
    """What to print for a target: the unit's own text when there is one, else the canonical text."""
    return target.raw or canonical_text(target)
