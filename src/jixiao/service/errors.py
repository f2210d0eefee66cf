"""What the service raises for anything a user can cause; each carries a Chinese ``message``.

The faces turn these into exit codes (CLI) or HTTP statuses (web). They live apart from the service
classes so that every part of the facade, and both faces, can import them without a cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class ServiceError(Exception):
    """A problem a user caused or can fix; ``message`` is Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ServiceError):
    """No such table, version or stored entry (or one the caller must not learn exists)."""


class Forbidden(ServiceError):
    """The caller may not do this (see `jixiao.permissions`)."""


class Conflict(ServiceError):
    """Someone else changed the same thing first; nothing was stored."""


class Invalid(ServiceError):
    """The request or its input cannot be used as given."""


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A field that cannot be used as typed; ``field`` is the form field's name (``funds-0-budget``)."""

    field: str
    message: str


class InvalidInput(Invalid):
    """Input that cannot be stored; ``problems`` name each field (form) or cell (workbook)."""

    def __init__(self, headline: str, problems: Sequence[InputProblem]) -> None:
        details = "；".join(p.message for p in problems[:8])
        more = f"等{len(problems)}处" if len(problems) > 8 else ""
        super().__init__(f"{headline}：{details}{more}。未保存任何内容。")
        self.problems = tuple(problems)
