"""自评表 and 监控表 uploads are read like target uploads: in the sandboxed worker process, with a time
and memory ceiling, and a refusal in Chinese (issue 10: "template uploads through the sandbox")."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest

from jixiao.permissions import OPERATOR
from jixiao.queries import TableQuery
from jixiao.readers.limits import LimitExceeded
from jixiao.service import Invalid, InvalidInput, Service, evaluation_files
from jixiao.service.evaluation_files import read_template
from jixiao.service.sandbox import run_limited


def test_template_uploads_are_read_in_the_worker(
    sqlite_url: str, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = Service(sqlite_url)
    service.import_path(seed_path)
    table_id = int(service.list_tables(OPERATOR, TableQuery(per_page=1))[0][0].id)
    workers: list[str] = []

    def watched(function: Any, *args: Any, **limits: Any) -> Any:
        workers.append(f"{function.__name__}:{args[0]}")
        return run_limited(function, *args, **limits)

    monkeypatch.setattr(evaluation_files, "run_limited", watched)
    _, template = service.evaluation.template_xlsx(OPERATOR, table_id)
    with pytest.raises(InvalidInput):  # an empty template: refused with problems, nothing stored
        service.evaluation.upload_evaluation_xlsx(OPERATOR, table_id, template, "自评.xlsx")
    _, monitoring = service.evaluation.monitoring_xlsx(OPERATOR, table_id, None, False)
    with contextlib.suppress(InvalidInput, Invalid):
        service.evaluation.upload_monitoring_xlsx(OPERATOR, table_id, monitoring, "监控.xlsx")
    assert workers == ["read_template:selfeval", "read_template:monitoring"]


def test_the_worker_s_time_ceiling_applies_to_templates(sqlite_url: str, seed_path: Path) -> None:
    service = Service(sqlite_url)
    service.import_path(seed_path)
    table_id = int(service.list_tables(OPERATOR, TableQuery(per_page=1))[0][0].id)
    _, template = service.evaluation.template_xlsx(OPERATOR, table_id)
    with pytest.raises(LimitExceeded, match="超时"):  # 0.05 s: the worker is stopped
        run_limited(read_template, "selfeval", template, "自评.xlsx", None, seconds=0.05, memory_bytes=None)
