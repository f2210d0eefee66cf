"""Hostile uploads are refused with a Chinese reason, within bounded work and 300 MB, and nobody else waits.

The checks' work is counted (the bytes they inflate), not timed; the times left here stop a hung
server or check the worker's own time ceiling.

Each file is generated in the test (tests/security/hostile.py): a workbook holding one 1 GiB string,
one of ten million cells, a zip bomb that lies about its size, a PDF of 100,000 pages, a PDF with a
1 GiB Flate stream, JSON nested 100,000 deep; and bodies of 100 MB and 1 GiB that are never read.
"""

from __future__ import annotations

import resource
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from jixiao.cli import app as cli
from jixiao.readers import limits
from jixiao.readers.limits import DEFAULT_LIMITS, LimitExceeded, MiB, check_bytes
from jixiao.service import Service, read_upload
from jixiao.service.sandbox import run_limited
from jixiao.web import Settings, create_app, workflow_pages
from tests.security import hostile
from tests.web.helpers import PASSWORD
from tests.web.live import serve

SAFETY_SECONDS = 30
SAFETY_BYTES = 300 * MiB

# file name → (builder, what the refusal must say)
HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "一个1GiB字符串.xlsx": (hostile.xlsx_with_huge_string, "解压后超过"),
    "一千万个单元格.xlsx": (hostile.xlsx_with_many_cells, "单元格过多"),
    "压缩炸弹.xlsx": (hostile.zip_bomb, "解压后超过"),
    "十万页.pdf": (hostile.pdf_with_pages, "页数过多"),
    "Flate炸弹.pdf": (hostile.pdf_with_flate_bomb, "数据流解压后超过"),
    "嵌套.json": (hostile.nested_json, "嵌套过深"),
}


def _stored(url: str) -> int:
    from sqlalchemy import func, select

    from jixiao.store.schema import perf_tables

    with Service(url).engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(perf_tables)).scalar_one())


def _rss() -> int:
    """This process's resident memory now, in bytes."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize()


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


# The most a check may inflate before it refuses: the largest limit on inflated bytes, and the piece
# that passed it.
_INFLATED_AT_MOST = max(DEFAULT_LIMITS.max_unpacked_bytes, DEFAULT_LIMITS.max_pdf_unpacked_bytes) + MiB


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_checks_refuse_each_file_before_any_parser(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check's work is counted, not timed: the bytes it inflates stay within the limits (a bomb
    inflated to the end would be a gigabyte), and its memory stays far below them."""
    build, reason = HOSTILE[name]
    data = build()
    assert len(data) < 10 * MiB  # small on the wire …
    inflated: list[int] = []
    real_inflate = limits._inflate

    def counting_inflate(raw: memoryview | bytes, inflater: Any) -> Iterator[bytes]:
        for piece in real_inflate(raw, inflater):
            inflated.append(len(piece))
            yield piece

    monkeypatch.setattr(limits, "_inflate", counting_inflate)
    tracemalloc.start()
    refused = check_bytes(data, name)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert sum(inflated) <= _INFLATED_AT_MOST, f"checking {name} inflated {sum(inflated) / MiB:.0f} MB"
    assert refused is not None and reason in refused.message and "已拒绝" in refused.message
    assert peak < 64 * MiB, f"checking {name} held {peak / MiB:.0f} MB"  # … and never inflated at once


@pytest.fixture
def session_cookies(seeded_url: str) -> Iterator[tuple[str, dict[str, str]]]:
    """A live server (loopback) over the seeded database and a logged-in 填报人's cookies."""
    app = create_app(Settings(database_url=seeded_url))
    with serve(app) as base, httpx.Client(base_url=base) as client:
        client.get("/login")
        csrf = client.cookies["jixiao_csrf"]
        form = {"username": "tianbao", "password": PASSWORD, "csrf_token": csrf, "next": "/"}
        assert client.post("/login", data=form).status_code == 303
        yield base, dict(client.cookies)


def _upload(base: str, cookies: dict[str, str], name: str, data: bytes) -> httpx.Response:
    files = {"file": (name, data, "application/octet-stream")}
    form = {"csrf_token": cookies["jixiao_csrf"]}
    with httpx.Client(base_url=base, cookies=cookies, timeout=120) as client:
        return client.post("/import", data=form, files=files)


def test_the_import_page_refuses_each_file_within_the_bounds(
    session_cookies: tuple[str, dict[str, str]], seeded_url: str
) -> None:
    base, cookies = session_cookies
    before = _stored(seeded_url)
    for name, (build, reason) in HOSTILE.items():
        data = build()
        rss = _rss()
        response = _upload(base, cookies, name, data)  # refused by the checks, whose work is counted above
        assert response.status_code == 400, (name, response.text[-500:])
        assert reason in response.text and "未存储任何内容" in response.text, name
        # the server's own memory (the parse runs in a worker capped at parse_memory_bytes)
        assert _peak() - rss < SAFETY_BYTES, name
    assert DEFAULT_LIMITS.parse_memory_bytes <= SAFETY_BYTES + 64 * MiB  # the worker, interpreter included
    assert _stored(seeded_url) == before  # nothing stored


def test_the_worker_stops_a_parse_at_its_memory_and_time_ceilings() -> None:
    with pytest.raises(LimitExceeded) as memory:
        run_limited(hostile.allocate, 2 * 1024 * MiB, seconds=SAFETY_SECONDS, memory_bytes=256 * MiB)
    assert "内存超过上限" in memory.value.message
    started = time.monotonic()
    with pytest.raises(LimitExceeded) as slow:
        run_limited(hostile.spin, 600.0, seconds=3, memory_bytes=256 * MiB)
    assert "超时" in slow.value.message and time.monotonic() - started < SAFETY_SECONDS
    assert run_limited(hostile.allocate, 10 * MiB, seconds=SAFETY_SECONDS, memory_bytes=256 * MiB) == 10 * MiB


def test_jixiao_import_refuses_the_same_files(tmp_path: Path) -> None:
    bomb = tmp_path / "压缩炸弹.xlsx"
    bomb.write_bytes(hostile.zip_bomb())
    result = CliRunner().invoke(cli, ["import", str(bomb), "--db", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 1 and "解压后超过" in result.output


def _raw_request(base: str, head: str, body: bytes = b"", wait: float = SAFETY_SECONDS) -> tuple[str, float]:
    """Send a request head (and at most ``body``) over a socket; the status line and how long it took."""
    host, port = base.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=wait) as connection:
        connection.sendall(head.encode("latin-1") + body)
        answer = connection.recv(4096).decode("utf-8", "replace")
    return answer.split("\r\n", 1)[0], time.monotonic() - started


def test_an_anonymous_upload_of_1_gib_is_answered_before_its_body_is_read(
    session_cookies: tuple[str, dict[str, str]],
) -> None:
    base, _ = session_cookies
    head = (
        "POST /import HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {1024 * MiB}\r\n\r\n"
    )
    status, elapsed = _raw_request(base, head)  # not one byte of the body is sent
    assert status == "HTTP/1.1 303 See Other" and elapsed < SAFETY_SECONDS
    api, _ = _raw_request(base, head.replace("/import", "/api/tables/1/evaluation"))
    assert api.startswith("HTTP/1.1 401")


def test_a_body_of_100_mb_is_refused_from_its_length_or_as_it_streams(
    session_cookies: tuple[str, dict[str, str]],
) -> None:
    base, cookies = session_cookies
    cookie = "; ".join(f"{key}={value}" for key, value in cookies.items())
    head = (
        f"POST /import HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n"
        f"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {100 * MiB}\r\n\r\n"
    )
    status, elapsed = _raw_request(base, head)
    assert status.startswith("HTTP/1.1 413") and elapsed < SAFETY_SECONDS

    def chunks() -> Iterator[bytes]:  # no length: counted as it arrives and cut at the limit
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="x.txt"\r\n\r\n'
        for _ in range(100):
            yield b"x" * MiB

    rss = _rss()
    started = time.monotonic()
    with httpx.Client(base_url=base, cookies=cookies, timeout=SAFETY_SECONDS) as client:
        try:
            response = client.post(
                "/import", content=chunks(), headers={"Content-Type": "multipart/form-data; boundary=b"}
            )
        except httpx.HTTPError:
            pass  # the server closed the connection mid-body: refused too
        else:
            assert response.status_code == 413 and "太大" in response.text
    assert time.monotonic() - started < SAFETY_SECONDS
    assert _peak() - rss < SAFETY_BYTES


def test_json_nested_too_deep_is_a_400_not_a_500(session_cookies: tuple[str, dict[str, str]]) -> None:
    base, cookies = session_cookies
    with httpx.Client(base_url=base, cookies=cookies) as client:
        response = client.post(
            "/api/tables/1/evaluation",
            content=b"[" * 100_000 + b"]" * 100_000,
            headers={"Content-Type": "application/json", "X-CSRF-Token": cookies["jixiao_csrf"]},
        )
    assert response.status_code == 400 and "嵌套过深" in response.json()["error"]


def test_another_users_page_answers_while_a_hostile_upload_is_refused(
    session_cookies: tuple[str, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages are answered while the upload is being read (in a worker, the server only waiting):
    counted as the answers that arrive between the read's start and its end, never timed. A read
    that held the server up would let none arrive in between."""
    base, cookies = session_cookies
    reading, read = threading.Event(), threading.Event()
    real_read = read_upload

    def watched_read(*args: Any) -> Any:
        reading.set()
        try:
            return real_read(*args)
        finally:
            read.set()

    monkeypatch.setattr(workflow_pages, "read_upload", watched_read)  # the live server runs in this process
    bomb = hostile.zip_bomb()
    outcome: dict[str, Any] = {}

    def attack() -> None:
        outcome["response"] = _upload(base, cookies, "压缩炸弹.xlsx", bomb)

    attacker = threading.Thread(target=attack)
    attacker.start()
    assert reading.wait(SAFETY_SECONDS)  # only stops a hung server
    answered_meanwhile = 0
    with httpx.Client(base_url=base, timeout=SAFETY_SECONDS) as visitor:
        while not read.is_set() and answered_meanwhile < 20:
            assert visitor.get("/tables").status_code == 200
            answered_meanwhile += not read.is_set()
    attacker.join(SAFETY_SECONDS)
    assert outcome["response"].status_code == 400
    assert answered_meanwhile >= 1


def test_staged_uploads_expire_and_are_purged(seeded_url: str, seed_path: Path) -> None:
    from jixiao.service import NotFound
    from jixiao.workflow import Principal, Role

    service = Service(seeded_url)
    admin = next(u for u in service.users() if u.role is Role.ADMIN).principal()
    assert isinstance(admin, Principal)
    token = service.stage_upload(admin, "seed.txt", seed_path.read_bytes())
    with pytest.raises(NotFound):
        service.confirm_upload(admin, token, keep_seconds=0)  # older than allowed: gone
    service.stage_upload(admin, "seed.txt", seed_path.read_bytes())
    time.sleep(0.01)
    assert service.purge_staged_uploads(keep_seconds=0) == 2


@pytest.mark.parametrize(
    ("referer", "location"),
    [
        ("http://testserver/tables/3/edit", "/login?next=/tables/3/edit"),
        ("http://testserver/tables?q=%E5%A6%87", "/login?next=/tables%3Fq%3D%25E5%25A6%2587"),
        ("http://elsewhere.invalid//evil.invalid/x", "/login"),
        ("", "/login"),
    ],
)
def test_a_form_sent_without_a_session_goes_to_login_and_back_to_its_page(
    app_factory: Any, referer: str, location: str
) -> None:
    visitor = app_factory()
    headers = {"referer": referer} if referer else {}
    response = visitor.client.post(
        "/tables/3/edit", data={"name": "x"}, headers=headers, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == location
