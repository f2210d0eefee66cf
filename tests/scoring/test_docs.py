"""docs/self-evaluation.md quotes the worked example; its numbers must be the code's numbers."""

from __future__ import annotations

from pathlib import Path

from jixiao.evaluation.profiles import PROFILES
from jixiao.scoring.checks import REGISTRY
from tests.scoring.worked_example import worked_example_markdown

DOC = Path(__file__).parents[2] / "docs" / "self-evaluation.md"


def test_worked_example_in_the_doc_is_what_the_code_computes(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("<!-- worked-example:start -->\n") + len("<!-- worked-example:start -->\n")
    end = text.index("<!-- worked-example:end -->")
    assert text[start:end] == worked_example_markdown(tmp_path)


def test_every_check_and_profile_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for check in REGISTRY:
        assert f"| {check.code} |" in text, check.code
    for name in PROFILES:
        assert f"`{name}`" in text, name
