"""A fresh machine: `make test`/`make demo` install the Debian packages they need as root, and
otherwise name them in one line (scripts/system-packages.sh, the one list)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "system-packages.sh"


def _fake_tools(directory: Path, uid: str) -> dict[str, str]:
    """`id` and `dpkg-query` that say: not root, nothing installed; `apt-get` that must not run."""
    directory.mkdir()
    (directory / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (directory / "dpkg-query").write_text("#!/bin/sh\nexit 1\n")
    (directory / "apt-get").write_text("#!/bin/sh\necho apt-get-ran >&2\nexit 3\n")
    for tool in directory.iterdir():
        tool.chmod(0o755)
    return {**os.environ, "PATH": f"{directory}:{os.environ['PATH']}", "JIXIAO_SKIP_SYSTEM_PACKAGES": ""}


def test_the_lists_are_one_place_and_nested() -> None:
    def listed(kind: str) -> set[str]:
        done = subprocess.run([str(SCRIPT), kind, "--list"], capture_output=True, text=True, check=True)
        return set(done.stdout.split())

    assert {"chromium", "fonts-noto-cjk", "poppler-utils", "postgresql", "libreoffice-calc-nogui"} <= listed(
        "test"
    )
    assert listed("venv") <= listed("demo") <= listed("test")
    makefile = (ROOT / "Makefile").read_text()
    assert "scripts/system-packages.sh test" in makefile and "scripts/system-packages.sh demo" in makefile
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make lint" in ci and "make test" in ci and "apt-get" not in ci


def test_without_root_it_names_what_to_install_in_one_line(tmp_path: Path) -> None:
    env = _fake_tools(tmp_path / "bin", "1000")
    done = subprocess.run([str(SCRIPT), "test"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "sudo apt-get install -y" in lines[0] and "fonts-noto-cjk" in lines[0]
    assert "apt-get-ran" not in done.stderr


def test_as_root_it_installs_with_apt(tmp_path: Path) -> None:
    env = _fake_tools(tmp_path / "bin", "0")
    done = subprocess.run([str(SCRIPT), "demo"], capture_output=True, text=True, env=env, check=False)
    assert "apt-get-ran" in done.stderr  # apt-get update was called (the fake one fails it)
