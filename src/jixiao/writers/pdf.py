"""Write tables to a disclosure-ready PDF in the official layout (HTML template → WeasyPrint).

One table, or a set (all tables of a unit and year) with a title page listing them. The font is
Debian's Noto Sans CJK, embedded (subset) by WeasyPrint, so the PDF reads the same everywhere.
Pages are A4 landscape with ``第 n 页，共 m 页`` at the bottom; the tree header repeats on every
page a table runs over.

Spaces in cell texts are printed as no-break spaces and lines may break between any two
characters: a wrapped line then never swallows a space, so the PDF reader can join wrapped lines
back without guessing (``目标1: 支援…`` stays ``目标1: 支援…``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from jinja2 import Environment, PackageLoader, select_autoescape

from jixiao.formats import layout
from jixiao.model import Table
from jixiao.writers.fonts import require_cjk_font

NO_BREAK_SPACE = "\u00a0"

# Percent widths of the six (seven with 权重) columns; the project block uses the same grid so
# the page reads as one table, as the official form does.
_WIDTHS = (16, 11, 13, 24, 18, 18)
_WEIGHTED_WIDTHS = (15, 10, 13, 23, 16, 16, 7)


@dataclass(frozen=True, slots=True)
class CoverItem:
    """One table on a set's title page: its name and budget."""

    name: str
    amount: str


@dataclass(frozen=True, slots=True)
class Cover:
    """The title page of a set: who, which year, and the list of tables with their budgets."""

    heading: str
    meta: tuple[str, ...]
    items: tuple[CoverItem, ...]


# Control characters (from pasted text) have no glyph and would print as boxes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_break(text: object) -> str:
    return "" if text is None else _CONTROL.sub("", str(text)).replace(" ", NO_BREAK_SPACE)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("jixiao.writers", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["nb"] = _no_break
    return env


def cover_for(tables: Sequence[Table]) -> Cover:
    """A title page naming the unit(s) and year(s) of the set and its total budget."""
    units = sorted({t.project.unit or t.project.department or "" for t in tables} - {""})
    years = sorted({t.project.year for t in tables if t.project.year is not None})
    who = "、".join(units) if units else "（未注明单位）"
    when = "、".join(f"{y}年" for y in years)
    total = sum((t.project.budget for t in tables if t.project.budget is not None), Decimal(0))
    items = tuple(
        CoverItem(
            name=f"{t.project.name}",
            amount=layout.format_money(t.project.budget) + " 元" if t.project.budget is not None else "",
        )
        for t in tables
    )
    return Cover(
        heading=f"{when}项目绩效目标",
        meta=(who, f"共 {len(tables)} 个项目，预算合计 {layout.format_money(total)} 元"),
        items=items,
    )


def _table_context(table: Table) -> dict[str, Any]:
    project = table.project
    amount = layout.budget_amount(project)
    return {
        "fields": layout.project_fields(project),
        "start": layout.year_text(project.period_start),
        "end": layout.year_text(project.period_end),
        "budget_label": layout.budget_label(project),
        "budget": layout.format_money(amount) if amount is not None else "",
        "period_goal": table.goals.period,
        "annual_goal_label": layout.annual_goal_label(project),
        "annual_goal": table.goals.annual,
        "rows": [
            {
                "level1": row.level1,
                "level2": row.level2,
                "level1_span": row.level1_span,
                "level2_span": row.level2_span,
                "name": row.name,
                "period": row.period,
                "annual": row.annual,
                "weight": layout.format_weight(row.weight),
            }
            for row in layout.tree_rows(table)
        ],
    }


def render_html(tables: Sequence[Table], *, cover: bool | None = None) -> str:
    """The HTML the PDF is made from (also useful on its own, e.g. for a print view).

    ``cover`` defaults to a title page when there is more than one table.
    """
    with_cover = len(tables) > 1 if cover is None else cover
    cover_page = cover_for(tables) if with_cover else None
    title = cover_page.heading if cover_page else (tables[0].project.name if tables else layout.TITLE)
    weighted = layout.has_weights(tables)
    template = _environment().get_template("tables.html")
    return template.render(
        title=title,
        cover=cover_page,
        tables=[_table_context(t) for t in tables],
        weighted=weighted,
        widths=_WEIGHTED_WIDTHS if weighted else _WIDTHS,
    )


def write_pdf(
    tables: Sequence[Table], destination: str | Path | IO[bytes], *, cover: bool | None = None
) -> None:
    """Write ``tables`` as a PDF to ``destination`` (a path or a binary file object)."""
    require_cjk_font()  # without one, every character would print as an empty box
    from weasyprint import HTML  # imported late: loading WeasyPrint takes a noticeable moment

    document = HTML(string=render_html(tables, cover=cover)).render()
    if isinstance(destination, str | Path):
        document.write_pdf(str(destination))
    else:
        document.write_pdf(destination)
