"""Take a screenshot of every page of the web application, desktop (1400 px) and phone (390 px), into
docs/screenshots — the pictures docs/user-guide.md shows.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--only dashboard,list]

It builds a throwaway SQLite database from the seed (tests/corpus/dongguan_fulian_2025.txt, stored as
published 2025 tables), adds a 填报人, a 审核人 and a 管理员, plays one year's work through the
service (a 2026 table copied from last year with an error, submitted with an explanation, a comment on
one row and a dismissed finding from the reviewer, 运行监控 and 单位自评 of one table), then serves the
app on a loopback port and visits each page as the person who uses it, in Debian's Chromium through
Playwright (never `playwright install`). Pictures of moments inside a flow (a failed save, the
expired-session dialog, undo…) come from the browser tests: `JIXIAO_SCREENSHOTS=docs/screenshots`.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jixiao.queries import TableQuery  # noqa: E402
from jixiao.service import Service  # noqa: E402
from jixiao.values import parse_target  # noqa: E402
from jixiao.web import Settings, create_app  # noqa: E402
from jixiao.workflow import Principal, Role  # noqa: E402

SEED = ROOT / "tests" / "corpus" / "dongguan_fulian_2025.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PASSWORD = "Screens-2026-ok"
FULIAN = "东莞市妇女联合会"
DESKTOP: Any = {"width": 1400, "height": 900}
PHONE: Any = {"width": 390, "height": 844}
COPIED = "购买社工岗位服务经费"  # copied to 2026 with an error, then submitted and reviewed
WATCHED = "三八六一系列活动经费"  # its 运行监控 and 单位自评 are entered


@dataclass(frozen=True)
class Shot:
    """One picture: its file name, who looks, the page, and the phone too (``phone-<name>.png``)."""

    name: str
    who: str | None  # None: a visitor
    path: str
    phone: bool = False
    ready: str = "main"  # a selector to wait for before the picture


def _monitoring() -> dict[str, Any]:
    currents = ["135000元", "1", "86%", "90%", "部分达成", "1次", "88%"]
    indicators: list[dict[str, str]] = [{"current": c, "likelihood": "确定能"} for c in currents]
    indicators[5] = {"current": "1次", "likelihood": "有可能", "reason": "上半年媒体档期冲突",
                     "measures": "三季度集中对接报道"}  # fmt: skip
    funds = [{"label": "当年财政拨款", "initial": "27", "budget": "27", "executed": "13.5"},
             {"label": "上年结转资金", "initial": "0", "budget": "0", "executed": "0"},
             {"label": "其他资金", "initial": "0", "budget": "0", "executed": "0"}]  # fmt: skip
    return {"months": "7", "profile": "central", "funds": funds, "indicators": indicators}


def _evaluation() -> dict[str, Any]:
    entries = [("243000元", "13", "", ""), ("2", "13", "", ""),
               ("80%", "12", "", "部分职工值班未能参加，下年度错峰安排"), ("90%", "12", "", ""),
               ("部分达成年度指标并具有一定效果", "15", "10", "宣传覆盖面不足，下年度增加线上活动"),
               ("4次", "15", "", "媒体档期冲突，报道减少；提前对接宣传部门"),
               ("92%", "10", "", "")]  # fmt: skip
    funds = [{"label": "当年财政拨款", "initial": "27", "budget": "27", "executed": "24.3"},
             {"label": "上年结转资金", "initial": "0", "budget": "0", "executed": "0"},
             {"label": "其他资金", "initial": "0", "budget": "0", "executed": "0"}]  # fmt: skip
    return {
        "profile": "central",
        "goal_actual": "举办三八、六一主题活动2场，参与率80%。",
        "funds": funds,
        "indicators": [{"actual": a, "weight": w, "score": s, "reason": r} for a, w, s, r in entries],
    }


def build(url: str) -> dict[str, int]:
    """The database the pictures show; the ids of the tables they open."""
    service = Service(url)
    service.upgrade()
    assert service.import_path(SEED, published=True).created == 17
    filler_id = service.add_user("tianbao", PASSWORD, Role.FILLER, FULIAN)
    reviewer_id = service.add_user("shenhe", PASSWORD, Role.REVIEWER, None, (FULIAN,))
    service.add_user("guanli", PASSWORD, Role.ADMIN)
    filler = Principal(filler_id, "tianbao", Role.FILLER, FULIAN)
    reviewer = Principal(reviewer_id, "shenhe", Role.REVIEWER, None, (FULIAN,))
    admin_rows, _ = service.list_tables(filler, TableQuery(q=COPIED))
    last_year = int(admin_rows[0].id)
    copy = service.copy_for_new_year(filler, last_year)
    items = tuple(
        replace(i, annual=parse_target("120%", i.name)) if i.name == "社工证持有率" else i
        for i in copy.indicators
    )
    this_year = service.create_table(filler, replace(copy, indicators=items), source_id=last_year)
    errors = service.errors_to_explain(filler, this_year)
    service.submit_explained(
        filler, this_year, {f.id: "持证率按持证人次统计，可超过100%" for f in errors}, "请审核"
    )
    service.comment_indicator(reviewer, this_year, ("产出指标", "质量指标", "社工证持有率"), "请写明口径")
    for finding in service.errors_to_explain(reviewer, this_year) or errors[:1]:
        service.dismiss_finding(reviewer, this_year, finding.id, "持证人次口径可超过100%，不作为错误")
    watched_rows, _ = service.list_tables(filler, TableQuery(q=WATCHED))
    watched = int(watched_rows[0].id)
    service.evaluation.save_monitoring(filler, watched, _monitoring())
    service.evaluation.save_evaluation(filler, watched, _evaluation())
    draft = service.create_table(
        filler, replace(copy, project=replace(copy.project, name="社区妇女议事会经费"))
    )
    return {"published": last_year, "reviewed": this_year, "watched": watched, "draft": draft}


def shots(ids: dict[str, int]) -> list[Shot]:
    """Every page, as the person who uses it."""
    published, reviewed, watched = ids["published"], ids["reviewed"], ids["watched"]
    return [
        Shot("dashboard", "guanli", "/", phone=True),  # with the monitoring lights and self-evaluation grades
        Shot("dashboard-public", None, "/"),
        Shot("list", None, "/tables?year=2025", phone=True),
        Shot("list-search", None, "/tables?q=满意度"),
        Shot("public-table", None, f"/tables/{published}", phone=True),
        Shot("open-data", None, "/open-data"),
        Shot("login", None, "/login", phone=True),
        Shot("selfevaluations", None, "/selfevaluations"),
        Shot("todo", "tianbao", "/todo", phone=True),
        Shot("new-table", "tianbao", "/tables/new", phone=True),
        Shot("table", "tianbao", f"/tables/{reviewed}", phone=True),
        Shot("editor", "tianbao", f"/tables/{ids['draft']}/edit"),
        Shot("import", "tianbao", "/import"),
        Shot("account", "tianbao", "/account", phone=True),
        Shot("monitoring", "tianbao", f"/tables/{watched}/monitoring"),
        Shot("evaluation", "tianbao", f"/tables/{watched}/evaluation"),
        Shot("queue", "shenhe", "/queue", phone=True),
        Shot("review-notes", "shenhe", f"/tables/{reviewed}", phone=True),
        Shot("compare", "shenhe", f"/tables/{reviewed}/compare"),
        Shot("compare-year", "shenhe", f"/tables/{reviewed}/compare-year", phone=True),
        Shot("admin-users", "guanli", "/admin/users", phone=True),
        Shot("admin-orgs", "guanli", "/admin/orgs", phone=True),
        Shot("admin-profiles", "guanli", "/admin/profiles"),
        Shot("admin-profile", "guanli", "/admin/profiles/2026", phone=True),
        Shot("admin-audit", "guanli", "/audit", phone=True),
        Shot("library", "guanli", "/library"),
    ]


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """The app on a free loopback port, in a thread, for as long as the block runs."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def take(base: str, wanted: list[Shot], out: Path) -> list[Path]:
    """Log in once per person and viewport, then take each picture; the files written."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages: dict[tuple[str | None, bool], Any] = {}
        for shot in wanted:
            for phone in (False, True) if shot.phone else (False,):
                key = (shot.who, phone)
                if key not in pages:
                    context = browser.new_context(
                        viewport=PHONE if phone else DESKTOP, locale="zh-CN", base_url=base
                    )
                    page = context.new_page()
                    page.set_default_timeout(30_000)
                    if shot.who:
                        page.goto("/login")
                        page.fill("input[name=username]", shot.who)
                        page.fill("input[name=password]", PASSWORD)
                        page.press("input[name=password]", "Enter")  # Enter submits
                        page.wait_for_url(f"{base}/")
                    pages[key] = page
                page = pages[key]
                page.goto(shot.path)
                page.wait_for_selector(shot.ready)
                page.wait_for_load_state("networkidle")
                path = out / f"{'phone-' if phone else ''}{shot.name}.png"
                page.screenshot(path=str(path), full_page=True)
                written.append(path)
        browser.close()
    return written


def main() -> None:
    """Build the database, serve it, take the pictures, print the files written."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", default="", help="comma-separated picture names (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/screens.db"
        ids = build(url)
        chosen = {name.strip() for name in args.only.split(",") if name.strip()}
        wanted = [s for s in shots(ids) if not chosen or s.name in chosen]
        with serve(create_app(Settings(database_url=url))) as base:
            for path in take(base, wanted, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
