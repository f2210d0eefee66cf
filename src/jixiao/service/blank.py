"""The blank official template (xlsx): the 项目绩效目标表 with the project block, both goals and one row
for every 一级/二级 pair of the catalogue, the caller's unit filled in, ready to fill in Excel and
import back (the xlsx reader reads it like any published table)."""

from __future__ import annotations

import io
from datetime import date

from jixiao.catalog import CENTRAL_2021
from jixiao.model import Goals, Placeholder, Project, Table
from jixiao.permissions import may_start_table
from jixiao.service.base import ServiceBase
from jixiao.service.errors import Forbidden
from jixiao.workflow import Principal
from jixiao.writers.xlsx import write_xlsx

TEMPLATE_NAME = "项目绩效目标表（空白模板）.xlsx"


def blank_table(unit: str | None, year: int) -> Table:
    """The official form with nothing filled in but the unit and the year."""
    rows = tuple(Placeholder(level1, level2) for level1, children in CENTRAL_2021.tree for level2 in children)
    project = Project(name="", unit=unit, year=year, budget_unit="万元")
    return Table(project=project, goals=Goals(), indicators=(), placeholders=rows)


class BlankTemplateService(ServiceBase):
    """The blank template to download."""

    def blank_template(self, who: Principal, today: date | None = None) -> bytes:
        """The blank 项目绩效目标表 for the caller's unit and next year, as xlsx; the same people who
        may start a table on the web may download it."""
        if not may_start_table(who):
            raise Forbidden("只有填报人（为本单位）和管理员可以下载空白模板")
        out = io.BytesIO()
        write_xlsx([blank_table(who.unit, (today or date.today()).year + 1)], out, flat_sheet=False)
        return out.getvalue()
