"""The import page reads web pages and Word documents like the other formats: a preview of what was
found, nothing stored before confirming."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "publishers"


@pytest.mark.parametrize(
    ("document", "count"),
    [
        ("guangdong-dongguan-bumenyusuan-2025/document.docx", 2),
        ("chongqing-dazu-zhen-2024/document.html", 1),
        ("guangxi-caizheng-2021/document.html", 1),
    ],
)
def test_web_pages_and_word_documents_are_previewed(app_factory: Any, document: str, count: int) -> None:
    admin = app_factory("guanli")
    data = (CORPUS / document).read_bytes()
    preview = admin.post(
        "/import", files={"file": ("公开文件" + Path(document).suffix, data, "application/octet-stream")}
    )
    assert preview.status_code == 200, preview.text[-800:]
    assert f'data-testid="preview-count">{count}<' in preview.text


def test_a_word_document_without_target_tables_is_refused_with_the_reason(app_factory: Any) -> None:
    from tests.readers.test_docx import docx, p

    admin = app_factory("guanli")
    response = admin.post(
        "/import", files={"file": ("说明.docx", docx(p("只有正文")), "application/octet-stream")}
    )
    assert response.status_code == 400 and "Word 文档中没有找到项目绩效目标表" in response.text


def test_the_preview_shows_how_sure_the_reading_is_and_what_was_inferred(app_factory: Any) -> None:
    admin = app_factory("guanli")
    document = CORPUS.parent / "heldout9" / "jiangxi-chongyi-weijian-2023" / "document.docx"
    preview = admin.post(
        "/import", files={"file": ("目标表.docx", document.read_bytes(), "application/octet-stream")}
    )
    assert preview.status_code == 200, preview.text[-800:]
    cell = preview.text.split('data-testid="reading">', 1)[1].split("</td>", 1)[0]
    assert "把握 " in cell and "推断 3 项" in cell
    assert (
        "<li>预算金额为其中各项资金之和（原表未写合计）</li>" in cell
    )  # each inference listed, escaped text


def test_a_file_with_no_target_table_is_refused_with_the_readers_reason(app_factory: Any) -> None:
    admin = app_factory("guanli")
    text = "现已完成2022年项目绩效自评,附件:2022年项目绩效自评表项目名称某水库监测项目绩效指标一级指标\n"
    response = admin.post("/import", files={"file": ("自评.txt", text.encode("utf-8"), "text/plain")})
    assert response.status_code == 400
    assert "第1行写有“绩效自评表”，这是绩效自评材料" in response.text and "jixiao evaluate" in response.text
